// What a neighbourhood answer reached besides its centre, by type (kept or left out), and the
// comparison the tests of the counted last hop make: a request without `prefer` counts the hops
// past a full limit in Cypher, one with `prefer` reads every hop's candidates in full, and both
// must reach the same. Only the preferred types may reach more with `prefer`: a hop past its
// budget is walked again for them (neighbourhood-service.ts, preferredPastBudget).
import { expect } from 'vitest';

export interface NeighbourhoodBody {
  centre: string;
  nodes: { data: { id: string; type: string } }[];
  omitted: { byType: Record<string, number>; exact: boolean };
}

export interface Reach {
  byType: Record<string, number>;
  exact: boolean;
}

export function reachOf(body: NeighbourhoodBody): Reach {
  const byType: Record<string, number> = { ...body.omitted.byType };
  for (const { data } of body.nodes)
    if (data.id !== body.centre) byType[data.type] = (byType[data.type] ?? 0) + 1;
  return { byType, exact: body.omitted.exact };
}

/** `walked` (with `prefer`) reaches what `counted` does, and more only of the preferred types. */
export function expectSameReach(
  counted: NeighbourhoodBody,
  walked: NeighbourhoodBody,
  preferred: readonly string[],
  label: string,
): void {
  const a = reachOf(counted);
  const b = reachOf(walked);
  expect(b.exact, label).toBe(a.exact);
  const others = (reach: Reach) =>
    Object.fromEntries(Object.entries(reach.byType).filter(([type]) => !preferred.includes(type)));
  expect(others(b), label).toEqual(others(a));
  for (const type of preferred) {
    const more = b.byType[type] ?? 0;
    const less = a.byType[type] ?? 0;
    // Past no budget the two walks are the same walk.
    if (a.exact) expect(more, `${label}: ${type}`).toBe(less);
    else expect(more, `${label}: ${type}`).toBeGreaterThanOrEqual(less);
  }
}
