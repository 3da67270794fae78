/**
 * Writes one benchmark run to bench/results/: `<timestamp>.json` (kept), `latest.json` and
 * `latest.md` (overwritten) — the markdown has the targets table (met / missed) first, then one
 * table per section with its notes. Suites measure; this module only renders what they return.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { BenchSection, BenchTarget, SuiteResult } from './report.ts';

export const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

/** The machine a run was measured on: numbers from a busy or small machine are indicative only. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  /** 1, 5 and 15 minute load averages when the run started. */
  loadAverage: number[];
  platform: string;
  node: string;
}

export interface BenchRun {
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  /** The command line's options, as given. */
  args: string[];
  machine: MachineInfo;
  sections: BenchSection[];
  targets: BenchTarget[];
  /** Suites that failed or could not run, with why. */
  problems: string[];
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: os.loadavg().map((v) => Math.round(v * 100) / 100),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
}

/** Adds a suite's sections and targets to a run. */
export function addSuite(run: BenchRun, result: SuiteResult): void {
  run.sections.push(...result.sections);
  run.targets.push(...result.targets);
}

function cell(value: string | number): string {
  return String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(columns: readonly string[], rows: readonly (string | number)[][]): string[] {
  return [
    `| ${columns.map(cell).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

/** The run as markdown: header, targets (met / missed), problems, then every section. */
export function renderMarkdown(run: BenchRun): string {
  const m = run.machine;
  const lines = [
    `# Benchmark results — ${run.startedAt}${run.quick ? ' (quick)' : ''}`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}; load average at start ${m.loadAverage.join(' / ')}. ` +
      `Command: \`npm run bench${run.args.length > 0 ? ` -- ${run.args.join(' ')}` : ''}\`; finished ${run.finishedAt}.`,
    '',
    '## Targets',
    '',
  ];
  if (run.targets.length === 0) lines.push('No target was measured in this run.');
  else
    lines.push(
      ...table(
        ['target', 'goal', 'measured', 'met', 'note'],
        run.targets.map((t) => [
          t.name,
          t.target,
          t.measured,
          t.met ? 'met' : '**missed**',
          t.note ?? '',
        ]),
      ),
    );
  if (run.problems.length > 0) {
    lines.push('', '## Problems', '', ...run.problems.map((p) => `- ${p}`));
  }
  for (const section of run.sections) {
    lines.push('', `## ${section.title}`, '', ...table(section.columns, section.rows));
    if (section.notes && section.notes.length > 0) {
      lines.push('', ...section.notes.map((n) => `- ${n}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the run; returns the paths written. */
export async function writeResults(run: BenchRun, dir = RESULTS_DIR): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const stamp = run.startedAt.replace(/[:.]/g, '-');
  // Formatted as the repository formats JSON, so `npm run lint` passes with latest.json committed.
  const latest = path.join(dir, 'latest.json');
  const json = await format(JSON.stringify(run), {
    ...(await resolveConfig(latest)),
    filepath: latest,
  });
  const files = [
    [path.join(dir, `${stamp}.json`), json],
    [latest, json],
    [path.join(dir, 'latest.md'), renderMarkdown(run)],
  ] as const;
  for (const [file, text] of files) await writeFile(file, text);
  return files.map(([file]) => file);
}
