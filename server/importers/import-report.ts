/**
 * The report every import prints and returns: what changed, how names were resolved, what could
 * not be resolved, and every warning — so nothing an import decides is hidden.
 */
import type { FactBuilder } from './graph/fact-builder.ts';
import type { ChangeCounts, SourceDescriptor, WriteResult } from './graph/graph-writer.ts';
import type { ImportConflict } from '../curation/import-guards.ts';

export type { ImportConflict };

export interface ResolutionRecord {
  name: string;
  id: string;
  rule: string;
  context: string;
}

export interface UnresolvedName {
  name: string;
  context: string;
  /** The node created for it, or null when the fact was left out. */
  createdId: string | null;
}

export interface AmbiguousName {
  name: string;
  candidates: string[];
  context: string;
}

export interface ImportReport {
  kind: string;
  source: { id: string; uri: string; checksum: string; changedSinceLastImport: boolean | null };
  dryRun: boolean;
  nodes: ChangeCounts;
  relationships: ChangeCounts;
  /** Names that resolved to an entity by a rule (alias, country-as-government…). */
  merges: ResolutionRecord[];
  unresolved: UnresolvedName[];
  ambiguous: AmbiguousName[];
  /** Where an editor's correction overrode the source: the editor's fact stands. */
  conflicts: ImportConflict[];
  warnings: string[];
  /** Importer-specific figures, e.g. declared vs parsed activity counts. */
  details: Record<string, unknown>;
}

function counts(c: ChangeCounts): string {
  return `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.retracted} retracted, ${c.removed} removed`;
}

/** One line per distinct (name, entity, rule), with every place it occurred. */
function groupMerges(merges: ResolutionRecord[]): (ResolutionRecord & { contexts: string[] })[] {
  const groups = new Map<string, ResolutionRecord & { contexts: string[] }>();
  for (const m of merges) {
    const key = `${m.name}|${m.id}|${m.rule}`;
    const group = groups.get(key) ?? { ...m, contexts: [] };
    group.contexts.push(m.context);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Human-readable text of a report, for the CLI and logs. */
export function formatReport(report: ImportReport): string {
  const lines = [
    `${report.dryRun ? '[dry run — nothing written] ' : ''}${report.kind} import of ${report.source.uri}`,
    `  entities:      ${counts(report.nodes)}`,
    `  relationships: ${counts(report.relationships)}`,
  ];
  for (const [key, value] of Object.entries(report.details))
    lines.push(`  ${key}: ${JSON.stringify(value)}`);
  const aliasMerges = groupMerges(
    report.merges.filter((m) => m.rule !== 'canonical-name' && m.rule !== 'mention'),
  );
  if (aliasMerges.length > 0) {
    lines.push(`  resolved by rule (${aliasMerges.length} names):`);
    for (const m of aliasMerges) {
      lines.push(
        `    "${m.name}" → ${m.id} [${m.rule}] in ${m.contexts[0]}${m.contexts.length > 1 ? ` and ${m.contexts.length - 1} more` : ''}`,
      );
    }
  }
  if (report.unresolved.length > 0) {
    lines.push(`  unresolved names (${report.unresolved.length}):`);
    for (const u of report.unresolved) {
      lines.push(
        `    "${u.name}" in ${u.context}${u.createdId ? ` → created ${u.createdId}` : ''}`,
      );
    }
  }
  if (report.ambiguous.length > 0) {
    lines.push(`  ambiguous names, not linked (${report.ambiguous.length}):`);
    for (const a of report.ambiguous)
      lines.push(`    "${a.name}" in ${a.context}: ${a.candidates.join(', ')}`);
  }
  if (report.conflicts.length > 0) {
    lines.push(
      `  conflicts with editors' corrections, the editor's fact kept (${report.conflicts.length}):`,
    );
    for (const c of report.conflicts) lines.push(`    [${c.kind}] ${c.message}`);
  }
  if (report.warnings.length > 0) {
    lines.push(`  warnings (${report.warnings.length}):`);
    for (const w of report.warnings) lines.push(`    ${w}`);
  }
  return lines.join('\n');
}

/** The report of an import that went through a FactBuilder and the graph writer. */
export function buildReport(
  kind: string,
  source: SourceDescriptor,
  written: WriteResult,
  builder: Pick<FactBuilder, 'resolutions' | 'unresolved' | 'ambiguous'>,
  extra: { dryRun?: boolean; warnings?: string[]; details?: Record<string, unknown> } = {},
): ImportReport {
  return {
    kind,
    source: {
      id: source.id,
      uri: source.uri,
      checksum: source.checksum,
      changedSinceLastImport:
        written.previousChecksum === null ? null : written.previousChecksum !== source.checksum,
    },
    dryRun: extra.dryRun ?? false,
    nodes: written.nodes,
    relationships: written.relationships,
    merges: builder.resolutions.filter((r) => written.nodeStatus[r.id] !== 'created'),
    unresolved: builder.unresolved,
    ambiguous: builder.ambiguous,
    conflicts: written.conflicts,
    warnings: extra.warnings ?? [],
    details: extra.details ?? {},
  };
}
