// The local Neo4j launcher's logic that runs without a database: Java version parsing, the
// build staleness check, reading the launcher's output and exit codes, pid-file safety, port
// probes and the CLI settings. Starting a real Neo4j is covered by the integration tests.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { resolveLocalNeo4jSettings } from '../../db/cli-settings.ts';
import { parseJavaMajorVersion } from '../../db/java-toolchain.ts';
import { isLauncherBuildStale, readLauncherBuildTimes } from '../../db/launcher-build.ts';
import {
  describeLauncherExit,
  LAUNCHER_EXIT,
  parseReadyPort,
  tailLines,
} from '../../db/launcher-output.ts';
import {
  isLauncherProcess,
  isProcessAlive,
  parsePid,
  readPidFile,
  writePidFile,
} from '../../db/launcher-pid-file.ts';
import {
  DEFAULT_LOCAL_PASSWORD,
  LocalNeo4jError,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../../db/local-neo4j.ts';
import { canConnect, isPortFree } from '../../db/port-probe.ts';

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'local-neo4j-test-'));
});
afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('parseJavaMajorVersion', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_292"', 8],
    ['openjdk version "11.0.2" 2019-01-15', 11],
  ])('reads %j as %i', (output, major) => {
    expect(parseJavaMajorVersion(output)).toBe(major);
  });

  it('returns undefined when there is no version', () => {
    expect(parseJavaMajorVersion('bash: java: command not found')).toBeUndefined();
  });
});

describe('isLauncherBuildStale', () => {
  const built = { inputs: [100, 200], mainClass: 300, buildStamp: 300, libJarCount: 200 };

  it('is fresh when every output is newer than every input', () => {
    expect(isLauncherBuildStale(built)).toBe(false);
  });

  it.each([
    ['the class is missing', { ...built, mainClass: undefined }],
    ['the build stamp is missing', { ...built, buildStamp: undefined }],
    ['there are no jars', { ...built, libJarCount: 0 }],
    ['an input is newer than the stamp', { ...built, inputs: [100, 400] }],
    ['the class is older than an input', { ...built, mainClass: 150 }],
  ])('is stale when %s', (_case, times) => {
    expect(isLauncherBuildStale(times)).toBe(true);
  });
});

describe('readLauncherBuildTimes', () => {
  function fixture(): Parameters<typeof readLauncherBuildTimes>[0] {
    const paths = {
      pom: join(scratch, 'pom.xml'),
      javaSources: join(scratch, 'src'),
      mainClassFile: join(scratch, 'target', 'Main.class'),
      lib: join(scratch, 'target', 'lib'),
      buildStamp: join(scratch, 'target', '.built'),
    };
    mkdirSync(join(paths.javaSources, 'org'), { recursive: true });
    mkdirSync(paths.lib, { recursive: true });
    const files: [string, number][] = [
      [paths.pom, 1000],
      [join(paths.javaSources, 'org', 'Main.java'), 1000],
      [paths.mainClassFile, 2000],
      [join(paths.lib, 'neo4j.jar'), 2000],
      [paths.buildStamp, 2000],
    ];
    for (const [file, seconds] of files) {
      writeFileSync(file, '');
      utimesSync(file, seconds, seconds);
    }
    return paths;
  }

  it('finds a finished build fresh', () => {
    expect(isLauncherBuildStale(readLauncherBuildTimes(fixture()))).toBe(false);
  });

  it('finds the build stale after a Java source changes', () => {
    const paths = fixture();
    utimesSync(join(paths.javaSources, 'org', 'Main.java'), 3000, 3000);
    expect(isLauncherBuildStale(readLauncherBuildTimes(paths))).toBe(true);
  });

  it('finds the build stale after the pom changes', () => {
    const paths = fixture();
    utimesSync(paths.pom, 3000, 3000);
    expect(isLauncherBuildStale(readLauncherBuildTimes(paths))).toBe(true);
  });

  it('finds the build stale when the jars are gone', () => {
    const paths = fixture();
    rmSync(paths.lib, { recursive: true });
    expect(isLauncherBuildStale(readLauncherBuildTimes(paths))).toBe(true);
  });
});

