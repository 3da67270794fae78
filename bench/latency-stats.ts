/**
 * Percentiles and throughput of a load run, computed the same way for HTTP requests (autocannon)
 * and for the raw Cypher baseline (neo4j-driver), so the two can be divided. Nearest-rank
 * percentiles over every recorded latency: no histogram buckets, so sub-millisecond differences
 * survive into the overhead ratio.
 */

export interface LatencySummary {
  /** Requests (or transactions) completed with a good answer inside the measured window. */
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  /** Completed per second of the measured window. */
  perSecond: number;
}

/** The nearest-rank percentile `p` (0–100) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1]!;
}

/** Summarises latencies in milliseconds recorded over `seconds` of wall time. */
export function summarise(latencies: readonly number[], seconds: number): LatencySummary {
  if (!(seconds > 0)) throw new Error(`latency-stats: seconds must be positive, got ${seconds}`);
  const sorted = [...latencies].sort((a, b) => a - b);
  const total = sorted.reduce((sum, v) => sum + v, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.length > 0 ? total / sorted.length : NaN,
    max: sorted.at(-1) ?? NaN,
    perSecond: sorted.length / seconds,
  };
}

/** Milliseconds for a table cell: one decimal below 100 ms, whole above. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value < 100 ? value.toFixed(1) : value.toFixed(0);
}

/** A ratio for a table cell, e.g. "1.07×". */
export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '–';
}
