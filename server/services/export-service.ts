/**
 * Reads the scope of an export — the whole graph (its best-connected entities first, up to the
 * limit) or the neighbourhood of one entity — in one transaction, with what each relationship
 * states, and writes it in the requested format (export/export-formats.ts).
 */
import neo4j from 'neo4j-driver';
import { LIMITS, type ExportQuery } from '../api/schemas.ts';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import { checkEntityTypes, checkRelationshipTypes } from './graph-filters.ts';
import { readGraph, readRelationshipDetails } from './graph-reader.ts';
import { fileSlug, type ExportGraph } from './export/export-graph.ts';
import { exportFile, type ExportFile } from './export/export-formats.ts';
import { scopeNeighbourhood } from './neighbourhood-service.ts';

export async function readExportGraph(db: GraphDatabase, query: ExportQuery): Promise<ExportGraph> {
  const types = checkEntityTypes(query.types);
  const rels = checkRelationshipTypes(query.rels);
  return db.readTx(async (tx) => {
    let ids: string[];
    let title: string;
    let slug: string;
    if (query.id) {
      const depth = query.depth ?? LIMITS.neighbourhood.defaultDepth;
      const scope = await scopeNeighbourhood(tx, {
        id: query.id,
        depth,
        types,
        rels,
        limit: query.limit,
      });
      ids = [scope.centre, ...scope.kept.map((c) => c.id)];
      title = `Neighbourhood of ${scope.centre}, depth ${depth}`;
      slug = `neighbourhood-${fileSlug(scope.centre)}`;
    } else {
      const [row] = await run(tx, 'graph/ranked-ids', { types, limit: neo4j.int(query.limit) });
      ids = ((row?.ids as string[]) ?? []).map(String);
      title = 'DPG Explorer graph';
      slug = 'graph';
    }
    const { nodes, edges: found } = await readGraph(tx, ids, rels);
    // With what each relationship states (evidence, role, dates…): a file is read elsewhere, where
    // no details panel can show it.
    const edges = await readRelationshipDetails(tx, found);
    return { title, slug, nodes, edges, exportedAt: new Date().toISOString() };
  });
}

/** A file to send, and when it was exported (its body may say so: `exportedAt`). */
export type ExportedFile = ExportFile & { exportedAt: string };

export async function exportGraph(db: GraphDatabase, query: ExportQuery): Promise<ExportedFile> {
  const graph = await readExportGraph(db, query);
  return {
    ...exportFile(graph, query.format, query.part ?? 'nodes'),
    exportedAt: graph.exportedAt,
  };
}
