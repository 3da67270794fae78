import { describe, expect, it } from 'vitest';
import { computeNetworkMeasures } from '../../server/insights/network-measures.ts';
import {
  computeMeasures,
  type PackedGraph,
} from '../../server/insights/network-measures-off-thread.ts';
import { seededRandom } from '../../server/insights/seeded-random.ts';

/** A random graph of `nodes` entities and `edges` relationships, the same for the same seed. */
function randomGraph(nodes: number, edges: number): { ids: string[]; pairs: [string, string][] } {
  const random = seededRandom(7);
  const ids = Array.from({ length: nodes }, (_, i) => `org:n${i}`);
  const pairs = Array.from({ length: edges }, (): [string, string] => [
    ids[Math.floor(random() * nodes)]!,
    ids[Math.floor(random() * nodes)]!,
  ]).filter(([from, to]) => from !== to);
  return { ids, pairs };
}

function packed(ids: string[], pairs: [string, string][]): PackedGraph {
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    nodeIds: ids,
    from: Int32Array.from(pairs, ([from]) => index.get(from)!),
    to: Int32Array.from(pairs, ([, to]) => index.get(to)!),
  };
}

describe('computeMeasures', () => {
  const { ids, pairs } = randomGraph(300, 1_200);
  const inPlace = computeNetworkMeasures(
    ids,
    pairs.map(([from, to]) => ({ from, to })),
  );

  it('gives on a worker thread exactly what it gives in place', async () => {
    const offThread = await computeMeasures(packed(ids, pairs), 0);
    expect(offThread).toEqual(inPlace);
    expect(offThread.nodes).toBeInstanceOf(Map);
    expect(await computeMeasures(packed(ids, pairs))).toEqual(inPlace);
  });

  it('passes the computation’s error back from the worker, naming what was wrong', async () => {
    const graph = { nodeIds: ['org:a'], from: Int32Array.of(0), to: Int32Array.of(3) };
    const failure = computeMeasures(graph, 0);
    await expect(failure).rejects.toThrow(RangeError);
    await expect(failure).rejects.toThrow('relationship 0 refers to entity 3, of 1');
  });
});
