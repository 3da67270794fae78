/**
 * Latency of the main query endpoints against a running app: a bounded number of sequential
 * requests per endpoint on loopback, reported as p50/p95/max in milliseconds. `npm run bench`
 * runs it against a freshly imported ecosystem (bench/run.ts); against an app you run:
 * `tsx bench/query-api.bench.ts [baseUrl] [requestsPerEndpoint]`.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ENDPOINTS: [string, RequestInit?][] = [
  ['/api/search?q=health'],
  ['/api/search?q=kobo&types=DPG'],
  ['/api/entities/dpg%3Adhis2'],
  ['/api/overview'],
  ['/api/overview?mode=summary'],
  ['/api/graph/neighbourhood?id=dpg:dhis2'],
  ['/api/graph/neighbourhood?id=org:unicef&depth=2&limit=300'],
  ['/api/graph/neighbourhood?id=org:unicef&depth=3&limit=1000'],
  ['/api/graph/paths?from=org:google&to=org:unicef&k=5'],
  ['/api/graph/paths?from=org:norad&to=country:SL&k=10'],
  [
    '/api/graph/subgraph',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: ['org:unicef', 'org:google', 'dpg:dhis2', 'country:SL'] }),
    },
  ],
  ['/api/stats'],
  ['/api/facets'],
  ['/api/export?format=graphml'],
  ['/api/export?format=csv&id=dpg:dhis2'],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function benchQueryApi(BASE: string, RUNS: number): Promise<void> {
  console.log(`${RUNS} requests per endpoint against ${BASE}`);
  console.log(['p50', 'p95', 'max', 'status', 'endpoint'].join('\t'));
  for (const [path, init] of ENDPOINTS) {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const response = await fetch(BASE + path, init);
      await response.arrayBuffer();
      times.push(performance.now() - started);
      status = response.status;
    }
    times.sort((a, b) => a - b);
    const ms = (v: number) => v.toFixed(1);
    console.log(
      [ms(percentile(times, 50)), ms(percentile(times, 95)), ms(times.at(-1)!), status, path].join(
        '\t',
      ),
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const base = process.argv[2] ?? process.env.BENCH_URL ?? 'http://127.0.0.1:3000';
  const runs = Math.min(Math.max(Number(process.argv[3] ?? 30), 1), 500);
  benchQueryApi(base, runs).catch((error: unknown) => {
    console.error(`benchmark failed: ${(error as Error).message}`);
    process.exitCode = 1;
  });
}
