/**
 * `npm run bench` (`-- --quick` for the short run): every benchmark of issue #8 on a database of
 * its own, results in bench/results/ (results-writer.ts). The order: import the real sources from
 * ../shared/data (first import and an unchanged re-import, timed); the API suite and the load soak
 * on the real data; the front-end suite against the app on the real data; then for each synthetic
 * scale, a fresh graph and the API suite again; the import throughput suite last (it wipes and
 * writes on its own). Progress goes to stderr. Speed targets live here, not in timed tests.
 *
 * Options: --quick (10k only, short windows: under 5 minutes), --only=api,frontend,import,
 * --scales=10k,100k,1M, --keep-db (leave the bench databases running; one that was running before
 * the run is always left running), --fresh (load synthetic graphs anew rather than reuse them).
 * Environment: LOCAL_NEO4J_BENCH_PORT (7694; synthetic scales on the next ports: 7695-7697),
 * LOCAL_NEO4J_BENCH_DATA (.neo4j/bench; scales in .neo4j/bench-<scale>), DPG_SHARED_DATA.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_LOCAL_PASSWORD, startLocalNeo4j, stopLocalNeo4j } from '../db/local-neo4j.ts';
import { connect } from '../server/bootstrap.ts';
import { REPO_ROOT } from '../server/config.ts';
import type { GraphDatabase } from '../server/db/neo4j-client.ts';
import { runImport, type ImportKind } from '../server/importers/import-runner.ts';
import { useUntranslatedStackTraces } from '../server/stack-traces.ts';
import { benchApi, benchSoak, type ApiSample } from './api-load.bench.ts';
import { startBenchServer, type BenchServer, type Neo4jAddress } from './bench-server.ts';
import { benchFrontend } from './frontend.bench.ts';
import { benchImport } from './import-throughput.bench.ts';
import type { BenchSection } from './report.ts';
import { addSuite, machineInfo, writeResults, type BenchRun } from './results-writer.ts';
import {
  loadSyntheticGraph,
  wipeInBatches,
  type SyntheticSample,
} from './synthetic/load-synthetic.ts';
import {
  loadFingerprint,
  reusableGraph,
  storedRelationshipCount,
  writeMarker,
} from './synthetic/synthetic-store.ts';
import { DEFAULT_SEED } from './synthetic/synthetic-graph.ts';

const SUITES = ['api', 'frontend', 'import'] as const;
type Suite = (typeof SUITES)[number];
const SCALES = { '10k': 10_000, '100k': 100_000, '1M': 1_000_000 } as const;
type Scale = keyof typeof SCALES;

const SHARED = process.env.DPG_SHARED_DATA ?? path.resolve(REPO_ROOT, '..', 'shared', 'data');
const REAL_SOURCES: [ImportKind, string][] = [
  ['member-page', path.join(SHARED, 'seed', 'unicef-member-activities.txt')],
  ['dpg-registry', path.join(SHARED, 'dpg-registry', 'api-2023')],
  ['members', path.join(SHARED, 'dpga', 'members-2025.json')],
  ['activities-csv', path.join(SHARED, 'dpga', 'roadmap-2023.csv')],
];
/** What the API suite asks of the real data: UNICEF's neighbourhood, DHIS2's collaborators… */
const REAL_SAMPLE: ApiSample = {
  hub: 'org:unicef',
  dpg: 'dpg:dhis2',
  pathPair: ['org:google', 'org:unicef'],
  searchTerms: ['health', 'dhis', 'open data', 'education', 'mobile money'],
};

interface Options {
  quick: boolean;
  only: Set<Suite>;
  scales: Scale[];
  keepDb: boolean;
  fresh: boolean;
}

