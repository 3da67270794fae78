/**
 * `server/main.ts` as a child process, as `npm start` runs it (node itself, so signals reach it),
 * for the tests of what only the whole process does: shutting down, keeping its local database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from '../../server/config.ts';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
}

/** Starts the server with `env` (PORT=0 on loopback) and resolves once it says where it serves. */
export async function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const port = await new Promise<number>((resolve, reject) => {
    const poll = setInterval(() => {
      const match = /serving http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearInterval(poll);
        resolve(Number(match[1]));
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(poll);
      reject(new Error(`the server exited (${code}) before listening:\n${output}`));
    });
  });
  return { child, port, exited, output: () => output };
}
