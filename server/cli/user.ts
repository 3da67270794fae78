/**
 * `npm run user -- <command>` manages accounts and API tokens in the graph the app serves:
 *   create <name> --role admin|editor|viewer [--password-stdin]
 *   token <name> [--label <text>]      prints a new API token once
 *   revoke <tokenId>
 *   list
 *   password <name>                    reads the new password from stdin
 *   role <name> <admin|editor|viewer>
 *   disable <name>
 * The first admin is created here; the app has no default account or password.
 */
import { parseArgs } from 'node:util';
import { connect, resolveNeo4j } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import {
  createToken,
  createUser,
  disableUser,
  listUsers,
  revokeToken,
  setPassword,
  setRole,
} from '../auth/accounts.ts';
import { roleSchema, type Role } from '../auth/roles.ts';
import type { GraphDatabase } from '../db/neo4j-client.ts';

const USAGE = `usage: npm run user -- create <name> --role admin|editor|viewer [--password-stdin]
       npm run user -- token <name> [--label <text>]
       npm run user -- revoke <tokenId>
       npm run user -- list
       npm run user -- password <name>          (new password on stdin)
       npm run user -- role <name> <admin|editor|viewer>
       npm run user -- disable <name>`;

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function role(value: string | undefined): Role {
  const parsed = roleSchema.safeParse(value);
  if (!parsed.success)
    throw new UsageError(`the role must be admin, editor or viewer, not "${value}"`);
  return parsed.data;
}

function arg(positionals: string[], index: number, what: string): string {
  const value = positionals[index];
  if (!value) throw new UsageError(`missing ${what}`);
  return value;
}

async function runCommand(db: GraphDatabase, argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      label: { type: 'string', default: '' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const [command] = positionals;
  switch (command) {
    case 'create': {
      const name = arg(positionals, 1, 'the account name');
      const password = values['password-stdin'] ? await readStdin() : undefined;
      const user = await createUser(db, { name, role: role(values.role), password });
      console.log(
        `created ${user.role} ${user.name} (${user.id})${password ? ' with a password' : ''}`,
      );
      return;
    }
    case 'token': {
      const { id, token } = await createToken(
        db,
        arg(positionals, 1, 'the account name'),
        values.label,
      );
      console.error(`token ${id} — shown once; send it as "Authorization: Bearer <token>":`);
      console.log(token);
      return;
    }
    case 'revoke':
      await revokeToken(db, arg(positionals, 1, 'the token id'));
      console.log('revoked');
      return;
    case 'list':
      for (const { user, tokens } of await listUsers(db)) {
        const state = user.disabledAt ? ` disabled ${user.disabledAt}` : '';
        console.log(
          `${user.name}\t${user.role}\t${user.id}${user.hasPassword ? '' : '\t(no password)'}${state}`,
        );
        for (const t of tokens)
          console.log(
            `  token ${t.id}\t${t.label || '-'}\t${t.createdAt}${t.revokedAt ? `\trevoked ${t.revokedAt}` : ''}`,
          );
      }
      return;
    case 'password': {
      const name = arg(positionals, 1, 'the account name');
      await setPassword(db, name, await readStdin());
      console.log(`password of ${name} changed`);
      return;
    }
    case 'role': {
      const user = await setRole(db, arg(positionals, 1, 'the account name'), role(positionals[2]));
      console.log(`${user.name} is now ${user.role}`);
      return;
    }
    case 'disable': {
      const user = await disableUser(db, arg(positionals, 1, 'the account name'));
      console.log(`${user.name} disabled; its sessions ended and its tokens no longer work`);
      return;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const { db } = await connect(
    await resolveNeo4j(config, (line) => console.error(line)),
    config.neo4jPool,
  );
  try {
    await runCommand(db, argv);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
  else console.error(`user: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