function parseArgs(args: readonly string[]): Options {
  const options: Options = {
    quick: false,
    only: new Set(SUITES),
    scales: [],
    keepDb: false,
    fresh: false,
  };
  let scales: Scale[] | undefined;
  const list = <T extends string>(flag: string, value: string, allowed: readonly T[]): T[] =>
    (value === '' ? [] : value.split(',')).map((item) => {
      if (!allowed.includes(item as T)) {
        throw new Error(`${flag}: "${item}" is not one of ${allowed.join(', ')}`);
      }
      return item as T;
    });
  for (const arg of args) {
    const [flag, value = ''] = arg.split('=', 2);
    if (arg === '--quick') options.quick = true;
    else if (arg === '--keep-db') options.keepDb = true;
    else if (arg === '--fresh') options.fresh = true;
    else if (flag === '--only') options.only = new Set(list(flag, value, SUITES));
    else if (flag === '--scales') scales = list(flag, value, Object.keys(SCALES) as Scale[]);
    else
      throw new Error(
        `unknown option ${arg}: use --quick, --only=${SUITES.join(',')}, --scales=${Object.keys(SCALES).join(',')}, --keep-db, --fresh`,
      );
  }
  options.scales = scales ?? (options.quick ? ['10k'] : ['10k', '100k', '1M']);
  return options;
}

const benchDataDir = () =>
  process.env.LOCAL_NEO4J_BENCH_DATA ?? path.join(REPO_ROOT, '.neo4j', 'bench');
const benchPort = () => Number(process.env.LOCAL_NEO4J_BENCH_PORT ?? 7694);

const started = performance.now();
function log(line: string): void {
  const s = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.error(`[bench ${s}s] ${line}`);
}

/** Runs one suite; a failure becomes a problem in the results rather than ending the run. */
async function attempt(run: BenchRun, name: string, work: () => Promise<void>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    const message = `${name} failed: ${(error as Error).message}`;
    log(message);
    run.problems.push(message);
    process.exitCode = 1;
    return false;
  }
}

async function importRealSources(db: GraphDatabase): Promise<BenchSection> {
  const rows: (string | number)[][] = [];
  const total = (c: { created: number; updated: number; unchanged: number }) =>
    c.created + c.updated + c.unchanged;
  for (const [kind, location] of REAL_SOURCES) {
    log(`importing ${kind} from ${location}…`);
    const t0 = performance.now();
    const first = await runImport(db, { kind, location });
    const t1 = performance.now();
    await runImport(db, { kind, location });
    const t2 = performance.now();
    rows.push([
      kind,
      (t1 - t0).toFixed(0),
      (t2 - t1).toFixed(0),
      total(first.nodes),
      total(first.relationships),
    ]);
  }
  return {
    title: 'Import of the real sources',
    columns: ['source', 'first import ms', 're-import ms', 'entities', 'relationships'],
    rows,
    notes: [
      `From ${SHARED}, in this order, into a wiped database; the re-import is of the unchanged source (idempotence: nothing to write). Times include the network measures recomputed after each import.`,
    ],
  };
}

/**
 * The app twice over one database: `computing` with the answer cache off, so every request
 * computes its answer (the API table, its raw-Cypher comparison and the soak measure that), and
 * `deployed` as `npm start` runs it, cache on (repeated requests, the front end).
 */
interface BenchServers {
  computing: BenchServer;
  deployed: BenchServer;
}

async function withServers(neo4j: Neo4jAddress, work: (servers: BenchServers) => Promise<void>) {
  const computing = await startBenchServer(neo4j, { answerCache: false });
  try {
    const deployed = await startBenchServer(neo4j);
    try {
      await work({ computing, deployed });
    } finally {
      await deployed.stop();
    }
  } finally {
    await computing.stop();
  }
}

interface Context {
  run: BenchRun;
  options: Options;
  db: GraphDatabase;
  neo4j: Neo4jAddress;
}

const wants = (context: Context, suite: Suite) => context.options.only.has(suite);

