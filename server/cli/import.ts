/**
 * `npm run import -- <kind> <path-or-url> [--dry-run] [--json]`: imports a source into the graph
 * the app is configured for (NEO4J_URI, else the local database) and prints the report.
 */
import { parseArgs } from 'node:util';
import { connect, resolveNeo4j } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { formatReport } from '../importers/import-report.ts';
import { importMemberPage } from '../importers/member-page/member-page-importer.ts';
import { readSourceText } from '../importers/source-reader.ts';

const KINDS = ['member-page'] as const;
const USAGE = `usage: npm run import -- <kind> <path-or-url> [--dry-run] [--json]
kinds: ${KINDS.join(', ')}`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const [kind, location] = positionals;
  if (!kind || !location || !(KINDS as readonly string[]).includes(kind)) {
    console.error(
      kind && !(KINDS as readonly string[]).includes(kind)
        ? `unknown kind "${kind}"\n${USAGE}`
        : USAGE,
    );
    return 2;
  }
  const config = loadConfig();
  const log = (line: string) => console.error(line);
  const { db } = await connect(await resolveNeo4j(config, log));
  try {
    const report = await importMemberPage(db, await readSourceText(location), {
      dryRun: values['dry-run'],
    });
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof AppError || error instanceof Error ? error.message : String(error);
    console.error(`import failed: ${message}`);
    process.exit(1);
  },
);
