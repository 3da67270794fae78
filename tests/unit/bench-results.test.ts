// The benchmark's arithmetic and its report: percentiles by nearest rank, pooled rounds, and the
// markdown the results writer renders (targets met and missed, cells that hold a pipe).
import { describe, expect, it } from 'vitest';
import { percentile, ratio, summarise } from '../../bench/latency-stats.ts';
import { loadFailures, pool, type LoadResult } from '../../bench/load-runner.ts';
import { requestsFor, stakeholderMapRequests } from '../../bench/stakeholder-maps.bench.ts';
import { renderMarkdown, type BenchRun } from '../../bench/results-writer.ts';

describe('latency statistics', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('takes percentiles by nearest rank', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises unsorted latencies over the measured seconds', () => {
    const summary = summarise([...hundred].reverse(), 4);
    expect(summary).toMatchObject({
      count: 100,
      p50: 50,
      p95: 95,
      p99: 99,
      max: 100,
      perSecond: 25,
    });
    expect(summary.mean).toBeCloseTo(50.5);
  });

  it('refuses a window of no time', () => {
    expect(() => summarise([1], 0)).toThrow(/seconds/);
  });

  it('renders a ratio, or a dash when there is none', () => {
    expect(ratio(1.234)).toBe('1.23×');
    expect(ratio(Number.NaN)).toBe('–');
  });

  it('pools rounds: latencies and counts together, times added', () => {
    const round = (latencies: number[], seconds: number, status: string): LoadResult => ({
      latencies,
      seconds,
      statusCounts: { [status]: latencies.length },
      errors: 1,
      timeouts: 0,
      errorSamples: ['reset'],
    });
    const pooled = pool([round([1, 2], 1, '200'), round([3], 2, '200'), round([4], 1, '404')]);
    expect(pooled.latencies).toEqual([1, 2, 3, 4]);
    expect(pooled.seconds).toBe(4);
    expect(pooled.statusCounts).toEqual({ '200': 3, '404': 1 });
    expect(pooled.errors).toBe(3);
    // What a table's notes say of it: the answers that were not 2xx, the errors and a sample.
    expect(loadFailures(pooled)).toEqual(['1× HTTP 404', '3 errors (reset; reset; reset)']);
    expect(loadFailures(round([1], 1, '200'))).toEqual(['1 errors (reset)']);
  });

  it('asks a stakeholder map for about the time given, three times at least and 100 at most', () => {
    expect(requestsFor(3_000, 6)).toBe(3);
    expect(requestsFor(700, 6)).toBe(9);
    expect(requestsFor(20, 6)).toBe(100);
    expect(requestsFor(0, 2)).toBe(100);
    expect(stakeholderMapRequests({ dpg: 'dpg:dhis2' }).map((r) => r.path)).toEqual([
      '/api/stakeholders?sector=Health',
      '/api/stakeholders?sdg=3',
      '/api/stakeholders?dpg=dpg%3Adhis2',
    ]);
  });
});

describe('the results markdown', () => {
  const run: BenchRun = {
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:04:00.000Z',
    quick: true,
    args: ['--quick'],
    machine: {
      cpus: 2,
      cpuModel: 'Test CPU',
      memoryGb: 8,
      loadAverage: [0.5, 0.4, 0.3],
      platform: 'linux',
      node: 'v20',
    },
    sections: [
      {
        title: 'API latency — real data',
        columns: ['endpoint', 'p50 ms'],
        rows: [['search | fuzzy', 12.5]],
        notes: ['10 connections'],
      },
    ],
    targets: [
      { name: 'overhead', target: '≤ 1.2×', measured: '1.05×', met: true },
      { name: 'depth 2 p95', target: '≤ 50 ms', measured: '80 ms', met: false, note: 'busy' },
    ],
    problems: ['front-end suite failed: no Chromium'],
  };
  const markdown = renderMarkdown(run);

  it('puts the targets first, saying which were missed', () => {
    expect(markdown.indexOf('## Targets')).toBeLessThan(markdown.indexOf('## API latency'));
    expect(markdown).toContain('| overhead | ≤ 1.2× | 1.05× | met |  |');
    expect(markdown).toContain('| depth 2 p95 | ≤ 50 ms | 80 ms | **missed** | busy |');
  });

  it('names the machine, the command and the problems', () => {
    expect(markdown).toContain('2 × Test CPU');
    expect(markdown).toContain('`npm run bench -- --quick`');
    expect(markdown).toContain('- front-end suite failed: no Chromium');
  });

  it('escapes a pipe inside a cell so the table keeps its columns', () => {
    expect(markdown).toContain('| search \\| fuzzy | 12.5 |');
    expect(markdown).toContain('- 10 connections');
  });
});