/** The real sources imported (timed), then the API suite, the soak and the front end on them. */
async function realData({ run, options, db, neo4j }: Context): Promise<void> {
  if (!existsSync(REAL_SOURCES[0]![1])) {
    run.problems.push(`the real sources are not in ${SHARED}: no real-data measurements`);
    return;
  }
  const imported = await attempt(run, 'real-data import', async () => {
    await wipeInBatches(db);
    run.sections.push(await importRealSources(db));
  });
  // Without the real data in the database, its measurements would be of something else.
  if (!imported) return;
  const label = 'real data';
  await withServers(neo4j, async ({ computing: server, deployed }) => {
    if (options.only.has('api')) {
      log('API suite on the real data…');
      const api = {
        quick: options.quick,
        label,
        baseUrl: server.baseUrl,
        cachedBaseUrl: deployed.baseUrl,
        sample: REAL_SAMPLE,
      };
      await attempt(run, 'API suite (real data)', async () =>
        addSuite(run, await benchApi(db, api, log)),
      );
      await attempt(run, 'load soak (real data)', async () =>
        addSuite(
          run,
          await benchSoak(server, { quick: options.quick, label, sample: REAL_SAMPLE }, log),
        ),
      );
    }
    if (options.only.has('frontend')) {
      log('front-end suite…');
      await attempt(run, 'front-end suite', async () =>
        addSuite(run, await benchFrontend({ quick: options.quick, baseUrl: deployed.baseUrl })),
      );
    }
  });
}

/** Memory for a scale's database: a million relationships need more than the development default. */
const SCALE_MEMORY: Record<Scale, { heap: string; pageCache: string }> = {
  '10k': { heap: '1g', pageCache: '256m' },
  '100k': { heap: '1g', pageCache: '512m' },
  '1M': { heap: '4g', pageCache: '2g' },
};

/**
 * A scale's graph in its own database (synthetic-store.ts): reused when an earlier run loaded the
 * same graph with the same code, else wiped and loaded through the import path. Returns the
 * sample to query and the row of the "Synthetic graphs" table.
 */
async function syntheticGraph(
  db: GraphDatabase,
  dataDir: string,
  scale: Scale,
  fresh: boolean,
): Promise<{ sample: SyntheticSample; row: (string | number)[] }> {
  const wanted = {
    relationships: SCALES[scale],
    seed: DEFAULT_SEED,
    fingerprint: loadFingerprint(),
  };
  const reusable = fresh ? { reason: '--fresh' } : await reusableGraph(db, dataDir, wanted);
  if ('marker' in reusable) {
    const { marker } = reusable;
    log(`reusing the ${scale} graph loaded at ${marker.loadedAt} (same seed and load code)`);
    const loadS = (marker.load.ms / 1000).toFixed(1);
    return {
      sample: marker.sample,
      row: [
        scale,
        marker.load.entities,
        marker.load.relationships,
        loadS,
        `reused (${marker.loadedAt})`,
      ],
    };
  }
  log(`loading a synthetic graph of ${scale} relationships (${reusable.reason})…`);
  await wipeInBatches(db);
  let reported = 0;
  const graph = await loadSyntheticGraph(db, {
    relationships: wanted.relationships,
    seed: wanted.seed,
    onProgress: (done, total) => {
      if (done - reported >= total / 10 || done === total) {
        reported = done;
        log(`  ${done} / ${total}`);
      }
    },
  });
  const { sample, ...load } = graph;
  writeMarker(dataDir, {
    ...wanted,
    storedRelationships: await storedRelationshipCount(db),
    loadedAt: new Date().toISOString(),
    load,
    sample,
  });
  const row = [
    scale,
    graph.entities,
    graph.relationships,
    (graph.ms / 1000).toFixed(1),
    'this run',
  ];
  return { sample, row };
}

/**
 * For each scale, its database (own folder, own port, memory to fit), its graph, the app on it
 * and the API suite (the soak too on the largest, in the full run).
 */
