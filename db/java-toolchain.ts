// Checks that the tools the local Neo4j needs are installed — a JDK 17+ to run it, Maven to
// build the launcher — and says how to install whichever is missing.

import { spawnSync } from 'node:child_process';

import { LocalNeo4jError } from './local-neo4j-error.ts';

/** Neo4j 5.26 runs on Java 17 or 21. */
export const MINIMUM_JAVA_MAJOR = 17;

const USE_EXISTING_NEO4J = 'or set NEO4J_URI (and NEO4J_PASSWORD) to use a Neo4j you already run';

/**
 * Reads the major version from `java -version` output (`openjdk version "17.0.15"`,
 * `java version "1.8.0_292"`, `openjdk version "21" 2023-09-19`); undefined if there is none.
 */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  // Java 8 and older call themselves 1.x.
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** Throws a TOOLCHAIN_MISSING {@link LocalNeo4jError} unless `java` on the PATH is 17 or newer. */
export function checkJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new LocalNeo4jError(
      'TOOLCHAIN_MISSING',
      `Java is not installed (no working \`java\` on the PATH); the local Neo4j needs a JDK ${MINIMUM_JAVA_MAJOR}+. ` +
        'Install one (Debian/Ubuntu: `sudo apt-get install openjdk-17-jdk-headless`; ' +
        `macOS: \`brew install openjdk@17\`), ${USE_EXISTING_NEO4J}.`,
    );
  }
  // `java -version` writes to stderr.
  const output = `${result.stderr}${result.stdout}`;
  const major = parseJavaMajorVersion(output);
  if (major === undefined || major < MINIMUM_JAVA_MAJOR) {
    const found = major === undefined ? 'an unrecognised version' : `Java ${major}`;
    throw new LocalNeo4jError(
      'TOOLCHAIN_MISSING',
      `\`java\` on the PATH is ${found}; the local Neo4j needs Java ${MINIMUM_JAVA_MAJOR} or newer. ` +
        'Install a newer JDK (Debian/Ubuntu: `sudo apt-get install openjdk-17-jdk-headless`) and put it ' +
        `first on the PATH, ${USE_EXISTING_NEO4J}.`,
    );
  }
}

/** Throws a TOOLCHAIN_MISSING {@link LocalNeo4jError} unless `mvn -v` runs. */
export function checkMaven(): void {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new LocalNeo4jError(
      'TOOLCHAIN_MISSING',
      'Maven is not installed (no working `mvn` on the PATH); it builds the local Neo4j launcher once. ' +
        `Install it (Debian/Ubuntu: \`sudo apt-get install maven\`; macOS: \`brew install maven\`), ${USE_EXISTING_NEO4J}.`,
    );
  }
}
