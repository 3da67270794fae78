/** One entity with its properties, degree by relationship type, neighbours and provenance. */
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import { NotFoundError } from '../errors.ts';
import { SECTOR_PROFILE_PROPERTIES } from '../insights/metrics-service.ts';
import neo4j from 'neo4j-driver';

/** Bookkeeping properties that are shown as provenance, not as the entity's own properties. */
const INTERNAL_PROPERTIES = new Set([
  'id',
  'name',
  'sources',
  'evidence',
  'aliasText',
  'kind',
  // Curation bookkeeping (GET /api/curation/entities/:id shows them).
  'version',
  'editedProperties',
  ...SECTOR_PROFILE_PROPERTIES,
]);

export interface Provenance {
  source: string;
  evidence: string | null;
}

export interface EntityDetail {
  id: string;
  label: string;
  type: string;
  kind: string | null;
  properties: Record<string, unknown>;
  degree: Record<string, number>;
  provenance: Provenance[];
  neighbours: {
    id: string;
    label: string;
    type: string;
    kind: string | null;
    relationship: string;
    direction: 'out' | 'in';
    provenance: Provenance[];
    role?: string;
    startDate?: string;
    endDate?: string;
    notes?: string;
    sourceUrl?: string;
  }[];
  /** Every relationship of the entity counted by type, direction and neighbour type. */
  neighbourSummary: {
    /** Relationships in all; `neighbours` lists at most the requested number of them. */
    total: number;
    truncated: boolean;
    groups: { relationship: string; direction: 'out' | 'in'; type: string; count: number }[];
  };
  sources: {
    id: string;
    kind: string;
    uri: string;
    title: string | null;
    checksum: string;
    importedAt: string;
  }[];
}

function provenanceOf(sources: unknown, evidence: unknown): Provenance[] {
  const s = (sources as string[] | null) ?? [];
  const e = (evidence as string[] | null) ?? [];
  return s.map((source, i) => ({ source, evidence: e[i] ?? null }));
}

export async function getEntity(
  db: GraphDatabase,
  id: string,
  neighbourLimit = 100,
): Promise<EntityDetail> {
  return db.readTx(async (tx) => {
    const [row] = await run(tx, 'entity/get-entity', { id });
    if (!row) throw new NotFoundError(`No entity has the id "${id}"`, { id }, [id]);
    const node = row.node as Record<string, unknown>;
    const neighbourRows = await run(tx, 'entity/get-neighbours', {
      id,
      limit: neo4j.int(neighbourLimit),
    });
    const provenance = provenanceOf(node.sources, node.evidence);
    const sourceIds = new Set(provenance.map((p) => p.source));
    const neighbours = neighbourRows.map((n) => {
      const p = provenanceOf(n.sources, n.evidence);
      p.forEach((x) => sourceIds.add(x.source));
      return {
        id: String(n.id),
        label: String(n.label),
        type: String(n.type),
        kind: (n.kind as string | null) ?? null,
        relationship: String(n.relationship),
        direction: n.direction as 'out' | 'in',
        provenance: p,
        // What an editor stated about the relationship, where set (docs/curation.md).
        ...(typeof n.role === 'string' ? { role: n.role } : {}),
        ...(typeof n.startDate === 'string' ? { startDate: n.startDate } : {}),
        ...(typeof n.endDate === 'string' ? { endDate: n.endDate } : {}),
        ...(typeof n.notes === 'string' ? { notes: n.notes } : {}),
        ...(typeof n.sourceUrl === 'string' ? { sourceUrl: n.sourceUrl } : {}),
      };
    });
    const groups = (await run(tx, 'query/neighbour-summary', {
      id,
    })) as EntityDetail['neighbourSummary']['groups'];
    const total = groups.reduce((sum, g) => sum + g.count, 0);
    const sources = (await run(tx, 'entity/get-sources', {
      ids: [...sourceIds],
    })) as EntityDetail['sources'];
    const properties = Object.fromEntries(
      // No stored property is null; a measure's time is, before the first computation.
      Object.entries(node).filter(
        ([key, value]) => !INTERNAL_PROPERTIES.has(key) && value !== null,
      ),
    );
    const degree = Object.fromEntries(
      ((row.degree as { type: string; count: number }[]) ?? []).map((d) => [d.type, d.count]),
    );
    return {
      id: String(node.id),
      label: String(node.name ?? node.id),
      type: String(row.type),
      kind: (node.kind as string | null) ?? null,
      properties,
      degree,
      provenance,
      neighbours,
      // The summary counts each neighbour once per kind; so does this, whatever duplicates list.
      neighbourSummary: {
        total,
        truncated:
          new Set(neighbours.map((n) => `${n.relationship}|${n.direction}|${n.id}`)).size < total,
        groups,
      },
      sources,
    };
  });
}
