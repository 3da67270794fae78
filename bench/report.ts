/**
 * The shape every benchmark suite returns, so one writer can turn a run into bench/results/*.json
 * and a markdown table. Suites measure; they neither print tables nor judge targets themselves.
 */

/** One table of measurements. Cells are already rounded for reading; raw numbers go in `data`. */
export interface BenchSection {
  /** e.g. "API latency at 100k relationships". */
  title: string;
  columns: string[];
  rows: (string | number)[][];
  /** Caveats a reader needs: machine load, what was capped, why a number is missing. */
  notes?: string[];
  /** Raw measurements for the JSON file (not rendered in markdown). */
  data?: unknown;
}

/** A target from issue #8, judged against one measured number. */
export interface BenchTarget {
  name: string;
  /** Human form of the target, e.g. "≤ 1.2×" or "≥ 20× naive". */
  target: string;
  /** Human form of the measurement, e.g. "1.07×". */
  measured: string;
  met: boolean;
  /** Why it is missed, or what it depends on. */
  note?: string;
}

export interface SuiteResult {
  sections: BenchSection[];
  targets: BenchTarget[];
}
