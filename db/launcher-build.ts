// Builds the Java launcher (db/pom.xml → db/target) with Maven, but only when the compiled
// class, the runtime jars or the build stamp are missing or older than the pom or the Java
// sources, so every start after the first reuses the cached jars.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { checkMaven } from './java-toolchain.ts';
import { LocalNeo4jError } from './local-neo4j-error.ts';
import { tailLines } from './launcher-output.ts';

const DB_DIR = dirname(fileURLToPath(import.meta.url));

/** Where the launcher's sources and build outputs live (resolved from this file, not the cwd). */
export const launcherPaths = {
  pom: join(DB_DIR, 'pom.xml'),
  javaSources: join(DB_DIR, 'src', 'main', 'java'),
  classes: join(DB_DIR, 'target', 'classes'),
  mainClassFile: join(DB_DIR, 'target', 'classes', 'org', 'dpgexplorer', 'db', 'LocalNeo4j.class'),
  lib: join(DB_DIR, 'target', 'lib'),
  /** Touched after every successful build; Maven leaves up-to-date outputs' times alone. */
  buildStamp: join(DB_DIR, 'target', '.local-neo4j-built'),
} as const;

/** The launcher's main class. */
export const LAUNCHER_MAIN_CLASS = 'org.dpgexplorer.db.LocalNeo4j';

/** Modification times (ms) of the build's inputs and outputs; undefined for a missing output. */
export interface LauncherBuildTimes {
  inputs: readonly number[];
  mainClass: number | undefined;
  buildStamp: number | undefined;
  libJarCount: number;
}

/** True when the launcher must be (re)built: an output is missing or older than an input. */
export function isLauncherBuildStale(times: LauncherBuildTimes): boolean {
  if (times.mainClass === undefined || times.buildStamp === undefined) return true;
  if (times.libJarCount === 0) return true;
  const newestInput = Math.max(0, ...times.inputs);
  return times.buildStamp < newestInput || times.mainClass < newestInput;
}

/** Reads the build times of the launcher at `paths` from the file system. */
export function readLauncherBuildTimes(
  paths: Pick<typeof launcherPaths, 'pom' | 'javaSources' | 'mainClassFile' | 'lib' | 'buildStamp'>,
): LauncherBuildTimes {
  const inputs = [paths.pom, ...listFiles(paths.javaSources)].map(
    (file) => mtimeOf(file) ?? Number.POSITIVE_INFINITY,
  );
  const libJarCount = existsSync(paths.lib)
    ? readdirSync(paths.lib).filter((name) => name.endsWith('.jar')).length
    : 0;
  return {
    inputs,
    mainClass: mtimeOf(paths.mainClassFile),
    buildStamp: mtimeOf(paths.buildStamp),
    libJarCount,
  };
}

/** The Java class path that runs the launcher. */
export function launcherClassPath(pathDelimiter: string): string {
  return [launcherPaths.classes, join(launcherPaths.lib, '*')].join(pathDelimiter);
}

/**
 * Builds the launcher with `mvn -B -q -f db/pom.xml package -DskipTests` when
 * {@link isLauncherBuildStale}; returns whether it built.
 */
export async function ensureLauncherBuilt(log: (line: string) => void): Promise<boolean> {
  if (!isLauncherBuildStale(readLauncherBuildTimes(launcherPaths))) return false;
  checkMaven();
  log('Building the local Neo4j launcher with Maven (the first build downloads ~130 MB of jars)…');
  const output = await runMaven(['-B', '-q', '-f', launcherPaths.pom, 'package', '-DskipTests']);
  if (output.exitCode !== 0) {
    throw new LocalNeo4jError(
      'BUILD_FAILED',
      `Building the local Neo4j launcher failed (mvn exited with ${output.exitCode}). Last lines:\n` +
        tailLines(output.text, 30),
    );
  }
  writeFileSync(launcherPaths.buildStamp, `${new Date().toISOString()}\n`);
  log('Launcher built.');
  return true;
}

function runMaven(args: string[]): Promise<{ exitCode: number; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.once('error', (error) =>
      reject(new LocalNeo4jError('BUILD_FAILED', `Could not run mvn: ${error.message}`)),
    );
    child.once('close', (code) => resolve({ exitCode: code ?? 1, text }));
  });
}

function mtimeOf(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
