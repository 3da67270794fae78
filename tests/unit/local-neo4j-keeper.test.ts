import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LAUNCHER_MAIN_CLASS } from '../../db/launcher-build.ts';
import { keepLocalNeo4jRunning, restartDelayMs } from '../../db/local-neo4j-keeper.ts';

describe('restartDelayMs', () => {
  it('restarts at once the first time, then backs off doubling from 5 s up to 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map((attempt) => restartDelayMs(attempt))).toEqual([
      0, 5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
  });

  it('refuses an attempt number that is not a positive integer, naming it', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => restartDelayMs(bad)).toThrow(RangeError);
      expect(() => restartDelayMs(bad)).toThrow(/attempt must be an integer from 1, got/);
    }
  });
});

describe('keepLocalNeo4jRunning', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  /** A live process whose command line names the launcher, as a running local Neo4j's does. */
  function fakeLauncher(): number {
    const child = spawn(process.execPath, [
      '-e',
      'setTimeout(() => {}, 60000)',
      LAUNCHER_MAIN_CLASS,
    ]);
    children.push(child);
    return child.pid!;
  }

  /** A data folder whose pid file (when `deadPid`) names a process that is gone. */
  function instanceDir(deadPid: boolean): { dataDir: string; pidFile: string } {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'keeper-'));
    const pidFile = path.join(dataDir, 'neo4j.pid');
    if (deadPid) writeFileSync(pidFile, `${spawnSync(process.execPath, ['-e', '0']).pid!}\n`);
    return { dataDir, pidFile };
  }

  /** A keeper of `dataDir` that looks every 20 ms and starts with `start`. */
  function keep(dataDir: string, start: () => Promise<unknown>, lines: string[] = []) {
    return keepLocalNeo4jRunning({
      port: 7999,
      dataDir,
      password: 'not-used-here',
      checkIntervalMs: 20,
      firstRetryDelayMs: 50,
      log: (line) => lines.push(line),
      start,
    });
  }

  it('restarts a database that died unasked, and keeps trying when a start fails', async () => {
    // The pid file names a process that is gone: the database died without db:stop.
    const { dataDir, pidFile } = instanceDir(true);
    const lines: string[] = [];
    let starts = 0;
    const keeper = keep(
      dataDir,
      () => {
        starts++;
        // A failed start leaves no pid file behind, as startLocalNeo4j's failures do.
        rmSync(pidFile, { force: true });
        if (starts < 3) return Promise.reject(new Error(`PORT_TAKEN (try ${starts})`));
        writeFileSync(pidFile, `${fakeLauncher()}\n`);
        return Promise.resolve();
      },
      lines,
    );
    await vi.waitFor(() => expect(starts).toBe(3), { timeout: 5_000, interval: 20 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    keeper.stop();
    expect(starts).toBe(3);
    expect(keeper.restarts).toBe(3);
    expect(lines.filter((line) => line.includes('did not start again'))).toHaveLength(2);
  });

  it('stops retrying once the instance is stopped on purpose (db:stop’s mark)', async () => {
    const { dataDir, pidFile } = instanceDir(true);
    let starts = 0;
    const keeper = keep(dataDir, () => {
      starts++;
      rmSync(pidFile, { force: true });
      // db:stop interrupted this start: its mark is there when the start fails.
      writeFileSync(path.join(dataDir, 'neo4j.stopped'), 'now\n');
      return Promise.reject(new Error('stopped while starting'));
    });
    await vi.waitFor(() => expect(starts).toBe(1), { timeout: 5_000, interval: 20 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    keeper.stop();
    expect(starts).toBe(1);
  });

  it('leaves a database stopped on purpose (no pid file) alone', async () => {
    const { dataDir } = instanceDir(false);
    let starts = 0;
    const keeper = keep(dataDir, () => {
      starts++;
      return Promise.resolve();
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    keeper.stop();
    expect(starts).toBe(0);
  });
});
