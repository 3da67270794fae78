// Reads what the Java launcher says: its READY line, its exit codes, and the tail of its log
// that goes into error messages.

/** Exit codes of LocalNeo4j.java. */
export const LAUNCHER_EXIT = { usage: 2, portTaken: 3, startFailed: 4 } as const;

/** The message for a Bolt port someone else holds, the same whether found before or at start. */
export function portTakenMessage(port: number): string {
  return `port ${port} is taken — set LOCAL_NEO4J_PORT or stop what uses it`;
}

/** The last `count` non-empty lines of `text`, joined with newlines. */
export function tailLines(text: string, count: number): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.slice(-count).join('\n');
}

/** The Bolt port of the launcher's `READY bolt://127.0.0.1:<port>` line, if the log has one. */
export function parseReadyPort(logText: string): number | undefined {
  const match = /^READY bolt:\/\/[^\s:]+:(\d+)\s*$/m.exec(logText);
  return match?.[1] ? Number(match[1]) : undefined;
}

/** How the launcher ended, in words, and whether it was because the port was taken. */
export interface LauncherExitDescription {
  portTaken: boolean;
  summary: string;
}

/** Explains an early launcher exit from its exit code or signal (null when unknown). */
export function describeLauncherExit(
  exitCode: number | null,
  signal: string | null,
  port: number,
): LauncherExitDescription {
  if (exitCode === LAUNCHER_EXIT.portTaken) {
    return { portTaken: true, summary: portTakenMessage(port) };
  }
  if (exitCode === LAUNCHER_EXIT.usage) {
    return {
      portTaken: false,
      summary:
        'the launcher rejected its arguments or password (exit 2; NEO4J_PASSWORD needs at least 8 characters)',
    };
  }
  if (exitCode === LAUNCHER_EXIT.startFailed) {
    return { portTaken: false, summary: 'Neo4j failed to start (exit 4)' };
  }
  if (signal) {
    return { portTaken: false, summary: `the launcher was killed by ${signal}` };
  }
  if (exitCode === null) {
    return { portTaken: false, summary: 'the launcher exited unexpectedly' };
  }
  return {
    portTaken: false,
    summary: `the Java process exited with ${exitCode} (a JVM failure: bad class path, unsupported option or not enough memory)`,
  };
}
