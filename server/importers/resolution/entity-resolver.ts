/**
 * Resolves names to entities: one organisation is one node whichever source names it. Matching is
 * on normalised names (case, diacritics, punctuation ignored) against canonical names and aliases;
 * a name that fits two entities is reported as ambiguous and never merged silently.
 */
import type { EntityType } from '../../model/graph-model.ts';
import type { GazetteerEntry } from './gazetteer.ts';
import { nameVariants, type VariantRule } from './name-variants.ts';
import { normaliseName, tokens } from './text-normalise.ts';

export type ResolutionRule = 'canonical-name' | 'alias' | VariantRule;

export type Resolution =
  | { status: 'matched'; entry: GazetteerEntry; rule: ResolutionRule; matchedName: string }
  | { status: 'ambiguous'; candidates: GazetteerEntry[] }
  | { status: 'unmatched' };

/** A place in a text where a known entity is named. */
export interface Mention {
  entry: GazetteerEntry;
  text: string;
  /** Token offset in the normalised text, for ordering and overlap checks. */
  start: number;
  end: number;
}

/** Lower is stronger: how much a match by this rule can be trusted. */
function rank(rule: ResolutionRule): number {
  return rule === 'canonical-name' ? 0 : rule === 'alias' ? 0.5 : 1;
}

interface IndexedName {
  entry: GazetteerEntry;
  rule: ResolutionRule;
  name: string;
}

