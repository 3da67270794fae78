/**
 * The whole graph's network measures, computed on a worker thread when the graph is big enough to
 * matter: graphology's algorithms are synchronous, and on the server's own thread a recompute
 * stopped every request for its whole length (~0.2 s on the real data, over a minute at a million
 * relationships). Small graphs are computed in place: starting a worker (it loads tsx and
 * graphology) costs ~0.2–0.3 s, more than their computation.
 *
 * The graph travels packed — ids once, relationships as two typed arrays of indices, moved to the
 * worker rather than copied — and the measures come back the same way: a million relationships
 * as objects took the server's thread about a second to copy each way.
 */
import { Worker } from 'node:worker_threads';
import {
  computeNetworkMeasures,
  type NetworkMeasures,
  type NodeMeasures,
} from './network-measures.ts';

/** From this many relationships the measures are computed on a worker thread. */
export const OFF_THREAD_FROM_RELATIONSHIPS = 2_000;

const WORKER_ENTRY = new URL('./measures-worker.mjs', import.meta.url);

/** A graph by index: relationship i joins nodeIds[from[i]] and nodeIds[to[i]]. */
export interface PackedGraph {
  nodeIds: string[];
  from: Int32Array<ArrayBuffer>;
  to: Int32Array<ArrayBuffer>;
}

/** NetworkMeasures as typed arrays aligned with `ids`, which threads move rather than copy. */
export interface PackedMeasures extends Omit<NetworkMeasures, 'nodes'> {
  ids: string[];
  degree: Float64Array<ArrayBuffer>;
  betweenness: Float64Array<ArrayBuffer>;
  pagerank: Float64Array<ArrayBuffer>;
  community: Int32Array<ArrayBuffer>;
}

/** The measures of a packed graph, as computeNetworkMeasures gives them (runs in the worker). */
export function measurePacked(graph: PackedGraph): PackedMeasures {
  const idAt = (index: number, relationship: number): string => {
    const id = graph.nodeIds[index];
    if (id === undefined) {
      throw new RangeError(
        `relationship ${relationship} refers to entity ${index}, of ${graph.nodeIds.length}`,
      );
    }
    return id;
  };
  const edges = Array.from(graph.from, (from, i) => ({
    from: idAt(from, i),
    to: idAt(graph.to[i]!, i),
  }));
  const { nodes, ...summary } = computeNetworkMeasures(graph.nodeIds, edges);
  const ids = [...nodes.keys()];
  const packed: PackedMeasures = {
    ...summary,
    ids,
    degree: new Float64Array(ids.length),
    betweenness: new Float64Array(ids.length),
    pagerank: new Float64Array(ids.length),
    community: new Int32Array(ids.length),
  };
  ids.forEach((id, i) => {
    const measures = nodes.get(id)!;
    packed.degree[i] = measures.degree;
    packed.betweenness[i] = measures.betweenness;
    packed.pagerank[i] = measures.pagerank;
    packed.community[i] = measures.community;
  });
  return packed;
}

function unpack({ ids, degree, betweenness, pagerank, community, ...summary }: PackedMeasures) {
  const nodes = new Map<string, NodeMeasures>();
  ids.forEach((id, i) => {
    nodes.set(id, {
      degree: degree[i]!,
      betweenness: betweenness[i]!,
      pagerank: pagerank[i]!,
      community: community[i]!,
    });
  });
  return { nodes, ...summary };
}

/**
 * The measures of `graph`, as computeNetworkMeasures gives them; on a worker thread from
 * `offThreadFrom` relationships (tests move it). The graph's typed arrays are moved to the worker:
 * the caller cannot use them afterwards.
 */
export function computeMeasures(
  graph: PackedGraph,
  offThreadFrom: number = OFF_THREAD_FROM_RELATIONSHIPS,
): Promise<NetworkMeasures> {
  if (graph.from.length < offThreadFrom) return Promise.resolve(unpack(measurePacked(graph)));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_ENTRY, {
      workerData: graph,
      transferList: [graph.from.buffer, graph.to.buffer],
    });
    let answered = false;
    worker.once('message', (measures: PackedMeasures) => {
      answered = true;
      resolve(unpack(measures));
    });
    // An exception in the computation (an edge naming an unlisted node) arrives as this error.
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the network measures worker stopped (exit code ${code})`));
    });
  });
}
