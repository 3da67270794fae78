/**
 * What a merge does with each property, shared by the merge (entity-merge.ts) and the merge dialog
 * that shows it beforehand (web/src/state/curation/rules.ts): no database, no Node.
 */

/** Properties a merge combines from both entities; every other one the kept entity lacks it takes. */
export const MERGE_COMBINED: ReadonlySet<string> = new Set([
  'name',
  'aliases',
  'sources',
  'evidence',
  'editedProperties',
  'version',
]);

/** The properties the kept entity takes from the one merged into it: those it lacks. */
export function mergeFills(
  keep: Readonly<Record<string, unknown>>,
  remove: Readonly<Record<string, unknown>>,
): string[] {
  return Object.keys(remove).filter((key) => !MERGE_COMBINED.has(key) && keep[key] === undefined);
}

/** A statement's provenance as stored: `sources[i]` stated it, `evidence[i]` is where. */
export interface ProvenanceLists {
  sources: readonly unknown[];
  evidence: readonly unknown[];
}

/**
 * Two statements' provenance united by a merge, the kept one's first: each source once, and where
 * both cite a source, both its evidence, joined by "; " (the importers' separator). Keeping only
 * the kept one's lost the removed one's: merging iGrant.io into LCubed AB dropped the registry's
 * `dpg/automated-data-agreement.json: "iGrant.io" (owner)` (QA). The relationship moves
 * (merge-move-outgoing/-incoming.cypher) write the same rule in Cypher; merge-undo-plan.ts checks
 * them against this one.
 */
export function unitedProvenance(kept: ProvenanceLists, removed: ProvenanceLists): ProvenanceLists {
  const evidence = kept.sources.map((source, i) => {
    let joined = kept.evidence[i];
    removed.sources.forEach((other, j) => {
      const more = removed.evidence[j];
      if (other !== source || typeof more !== 'string' || more === '') return;
      if (typeof joined !== 'string' || joined === '') joined = more;
      else if (!joined.includes(more)) joined = `${joined}; ${more}`;
    });
    return joined ?? null;
  });
  const added = removed.sources.flatMap((source, i) => (kept.sources.includes(source) ? [] : [i]));
  return {
    sources: [...kept.sources, ...added.map((i) => removed.sources[i])],
    evidence: [...evidence, ...added.map((i) => removed.evidence[i] ?? null)],
  };
}