/** A possessive 's after a word, as a source writes it (straight or typographic apostrophe). */
const POSSESSIVE = /(\p{L})['’]s\b/gu;

/** Short all-capital aliases ("GDC", "OSI") are only trusted in running text when written so. */
const SHORT_ACRONYM = /^[A-Z0-9]{2,4}$/;

export class EntityResolver {
  private readonly byName = new Map<string, IndexedName[]>();
  private readonly byId = new Map<string, GazetteerEntry>();
  /**
   * The openings (two words or more) of the longer names of entities that prose names, by the
   * types that hold them: not countries, and not activities, whose titles hold their own places.
   */
  private readonly nameOpenings = new Map<string, Set<EntityType>>();
  private longestName = 1;

  constructor(entries: Iterable<GazetteerEntry>) {
    for (const entry of entries) this.add(entry);
  }

  /** Adds an entry, or folds its aliases into the entry with the same id. */
  add(entry: GazetteerEntry): void {
    const existing = this.byId.get(entry.id);
    const merged: GazetteerEntry = existing
      ? { ...existing, aliases: [...new Set([...existing.aliases, entry.name, ...entry.aliases])] }
      : entry;
    this.byId.set(entry.id, merged);
    const names: [string, ResolutionRule][] = [
      [merged.name, 'canonical-name'],
      ...merged.aliases.map((a): [string, ResolutionRule] => [a, 'alias']),
    ];
    const canonicalKey = normaliseName(merged.name);
    const indexed: [string, ResolutionRule][] = names.flatMap(([name, rule]) => [
      [name, normaliseName(name) === canonicalKey ? 'canonical-name' : rule] as [
        string,
        ResolutionRule,
      ],
      ...nameVariants(name).map((v): [string, ResolutionRule] => [v.name, v.rule]),
    ]);
    for (const [name, rule] of indexed) {
      const key = normaliseName(name);
      if (!key) continue;
      const list = this.byName.get(key) ?? [];
      const mine = list.find((n) => n.entry.id === merged.id);
      // A name already indexed for this entry keeps its strongest rule.
      if (mine && rank(mine.rule) <= rank(rule)) {
        mine.entry = merged;
        continue;
      }
      const others = list.filter((n) => n.entry.id !== merged.id);
      others.push({ entry: merged, rule, name });
      this.byName.set(key, others);
      const words = tokens(key);
      this.longestName = Math.max(this.longestName, words.length);
      // Names and aliases only: derived forms are never read in running text, so none is cut short there.
      if (merged.type !== 'Country' && merged.type !== 'Activity' && rank(rule) < 1)
        for (let size = 2; size < words.length; size++) {
          const opening = words.slice(0, size).join(' ');
          const holders = this.nameOpenings.get(opening) ?? new Set<EntityType>();
          this.nameOpenings.set(opening, holders.add(merged.type));
        }
    }
    // Entries met earlier under other keys must see the merged aliases too.
    for (const list of this.byName.values()) {
      for (const n of list) if (n.entry.id === merged.id) n.entry = merged;
    }
  }

  get(id: string): GazetteerEntry | undefined {
    return this.byId.get(id);
  }

  /**
   * Resolves a whole name, optionally only among some entity types: first by exact names and
   * aliases, then by the forms name-variants.ts derives (legal suffix, parenthetical acronym).
   */
  resolve(name: string, types?: readonly EntityType[]): Resolution {
    const exactKey = normaliseName(name);
    const variantKeys = nameVariants(name).map((v) => normaliseName(v.name));
    const typed = (key: string) =>
      (this.byName.get(key) ?? []).filter((n) => !types || types.includes(n.entry.type));
    // Exact names and aliases outrank derived variants; ambiguity is judged within a rank.
    const tiers = [
      typed(exactKey).filter((n) => rank(n.rule) < 1),
      [...typed(exactKey), ...variantKeys.flatMap(typed)].filter(
        (n) => rank(n.rule) >= 1 || variantKeys.length > 0,
      ),
    ];
    for (const found of tiers) {
      const distinct = [...new Map(found.map((n) => [n.entry.id, n])).values()];
      if (distinct.length > 1)
        return { status: 'ambiguous', candidates: distinct.map((d) => d.entry) };
      if (distinct.length === 1) {
        const only = distinct[0]!;
        return { status: 'matched', entry: only.entry, rule: only.rule, matchedName: only.name };
      }
    }
    return { status: 'unmatched' };
  }

  /**
   * Finds the known entities named in running text, longest match first, without overlaps.
   * Ambiguous names are skipped here: in prose there is no one to ask which was meant. `types`
   * also orders preference when one name fits entities of several types.
   */
  findMentions(text: string, types?: readonly EntityType[]): Mention[] {
    const words = tokens(normaliseName(text));
    // The same words with possessives cut ("Bangladesh's DPI" → "bangladesh dpi"): one word each
    // still, so spans line up. Names holding an apostrophe ("Children's Fund") match as written.
    const bare = tokens(normaliseName(text.replace(POSSESSIVE, '$1')));
    const alternative = bare.length === words.length ? bare : words;
    const taken = new Array<boolean>(words.length).fill(false);
    const mentions: Mention[] = [];
    const named = (key: string) =>
      (this.byName.get(key) ?? []).filter(
        (n) =>
          rank(n.rule) < 1 &&
          (!types || types.includes(n.entry.type)) &&
          this.trustedInProse(n, text),
      );
    for (let size = Math.min(this.longestName, words.length); size >= 1; size--) {
      for (let start = 0; start + size <= words.length; start++) {
        if (taken.slice(start, start + size).some(Boolean)) continue;
        const key = words.slice(start, start + size).join(' ');
        const bareKey = alternative.slice(start, start + size).join(' ');
        let found = named(key);
        if (found.length === 0 && bareKey !== key) found = named(bareKey);
        // A name that is both a DPG and the organisation behind it ("MOSIP") is read as the
        // type listed first in `types`; two entities of one type stay ambiguous and are skipped.
        const preferred = types
          ? types.find((t) => found.some((f) => f.entry.type === t))
          : undefined;
        const candidates = preferred ? found.filter((f) => f.entry.type === preferred) : found;
        const ids = new Set(candidates.map((f) => f.entry.id));
        if (ids.size !== 1) continue;
        const [hit] = candidates as [IndexedName];
        if (hit.entry.type === 'Country' && this.continuesAName(words, start, start + size, types))
          continue;
        mentions.push({ entry: hit.entry, text: hit.name, start, end: start + size });
        for (let i = start; i < start + size; i++) taken[i] = true;
      }
    }
    return mentions.sort((a, b) => a.start - b.start);
  }

  /**
   * Whether words [start, end) go on a name begun before them: "MET Norway" in "(Global Digital
   * Library, MET Norway, ...)" opens the DPG "MET Norway Weather API", cut short, and says nothing
   * of where the work takes place. A name that opens with the country ("Ghana Health Service")
   * is not one: there the country is a country still.
   */
  private continuesAName(
    words: readonly string[],
    start: number,
    end: number,
    types: readonly EntityType[] | undefined,
  ): boolean {
    for (let from = Math.max(0, start - this.longestName); from < start; from++)
      for (let to = end; to <= Math.min(words.length, from + this.longestName); to++) {
        const holders = this.nameOpenings.get(words.slice(from, to).join(' '));
        if (holders && (!types || types.some((t) => holders.has(t)))) return true;
      }
    return false;
  }

  private trustedInProse(indexed: IndexedName, text: string): boolean {
    if (!SHORT_ACRONYM.test(indexed.name)) return true;
    // Country codes such as "US" or "AI" are too easily ordinary words in prose.
    if (indexed.entry.type === 'Country') return false;
    return new RegExp(`\\b${indexed.name}\\b`).test(text);
  }
}
