// The pid file that marks a running local Neo4j (`<dataDir>/neo4j.pid`), and the checks that a
// pid in it still belongs to our launcher — so a recycled pid is never mistaken for it, or killed.

import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

import { LAUNCHER_MAIN_CLASS } from './launcher-build.ts';

/** The pid recorded in `pidFile`, or undefined when the file is missing or holds no pid. */
export function readPidFile(pidFile: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(pidFile, 'utf8');
  } catch {
    return undefined;
  }
  return parsePid(text);
}

/** Parses a pid file's text: one positive integer, surrounding whitespace allowed. */
export function parsePid(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const pid = Number(trimmed);
  return pid > 0 && Number.isSafeInteger(pid) ? pid : undefined;
}

/** Records `pid` in `pidFile`. */
export function writePidFile(pidFile: string, pid: number): void {
  writeFileSync(pidFile, `${pid}\n`);
}

/** Removes `pidFile` if it exists. */
export function removePidFile(pidFile: string): void {
  rmSync(pidFile, { force: true });
}

/** True when a process with `pid` exists and is not a zombie. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return processState(pid) !== 'Z';
}

/**
 * True when `pid` is alive and its command line runs our launcher. Where the command line cannot
 * be read (no /proc and no `ps`), an alive pid is taken to be ours.
 */
export function isLauncherProcess(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  const commandLine = readCommandLine(pid);
  return commandLine === undefined || commandLine.includes(LAUNCHER_MAIN_CLASS);
}

function processState(pid: number): string | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) S ..."; comm may contain spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).charAt(0);
  } catch {
    return undefined;
  }
}

function readCommandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    // No /proc (macOS): ask ps.
  }
  const ps = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
  return ps.status === 0 && ps.stdout.trim() !== '' ? ps.stdout : undefined;
}