async function syntheticScales({ run, options }: Context): Promise<void> {
  const loaded: (string | number)[][] = [];
  const largest = options.scales.reduce((a, b) => (SCALES[b] > SCALES[a] ? b : a));
  for (const scale of options.scales) {
    const label = `${scale} relationships (synthetic)`;
    const dataDir = `${benchDataDir()}-${scale}`;
    const memory = SCALE_MEMORY[scale];
    await attempt(run, `API suite (${scale})`, async () => {
      const local = await startLocalNeo4j({
        // A port per scale: a database kept running by an earlier run (--keep-db) is reused
        // rather than in the way of the next scale.
        port: benchPort() + 1 + Object.keys(SCALES).indexOf(scale),
        dataDir,
        password: DEFAULT_LOCAL_PASSWORD,
        heap: process.env.LOCAL_NEO4J_HEAP ?? memory.heap,
        pageCache: process.env.LOCAL_NEO4J_PAGECACHE ?? memory.pageCache,
        log,
      });
      const neo4j: Neo4jAddress = { uri: local.uri, user: local.user, password: local.password };
      const { db } = await connect(neo4j);
      try {
        const { sample: picked, row } = await syntheticGraph(db, dataDir, scale, options.fresh);
        loaded.push(row);
        const { hubOrganisation, dpg, pathPair, searchTerms } = picked;
        const sample: ApiSample = { hub: hubOrganisation, dpg, pathPair, searchTerms };
        await withServers(neo4j, async ({ computing: server, deployed }) => {
          log(`API suite at ${scale}…`);
          const api = {
            quick: options.quick,
            label,
            baseUrl: server.baseUrl,
            cachedBaseUrl: deployed.baseUrl,
            sample,
            judgeDepth2: scale === largest,
          };
          addSuite(run, await benchApi(db, api, log));
          if (!options.quick && scale === largest) {
            addSuite(run, await benchSoak(server, { quick: false, label, sample }, log));
          }
        });
      } finally {
        await db.close();
        if (!options.keepDb && local.startedNow) await stopLocalNeo4j({ dataDir, log });
      }
    });
  }
  run.sections.push({
    title: 'Synthetic graphs',
    columns: ['scale', 'entities', 'relationships', 'load s', 'loaded'],
    rows: loaded,
    notes: [
      `bench/synthetic (seed ${DEFAULT_SEED}), written through the project's import path; the load time includes the network measures. Each scale has its own database (${path.relative(REPO_ROOT, benchDataDir())}-<scale>), kept between runs: a run reuses a graph an earlier run loaded when the seed and every file that decides the load (generator, graph writer, import Cypher, network measures) are unchanged and the relationship count still matches; --fresh loads anew.`,
    ],
  });
}

async function main(): Promise<void> {
  // The raw-Cypher side runs the driver in this process: with the server's stack traces.
  useUntranslatedStackTraces();
  const args = process.argv.slice(2);
  const options = parseArgs(args);
  const run: BenchRun = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    quick: options.quick,
    args,
    machine: machineInfo(),
    sections: [],
    targets: [],
    problems: [],
  };
  if (options.only.has('frontend')) {
    log('building the front end (npm run build)…');
    const build = spawnSync('npm', ['run', 'build', '--silent'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0) {
      run.problems.push('npm run build failed: the front-end suite measured the last build');
    }
  }

  const dataDir = benchDataDir();
  const local = await startLocalNeo4j({
    port: benchPort(),
    dataDir,
    password: DEFAULT_LOCAL_PASSWORD,
    log,
  });
  const neo4j: Neo4jAddress = { uri: local.uri, user: local.user, password: local.password };
  const { db } = await connect(neo4j);
  const context: Context = { run, options, db, neo4j };
  try {
    if (wants(context, 'api') || wants(context, 'frontend')) await realData(context);
    if (wants(context, 'api') && options.scales.length > 0) await syntheticScales(context);
    if (wants(context, 'import')) {
      log('import throughput suite…');
      await attempt(run, 'import throughput suite', async () =>
        addSuite(run, await benchImport(db, { quick: options.quick })),
      );
    }
  } finally {
    await db.close();
    run.finishedAt = new Date().toISOString();
    const files = await writeResults(run);
    log(`results: ${files.map((f) => path.relative(REPO_ROOT, f)).join(', ')}`);
    if (options.keepDb || !local.startedNow) {
      log(
        `the bench database keeps running (${local.startedNow ? '--keep-db' : 'it was running before'}): LOCAL_NEO4J_DATA=${dataDir} npm run db:stop`,
      );
    } else {
      await stopLocalNeo4j({ dataDir, log });
    }
  }
  const missed = run.targets.filter((t) => !t.met);
  log(
    `done in ${((performance.now() - started) / 1000).toFixed(0)} s: ${run.targets.length - missed.length} of ${run.targets.length} targets met${missed.length > 0 ? ` (missed: ${missed.map((t) => t.name).join('; ')})` : ''}`,
  );
}

main().catch((error: unknown) => {
  log(`benchmark failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