describe('launcher output', () => {
  it('finds the port in the READY line', () => {
    const log = 'WARNING: something\nREADY bolt://127.0.0.1:7695\n';
    expect(parseReadyPort(log)).toBe(7695);
  });

  it('finds no port before the launcher is ready', () => {
    expect(parseReadyPort('Starting...\nNOT READY bolt://127.0.0.1:7695 yet\n')).toBeUndefined();
  });

  it('keeps the last non-empty lines of a log', () => {
    expect(tailLines('a\n\nb\r\nc\n\n', 2)).toBe('b\nc');
  });

  it('reports exit 3 as the port being taken, and only exit 3', () => {
    expect(describeLauncherExit(LAUNCHER_EXIT.portTaken, null, 7687).portTaken).toBe(true);
    for (const code of [LAUNCHER_EXIT.usage, LAUNCHER_EXIT.startFailed, 1, null]) {
      expect(describeLauncherExit(code, null, 7687).portTaken).toBe(false);
    }
  });

  it('explains each way the launcher can end differently', () => {
    const summaries = [
      describeLauncherExit(LAUNCHER_EXIT.usage, null, 7687),
      describeLauncherExit(LAUNCHER_EXIT.portTaken, null, 7687),
      describeLauncherExit(LAUNCHER_EXIT.startFailed, null, 7687),
      describeLauncherExit(1, null, 7687),
      describeLauncherExit(null, 'SIGKILL', 7687),
      describeLauncherExit(null, null, 7687),
    ].map((description) => description.summary);
    expect(new Set(summaries).size).toBe(summaries.length);
  });
});

describe('pid file', () => {
  it.each([
    ['1234\n', 1234],
    ['  42 ', 42],
    ['', undefined],
    ['abc', undefined],
    ['0', undefined],
    ['-5', undefined],
    ['12 34', undefined],
  ])('parses %j as %s', (text, pid) => {
    expect(parsePid(text)).toBe(pid);
  });

  it('round-trips a pid and reads a missing file as none', () => {
    const file = join(scratch, 'neo4j.pid');
    expect(readPidFile(file)).toBeUndefined();
    writePidFile(file, 4321);
    expect(readPidFile(file)).toBe(4321);
  });

  it('tells a running process from one that has exited', async () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid;
    await new Promise((resolve) => child.once('exit', resolve));
    expect(pid).toBeDefined();
    expect(isProcessAlive(pid ?? 0)).toBe(false);
  });

  it('does not take an unrelated live process for the launcher', () => {
    expect(isLauncherProcess(process.pid)).toBe(false);
  });
});

describe('stopLocalNeo4j', () => {
  it('reports that nothing was running when there is no pid file', async () => {
    await expect(stopLocalNeo4j({ dataDir: scratch })).resolves.toBe(false);
  });

  it('never signals a live process that is not the launcher, and clears its stale pid file', async () => {
    const pidFile = join(scratch, 'neo4j.pid');
    writePidFile(pidFile, process.pid);
    await expect(stopLocalNeo4j({ dataDir: scratch })).resolves.toBe(false);
    expect(existsSync(pidFile)).toBe(false);
  });
});

describe('startLocalNeo4j input checks', () => {
  it.each([
    ['a port out of range', { port: 70000, dataDir: 'x', password: DEFAULT_LOCAL_PASSWORD }],
    ['a fractional port', { port: 7687.5, dataDir: 'x', password: DEFAULT_LOCAL_PASSWORD }],
    ['an empty data directory', { port: 7687, dataDir: '', password: DEFAULT_LOCAL_PASSWORD }],
    ['a password Neo4j would refuse', { port: 7687, dataDir: 'x', password: 'short' }],
  ])('rejects %s before starting anything', async (_case, opts) => {
    const start = startLocalNeo4j(opts);
    await expect(start).rejects.toBeInstanceOf(LocalNeo4jError);
    await expect(start).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
  });
});

describe('port probes', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  async function listenOnFreePort(): Promise<number> {
    server = createServer();
    const listening = server;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const address = listening.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    return address.port;
  }

  it('sees a port in use as taken and answering', async () => {
    const port = await listenOnFreePort();
    await expect(isPortFree(port)).resolves.toBe(false);
    await expect(canConnect(port)).resolves.toBe(true);
  });

  it('sees a released port as free and silent', async () => {
    const port = await listenOnFreePort();
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    await expect(isPortFree(port)).resolves.toBe(true);
    await expect(canConnect(port)).resolves.toBe(false);
  });
});

describe('resolveLocalNeo4jSettings', () => {
  it('defaults to port 7687, .neo4j/dev under the repository and the development password', () => {
    expect(resolveLocalNeo4jSettings({}, '/somewhere', '/repo')).toEqual({
      port: 7687,
      dataDir: join('/repo', '.neo4j', 'dev'),
      password: DEFAULT_LOCAL_PASSWORD,
    });
  });

  it('takes the port, a relative data directory and the password from the environment', () => {
    const env = {
      LOCAL_NEO4J_PORT: '7695',
      LOCAL_NEO4J_DATA: 'tmp/db',
      NEO4J_PASSWORD: 'a-longer-secret',
    };
    expect(resolveLocalNeo4jSettings(env, '/work', '/repo')).toEqual({
      port: 7695,
      dataDir: join('/work', 'tmp', 'db'),
      password: 'a-longer-secret',
    });
  });

  it.each(['abc', '0', '65536', '76.5', '-1'])('rejects LOCAL_NEO4J_PORT=%s', (port) => {
    expect(() => resolveLocalNeo4jSettings({ LOCAL_NEO4J_PORT: port }, '/w', '/r')).toThrow(
      LocalNeo4jError,
    );
  });
});
