/**
 * Which entities of a neighbourhood to show when there are more than the limit, and how many of
 * each type were left out ("show 40 more organisations"). Preferred types first, then nearer, with
 * the types taking turns; an entity is only shown with a chain of shown entities back to the
 * centre, so the view never holds islands. Pure.
 */

/** An entity reached while expanding: its distance and the entities one hop nearer that reach it. */
export interface Candidate {
  id: string;
  type: string;
  label: string;
  degree: number;
  distance: number;
  /** Ids one hop nearer to the centre (the centre's id for distance 1). */
  parents: string[];
}

export interface Omitted {
  total: number;
  byType: Record<string, number>;
}

export interface Selection {
  kept: Candidate[];
  omitted: Omitted;
}

/**
 * Order of preference: preferred types first, then nearer; within a distance the types take turns
 * (the best-connected of each type, then the second of each…), so 76 countries cannot crowd out
 * the two organisations that own and fund a DPG; ties by name and id.
 */
export function rankCandidates(
  candidates: readonly Candidate[],
  prefer: readonly string[] = [],
): Candidate[] {
  const preferred = new Set(prefer);
  const weight = (c: Candidate) => (preferred.size > 0 && preferred.has(c.type) ? 0 : 1);
  const byConnection = (a: Candidate, b: Candidate) =>
    b.degree - a.degree ||
    a.label.localeCompare(b.label) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  // The place of each candidate among those of its type, weight and distance.
  const turn = new Map<string, number>();
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${weight(c)}|${c.distance}|${c.type}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  for (const group of groups.values())
    group.sort(byConnection).forEach((c, i) => turn.set(c.id, i));
  return [...candidates].sort(
    (a, b) =>
      weight(a) - weight(b) ||
      a.distance - b.distance ||
      turn.get(a.id)! - turn.get(b.id)! ||
      byConnection(a, b),
  );
}

/** Counts candidates by type. */
export function countByType(candidates: readonly Candidate[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of candidates) counts[c.type] = (counts[c.type] ?? 0) + 1;
  return counts;
}

/**
 * Keeps at most `limit` candidates (the centre is not counted). A candidate is kept together with
 * the chain of not-yet-kept parents that links it to the centre, when the whole chain fits.
 */
export function selectNeighbourhood(
  centreId: string,
  candidates: readonly Candidate[],
  limit: number,
  prefer: readonly string[] = [],
): Selection {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new Error(`neighbourhood-selection: limit must be a non-negative integer, got ${limit}`);
  }
  const ranked = rankCandidates(candidates, prefer);
  const rank = new Map(ranked.map((c, i) => [c.id, i]));
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const kept = new Set<string>([centreId]);

  /** The candidate plus its unkept ancestors, nearest the centre last; null when cut off. */
  const chainOf = (start: Candidate): Candidate[] | null => {
    const chain: Candidate[] = [];
    let current: Candidate | undefined = start;
    while (current) {
      chain.push(current);
      const parents: string[] = current.parents;
      if (parents.some((p) => kept.has(p))) return chain;
      current = parents
        .map((p) => byId.get(p))
        .filter((p): p is Candidate => p !== undefined && p.distance < chain.at(-1)!.distance)
        .sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)[0];
    }
    return null;
  };

  for (const candidate of ranked) {
    if (kept.size - 1 >= limit) break;
    if (kept.has(candidate.id)) continue;
    const chain = chainOf(candidate);
    if (chain && kept.size - 1 + chain.length <= limit) chain.forEach((c) => kept.add(c.id));
  }

  const keptList = ranked.filter((c) => kept.has(c.id));
  const left = candidates.filter((c) => !kept.has(c.id));
  return { kept: keptList, omitted: { total: left.length, byType: countByType(left) } };
}
