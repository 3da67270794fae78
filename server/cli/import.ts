/**
 * `npm run import -- <kind> <path-or-url> [options]` imports a source into the graph the app is
 * configured for (NEO4J_URI, else the local database) and prints the report;
 * `npm run import -- resolve-report` lists every merge the imports made.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { connect, resolveNeo4j } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { formatReport } from '../importers/import-report.ts';
import { IMPORT_KINDS, runImport, type ImportKind } from '../importers/import-runner.ts';
import { formatResolutionReport, resolutionReport } from '../importers/resolution-report.ts';

const USAGE = `usage: npm run import -- <kind> <path-or-url> [options]
       npm run import -- resolve-report [--json]
kinds:
  member-page     a DPGA member's activity page (text)
  dpg-registry    a directory laid out like the registry API (dpgs.json, dpg/<id>.json) or the API base URL
  members         the DPGA members and board list (JSON: {members: [...], board: [...]})
  activities-csv  an activities sheet (CSV)
options:
  --dry-run                report what would change, write nothing
  --json                   print the report as JSON
  --columns <mapping>      activities-csv: organisation=Org,activity=Title,link=URL (defaults: Organization, Activity, Link)
  --source-id <id>         activities-csv: the sheet's identity across versions (default: its file name)`;

function isKind(value: string | undefined): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value ?? '');
}

/** A progress bar on a terminal; plain lines (every 10%) in logs and CI. */
function progressReporter(label: string): {
  update: (done: number, total: number) => void;
  stop: () => void;
} {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {value}/{total}`, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (done, total) => {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    update: (done, total) => {
      const tenth = Math.floor((done / total) * 10);
      if (tenth !== lastTenth) console.error(`${label}: ${done}/${total}`);
      lastTenth = tenth;
    },
    stop: () => {},
  };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      columns: { type: 'string' },
      'source-id': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const [kind, location] = positionals;
  if (values.help || !kind) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (kind !== 'resolve-report' && (!isKind(kind) || !location)) {
    console.error(
      isKind(kind) ? `${kind} needs a path or URL\n${USAGE}` : `unknown kind "${kind}"\n${USAGE}`,
    );
    return 2;
  }

  const config = loadConfig();
  const { db } = await connect(
    await resolveNeo4j(config, (line) => console.error(line)),
    config.neo4jPool,
  );
  try {
    if (kind === 'resolve-report') {
      const merges = await resolutionReport(db);
      console.log(values.json ? JSON.stringify(merges, null, 2) : formatResolutionReport(merges));
      return 0;
    }
    const progress = progressReporter(`reading ${kind}`);
    try {
      const report = await runImport(db, {
        kind: kind as ImportKind,
        location: location!,
        dryRun: values['dry-run'],
        columns: values.columns,
        sourceId: values['source-id'],
        onProgress: progress.update,
      });
      progress.stop();
      console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    } finally {
      progress.stop();
    }
    return 0;
  } finally {
    await db.close();
  }
}

// exitCode, not exit(): a report piped to another program must be written out in full first.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
