/**
 * The ids and terms a benchmark asks the API about on a synthetic graph, picked from the graph
 * itself so they exist whatever the scale and seed: the best-connected organisation (the
 * neighbourhood a hub drags in), the best-connected DPG (collaborators) and activity
 * (stakeholders), two ordinary organisations a few hops apart (paths), and search terms that match.
 */
import type { EntityType } from '../../server/model/graph-model.ts';
import type { SyntheticGraph } from './synthetic-graph.ts';

export interface SyntheticSample {
  hubOrganisation: string;
  dpg: string;
  activity: string;
  pathPair: [string, string];
  searchTerms: string[];
}

/** Paths are asked for between organisations this many hops apart (or fewer, if none is). */
const PATH_HOPS = 4;

interface GraphIndex {
  ids: string[];
  labels: EntityType[];
  names: (string | undefined)[];
  degree: Int32Array;
  /** Undirected adjacency in compressed rows: neighbours of i are at offsets[i]…offsets[i+1]. */
  offsets: Int32Array;
  neighbours: Int32Array;
}

function indexGraph(graph: SyntheticGraph): GraphIndex {
  const at = new Map<string, number>();
  const ids: string[] = [];
  const labels: EntityType[] = [];
  const names: (string | undefined)[] = [];
  for (const { facts } of graph.documents) {
    for (const node of facts.nodes) {
      let i = at.get(node.id);
      if (i === undefined) {
        i = ids.length;
        at.set(node.id, i);
        ids.push(node.id);
        labels.push(node.label);
        names.push(undefined);
      }
      if (names[i] === undefined && typeof node.props.name === 'string') names[i] = node.props.name;
    }
  }
  const degree = new Int32Array(ids.length);
  const ends: number[] = [];
  for (const { facts } of graph.documents) {
    for (const r of facts.relationships) {
      const a = at.get(r.from)!;
      const b = at.get(r.to)!;
      degree[a]!++;
      degree[b]!++;
      ends.push(a, b);
    }
  }
  const offsets = new Int32Array(ids.length + 1);
  for (let i = 0; i < ids.length; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, ids.length);
  const neighbours = new Int32Array(ends.length);
  for (let e = 0; e < ends.length; e += 2) {
    const a = ends[e]!;
    const b = ends[e + 1]!;
    neighbours[fill[a]!++] = b;
    neighbours[fill[b]!++] = a;
  }
  return { ids, labels, names, degree, offsets, neighbours };
}

/** The entity of a type with the most relationships (ties: the smaller id). */
function best(index: GraphIndex, label: EntityType): number {
  let found = -1;
  for (let i = 0; i < index.ids.length; i++) {
    if (index.labels[i] !== label) continue;
    if (
      found < 0 ||
      index.degree[i]! > index.degree[found]! ||
      (index.degree[i] === index.degree[found] && index.ids[i]! < index.ids[found]!)
    ) {
      found = i;
    }
  }
  if (found < 0) throw new Error(`synthetic-sample: the graph has no ${label}`);
  return found;
}

/** Hops from `start` to every entity within `limit` hops (-1 beyond). */
function hops(index: GraphIndex, start: number, limit: number): Int8Array {
  const distance = new Int8Array(index.ids.length).fill(-1);
  distance[start] = 0;
  let frontier = [start];
  for (let d = 1; d <= limit && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const i of frontier) {
      for (let k = index.offsets[i]!; k < index.offsets[i + 1]!; k++) {
        const j = index.neighbours[k]!;
        if (distance[j] === -1) {
          distance[j] = d;
          next.push(j);
        }
      }
    }
    frontier = next;
  }
  return distance;
}

/** Two organisations of ordinary degree, as far apart as PATH_HOPS allows (at least 2 hops). */
function pathPair(index: GraphIndex): [string, string] {
  const organisations = index.ids
    .map((id, i) => i)
    .filter((i) => index.labels[i] === 'Organisation' && index.degree[i]! >= 2)
    .sort(
      (a, b) => index.degree[a]! - index.degree[b]! || (index.ids[a]! < index.ids[b]! ? -1 : 1),
    );
  if (organisations.length < 2)
    throw new Error('synthetic-sample: too few organisations for a path');
  const from = organisations[Math.floor(organisations.length / 2)]!;
  const distance = hops(index, from, PATH_HOPS);
  for (let d = PATH_HOPS; d >= 2; d--) {
    const to = organisations.find((i) => distance[i] === d);
    if (to !== undefined) return [index.ids[from]!, index.ids[to]!];
  }
  throw new Error(
    `synthetic-sample: no organisation within ${PATH_HOPS} hops of ${index.ids[from]}`,
  );
}

/** Picks the sample from a generated graph. @throws Error when the graph lacks what it needs. */
export function pickSample(graph: SyntheticGraph): SyntheticSample {
  const index = indexGraph(graph);
  const hub = best(index, 'Organisation');
  const dpg = best(index, 'DPG');
  const activity = best(index, 'Activity');
  const hubName = index.names[hub] ?? index.ids[hub]!;
  const dpgName = index.names[dpg] ?? index.ids[dpg]!;
  return {
    hubOrganisation: index.ids[hub]!,
    dpg: index.ids[dpg]!,
    activity: index.ids[activity]!,
    pathPair: pathPair(index),
    // A full name, a DPG, a word many organisation names share, and a sector.
    searchTerms: [hubName, dpgName, hubName.split(' ')[0]!, 'health'],
  };
}
