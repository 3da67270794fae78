/**
 * Groups an entity's neighbours by relationship type and direction for the details panel: "Leads"
 * (10 activities), "Member of" (DPGA Board Members), "Co-led by" …, in vocabulary order.
 */
import type { Neighbour } from '../api/types';
import {
  type Direction,
  entityTypeOrder,
  relationshipOrder,
  relationshipPhrase,
} from '../vocabulary';

/** Neighbours sharing one relationship type and direction. */
export interface NeighbourGroup {
  /** Stable key, e.g. `LEADS:out`. */
  key: string;
  relationship: string;
  direction: Direction;
  /** Heading, e.g. "Led by". */
  heading: string;
  neighbours: Neighbour[];
  /** Relationships of this kind in all: the entity answer lists at most 100 neighbours. */
  total: number;
}

/** `neighbourSummary.groups` of the entity answer: every relationship counted, by kind and type. */
export type NeighbourCounts = readonly {
  relationship: string;
  direction: Direction;
  count: number;
}[];

/**
 * Groups neighbours, each group with its full count from `counts` where the answer listed fewer.
 * Groups follow the relationship vocabulary's order (outgoing before incoming for the same type);
 * inside a group neighbours are sorted by type, then name. A neighbour reached by two
 * relationships appears in both groups; a duplicate within one group is dropped.
 */
export function groupNeighbours(
  neighbours: readonly Neighbour[],
  counts: NeighbourCounts = [],
): NeighbourGroup[] {
  const totals = new Map<string, number>();
  for (const { relationship, direction, count } of counts) {
    const key = `${relationship}:${direction}`;
    totals.set(key, (totals.get(key) ?? 0) + count);
  }
  const groups = new Map<string, NeighbourGroup>();
  for (const neighbour of neighbours) {
    const key = `${neighbour.relationship}:${neighbour.direction}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        relationship: neighbour.relationship,
        direction: neighbour.direction,
        heading: relationshipPhrase(neighbour.relationship, neighbour.direction),
        neighbours: [],
        total: 0,
      };
      groups.set(key, group);
    }
    if (!group.neighbours.some((n) => n.id === neighbour.id)) group.neighbours.push(neighbour);
  }
  for (const group of groups.values()) {
    group.neighbours.sort(
      (a, b) =>
        entityTypeOrder(a.type) - entityTypeOrder(b.type) ||
        // "SDG 3" before "SDG 10".
        a.label.localeCompare(b.label, 'en', { numeric: true }),
    );
    group.total = Math.max(totals.get(group.key) ?? 0, group.neighbours.length);
  }
  return [...groups.values()].sort(
    (a, b) =>
      relationshipOrder(a.relationship) - relationshipOrder(b.relationship) ||
      a.relationship.localeCompare(b.relationship) ||
      (a.direction === b.direction ? 0 : a.direction === 'out' ? -1 : 1),
  );
}

/** Total relationships across `degree` (per-type counts from the API). */
export function totalDegree(degree: Readonly<Record<string, number>>): number {
  return Object.values(degree).reduce((sum, n) => sum + n, 0);
}

/**
 * The countries an organisation is based in (BASED_IN), by name, for the details' first line. The
 * entity answer lists every kind of relationship before a second of any (get-neighbours.cypher),
 * so a hub's home is among its neighbours however many it has.
 */
export function homeCountries(neighbours: readonly Neighbour[]): Neighbour[] {
  return neighbours.filter((n) => n.relationship === 'BASED_IN' && n.direction === 'out');
}
