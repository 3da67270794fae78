/**
 * Writes a FactSet from one source in ONE transaction: the source node, the entities, the
 * relationships, then the retraction of whatever that source stated before and no longer does.
 * Either all of it lands or none of it. A dry run performs the same writes and rolls them back,
 * so its report is exactly what a real import would do.
 */
import { run, type GraphDatabase } from '../../db/neo4j-client.ts';
import { markMetricsStale } from '../../insights/metrics-service.ts';
import type { FactSet } from './graph-facts.ts';
import { relationshipKey } from './graph-facts.ts';
import type { ResolutionRecord } from '../import-report.ts';
import { recordedSourceUri } from '../source-uri.ts';
import {
  applyEditorDecisions,
  editorStatedConflicts,
  type ImportConflict,
} from '../../curation/import-guards.ts';

export interface SourceDescriptor {
  /** Stable per document (not per version): `source:<kind>:<slug>`. */
  id: string;
  kind: string;
  uri: string;
  title: string;
  checksum: string;
  /** How this import resolved names; kept on the Source node for the resolution report. */
  resolutions?: ResolutionRecord[];
}

export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Facts this source no longer states (its provenance entry removed). */
  retracted: number;
  /** Of those, the ones no source states any more, deleted. */
  removed: number;
}

export interface WriteResult {
  nodes: ChangeCounts;
  relationships: ChangeCounts;
  /** Status per node id, for reports that list what changed. */
  nodeStatus: Record<string, 'created' | 'updated' | 'unchanged'>;
  previousChecksum: string | null;
  /** Where editors' decisions overrode what the source states (the editor wins). */
  conflicts: ImportConflict[];
}

class DryRunRollback extends Error {
  constructor(readonly result: WriteResult) {
    super('dry run: rolled back');
  }
}

function tally(statuses: string[]): Pick<ChangeCounts, 'created' | 'updated' | 'unchanged'> {
  return {
    created: statuses.filter((s) => s === 'created').length,
    updated: statuses.filter((s) => s === 'updated').length,
    unchanged: statuses.filter((s) => s === 'unchanged').length,
  };
}

export async function writeFacts(
  db: GraphDatabase,
  source: SourceDescriptor,
  facts: FactSet,
  options: { dryRun?: boolean } = {},
): Promise<WriteResult> {
  const statedNodes = facts.nodes.map((n) => {
    const { aliases, ...props } = n.props;
    return {
      id: n.id,
      label: n.label,
      props,
      aliases: Array.isArray(aliases) ? aliases.map(String) : [],
      evidence: n.evidence,
    };
  });
  const stated = facts.relationships.map((r) => ({ ...r }));
  const sourceId = source.id;

  try {
    return await db.writeTx(async (tx) => {
      const { resolutions, ...sourceProps } = source;
      const [src] = await run(tx, 'import/upsert-source', {
        source: {
          ...sourceProps,
          uri: recordedSourceUri(sourceProps.uri),
          resolutions: JSON.stringify(resolutions ?? []),
        },
      });
      // Editors' corrections win: merged ids, deletions and edited properties are respected.
      const { nodes, relationships, conflicts } = await applyEditorDecisions(
        tx,
        statedNodes,
        stated,
      );
      const nodeRows = await run(tx, 'import/merge-nodes', { nodes, sourceId });
      const relRows = await run(tx, 'import/merge-relationships', { relationships, sourceId });
      if (relRows.length !== relationships.length) {
        // MATCH on both ends found fewer rows: a relationship points at a node not stated.
        throw new Error(
          `graph writer: ${relationships.length - relRows.length} relationships lost an end node`,
        );
      }
      // Retracting scans every fact for this source's id; a source imported for the first time
      // has none (only imports and editors write source ids, always with their Source node), so
      // the scans are skipped — which keeps loading many new documents linear in their size.
      const [relRetract] = src?.existed
        ? await run(tx, 'import/retract-relationships', {
            sourceId,
            keys: relationships.map(relationshipKey),
          })
        : [];
      const [nodeRetract] = src?.existed
        ? await run(tx, 'import/retract-nodes', { sourceId, ids: nodes.map((n) => n.id) })
        : [];
      // Last, so the bookkeeping node is locked only briefly; the recompute follows the import,
      // and this mark covers a process killed before it does.
      await markMetricsStale(tx);
      const result: WriteResult = {
        nodes: {
          ...tally(nodeRows.map((r) => String(r.status))),
          retracted: Number(nodeRetract?.retracted ?? 0),
          removed: Number(nodeRetract?.removed ?? 0),
        },
        relationships: {
          ...tally(relRows.map((r) => String(r.status))),
          retracted: Number(relRetract?.retracted ?? 0),
          removed: Number(relRetract?.removed ?? 0),
        },
        nodeStatus: Object.fromEntries(
          nodeRows.map((r) => [String(r.id), r.status as 'created' | 'updated' | 'unchanged']),
        ),
        previousChecksum: (src?.previousChecksum as string | null) ?? null,
        conflicts: [
          ...conflicts,
          ...editorStatedConflicts('entity', (nodeRetract?.editorKept as string[]) ?? []),
          ...editorStatedConflicts('relationship', (relRetract?.editorKept as string[]) ?? []),
        ],
      };
      if (options.dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
}
