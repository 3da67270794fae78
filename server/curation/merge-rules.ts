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

/**
 * A list of aliases with each name once, whatever its case, the first spelling kept: "ACME Org"
 * and "acme org" are one name to search and to read. Editors' lists and a merge's alike.
 */
export function uniqueAliases(aliases: readonly string[]): string[] {
  const seen = new Set<string>();
  return aliases.filter((alias) => {
    const key = alias.toLocaleLowerCase('en');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

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

/** A relationship as the merge reads it: its ends, type, names and properties as stored. */
export interface MergedRelationshipRow {
  from: string;
  type: string;
  to: string;
  fromLabel?: string;
  toLabel?: string;
  properties: Readonly<Record<string, unknown>>;
}

/**
 * A value the kept entity's relationship kept where the removed one's said otherwise: the merge
 * drops the removed one's (its undo brings it back).
 */
export interface KeptOverValue {
  from: string;
  type: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  property: string;
  kept: unknown;
  dropped: unknown;
}

/** Relationship properties a merge unites or keeps as bookkeeping, never a statement to choose. */
const RELATIONSHIP_BOOKKEEPING = new Set(['sources', 'evidence', 'version', 'editedProperties']);

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a merge drops from the removed entity's relationships: where both entities had the same
 * relationship (same type, other end and direction), each property both stated differently, the
 * kept one's value winning. It used to go unsaid: a removed role "co-funder" gave way to "funder"
 * (curation sweep).
 */
export function valuesKeptOver(
  removed: readonly MergedRelationshipRow[],
  kept: readonly MergedRelationshipRow[],
  keep: string,
  remove: string,
): KeptOverValue[] {
  const key = (r: { from: string; type: string; to: string }) => `${r.from}|${r.type}|${r.to}`;
  const keptByKey = new Map(kept.map((r) => [key(r), r]));
  const out: KeptOverValue[] = [];
  const seen = new Set<string>();
  for (const r of removed) {
    if (r.from === keep || r.to === keep || (r.from === remove && r.to === remove)) continue;
    const onKeep = {
      from: r.from === remove ? keep : r.from,
      type: r.type,
      to: r.to === remove ? keep : r.to,
    };
    const own = keptByKey.get(key(onKeep));
    if (!own || seen.has(key(onKeep))) continue;
    seen.add(key(onKeep));
    for (const [property, dropped] of Object.entries(r.properties)) {
      const value = own.properties[property];
      if (RELATIONSHIP_BOOKKEEPING.has(property) || property.startsWith('_')) continue;
      if (value === undefined || value === null || dropped === null || sameValue(value, dropped))
        continue;
      out.push({
        ...onKeep,
        fromLabel: own.fromLabel ?? onKeep.from,
        toLabel: own.toLabel ?? onKeep.to,
        property,
        kept: value,
        dropped,
      });
    }
  }
  return out;
}
