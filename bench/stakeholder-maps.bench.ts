/**
 * Stakeholder maps, one request at a time. Not among the endpoints issue #8 sets targets for, but
 * the slowest answers at scale: a topic's map walks every path to every DPG of the topic, and ranks
 * every stakeholder it reaches before it shows the first. Measured beside the API table, so their
 * cost is recorded run to run rather than guessed at.
 */
import { ms } from './latency-stats.ts';
import { oneAtATime } from './load-runner.ts';
import type { BenchSection } from './report.ts';

/** The maps asked for: two topics every dataset has, and the sample's DPG. */
export function stakeholderMapRequests(sample: { dpg: string }): { map: string; path: string }[] {
  return [
    { map: 'Health sector', path: '/api/stakeholders?sector=Health' },
    { map: 'SDG 3', path: '/api/stakeholders?sdg=3' },
    { map: `DPG ${sample.dpg}`, path: `/api/stakeholders?dpg=${encodeURIComponent(sample.dpg)}` },
  ];
}

/** Requests per map: enough for about `seconds`, from 3 (a map of seconds) to 100. */
export function requestsFor(probeMs: number, seconds: number): number {
  return Math.min(100, Math.max(3, Math.ceil((seconds * 1000) / Math.max(probeMs, 1))));
}

/**
 * Each map asked twice (how many stakeholders it has, then how long one takes), then again one
 * request at a time for about `seconds`, against the app with the answer cache off (`baseUrl`):
 * every answer computed.
 */
export async function benchStakeholderMaps(
  baseUrl: string,
  sample: { dpg: string },
  options: { label: string; seconds: number },
  log: (line: string) => void = () => {},
): Promise<BenchSection> {
  const rows: (string | number)[][] = [];
  const failures: string[] = [];
  const data: Record<string, unknown> = {};
  for (const { map, path } of stakeholderMapRequests(sample)) {
    // The first answer plans the statements; the second says what one costs.
    const response = await fetch(new URL(path, baseUrl));
    const body = (await response.json()) as { total?: number };
    if (!response.ok || typeof body.total !== 'number') {
      failures.push(`${map}: HTTP ${response.status}`);
      continue;
    }
    const started = performance.now();
    await (await fetch(new URL(path, baseUrl))).arrayBuffer();
    const probeMs = performance.now() - started;
    const amount = requestsFor(probeMs, options.seconds);
    log(`  stakeholder map, ${map}: ${amount} requests one at a time…`);
    const { latency: summary, failures: failed } = await oneAtATime(baseUrl, path, amount);
    if (failed.length > 0) failures.push(`${map}: ${failed.join(', ')}`);
    rows.push([map, body.total, summary.count, ms(summary.p50), ms(summary.p95)]);
    data[map] = { path, stakeholders: body.total, latency: summary };
  }
  return {
    title: `Stakeholder maps, one request at a time — ${options.label}`,
    columns: ['map', 'stakeholders', 'requests', 'p50 ms', 'p95 ms'],
    rows,
    notes: [
      `The default map (the 100 stakeholders of the innermost rings, most influential first, 3 connections each) with no filter, each computed (answer cache off), one request at a time for about ${options.seconds} s: every stakeholder is summed up and ranked, then the shown ones' paths are read (cypher/insights/stakeholder-paths.cypher, run twice). No target: they are measured so that their cost is known. Requests: ${stakeholderMapRequests(
        sample,
      )
        .map((r) => r.path)
        .join(' · ')}.`,
      ...failures,
    ],
    data,
  };
}
