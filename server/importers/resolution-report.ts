/**
 * The resolution report across all imported sources: for every entity that more than one name
 * resolved to, which names, from which sources, by which rule — so a reviewer can check each
 * merge. Read from the resolution logs the imports keep on their Source nodes.
 */
import type { GraphDatabase } from '../db/neo4j-client.ts';
import type { ResolutionRecord } from './import-report.ts';

export interface MergedEntity {
  id: string;
  names: { name: string; source: string; rule: string; context: string }[];
}

export async function resolutionReport(db: GraphDatabase): Promise<MergedEntity[]> {
  const sources = await db.read('import/list-source-resolutions');
  const byId = new Map<string, MergedEntity>();
  for (const source of sources) {
    const records = JSON.parse(String(source.resolutions)) as ResolutionRecord[];
    for (const r of records) {
      if (r.rule === 'mention') continue;
      const entity = byId.get(r.id) ?? { id: r.id, names: [] };
      if (!entity.names.some((n) => n.name === r.name && n.source === source.id)) {
        entity.names.push({
          name: r.name,
          source: String(source.id),
          rule: r.rule,
          context: r.context,
        });
      }
      byId.set(r.id, entity);
    }
  }
  // A merge is worth reviewing when names differ or a rule other than the exact name decided.
  return [...byId.values()]
    .filter(
      (e) =>
        new Set(e.names.map((n) => n.name)).size > 1 ||
        e.names.some((n) => n.rule !== 'canonical-name'),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function formatResolutionReport(entities: MergedEntity[]): string {
  if (entities.length === 0) return 'No merges: every name matched its entity exactly.';
  const lines = [`${entities.length} entities were resolved from other names:`];
  for (const e of entities) {
    lines.push(`  ${e.id}`);
    for (const n of e.names) lines.push(`    "${n.name}"  [${n.rule}]  ${n.source} — ${n.context}`);
  }
  return lines.join('\n');
}
