/**
 * An organisation's home country read from its name ("Government of Sierra Leone", "Statistics
 * Norway", "Swiss Agency for Development and Cooperation"), for the BASED_IN relationship the
 * importers state (graph/fact-builder.ts). Countries are the gazetteer's (ISO 3166 names and
 * seed/reference/country-aliases.json); demonyms and phrases that are no home come from
 * seed/reference/home-country-words.json.
 *
 * Precision over recall: a wrong home misleads an advocacy team more than a missing one, so a
 * name gives a home only when
 *  - the organisation is not of a kind whose name says where it works rather than where it is
 *    from: UN agencies ("UNDP Kenya" is UNDP's office there, UNDP is no Kenyan body) and
 *    multilateral banks ("Asian Development Bank": a region, or its members);
 *  - it names exactly one country, matched as whole words, longest phrase first: "Papua New
 *    Guinea" is not Guinea, "Dominican Republic" not Dominica, "Nigeria" not Niger, and
 *    "Republic of the Congo" (CG) not the Democratic one; a name that fits two countries
 *    ("Congo") or names two ("Ghana-India Kofi Annan Centre") gives none. Regions are no
 *    country: "Amref Health Africa", "Notesmaster Caribbean", "Inter-American…" give none;
 *  - that country is not what the organisation works for or on ("Friends of Kenya", "Aid for
 *    Ukraine", "Partnership with Malawi"): then the name gives no home at all;
 *  - a short capital acronym ("US", "UK", "DRC") is written in capitals as a word of its own, so
 *    the English "us" is no country.
 * Reference entries carry their own country (seed/reference/organisations.json) and are not read
 * here: the table is the better source, and its silence (the European Commission) means "none".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { OrganisationKind } from '../../model/graph-model.ts';
import { countryEntries, REFERENCE_DIR, type GazetteerEntry } from './gazetteer.ts';
import { normaliseName, tokens } from './text-normalise.ts';

/** Kinds whose names never tell a home: they name where they work, or whom they gather. */
export const KINDS_WITHOUT_HOME_IN_NAME: readonly OrganisationKind[] = [
  'un-agency',
  'multilateral-bank',
];

/**
 * Words just before a country that make it what the organisation works for or on, not its home
 * ("Friends of" is read as "friends" before "of"). "of" and "in" are left out: "University of
 * Ghana", "Made in Kenya" are at home there.
 */
const ABOUT_WORDS = new Set([
  'for',
  'to',
  'towards',
  'with',
  'about',
  'on',
  'across',
  'against',
  'supporting',
]);

const SHORT_ACRONYM = /^[A-Z][A-Z.]{1,5}$/;

const wordsFile = z.object({
  demonyms: z.record(z.string().min(1), z.string().regex(/^[A-Z]{2}$/)),
  notHomes: z.array(z.string().min(1)),
});
export type HomeCountryWords = z.infer<typeof wordsFile>;

/** One phrase the name is searched for: the countries it names (none: a phrase that is no home). */
interface Phrase {
  codes: Set<string>;
  /** How the table spells it, for the evidence ("Norwegian", "Sierra Leone"). */
  spelling: string;
  /** Spellings to find in capitals in the original name, when the phrase is a short acronym. */
  acronyms: Set<string>;
}

/** The phrases to look for in names, built once per import. */
export interface HomeCountryTable {
  phrases: Map<string, Phrase>;
  longest: number;
}

/** A home read from a name: the country's ISO code and the words of the name that say it. */
export interface HomeCountryFinding {
  code: string;
  /** The phrase of the name that named it, as the table spells it ("Norwegian"). */
  phrase: string;
}

/**
 * Reads seed/reference/home-country-words.json (or `file`).
 * @throws Error naming the file and the entry when a code is not ISO 3166-1 alpha-2 or the
 *   shape is wrong.
 */
export function loadHomeCountryWords(
  file = path.join(REFERENCE_DIR, 'home-country-words.json'),
  knownCodes: ReadonlySet<string> = new Set(countryEntries().map((c) => String(c.props.iso2))),
): HomeCountryWords {
  const parsed = wordsFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  const name = path.basename(file);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`home-country: ${name} is invalid at ${where}`);
  }
  for (const [word, code] of Object.entries(parsed.data.demonyms)) {
    if (!knownCodes.has(code))
      throw new Error(`home-country: ${name} demonyms."${word}" is "${code}", no ISO 3166 country`);
  }
  return parsed.data;
}

/** The phrase table: every country name and alias, the demonyms, and the phrases that are no home. */
export function homeCountryTable(
  countries: readonly GazetteerEntry[] = countryEntries(),
  words: HomeCountryWords = loadHomeCountryWords(),
): HomeCountryTable {
  const phrases = new Map<string, Phrase>();
  const add = (spelling: string, code: string | null) => {
    const key = normaliseName(spelling);
    if (!key) return;
    const phrase = phrases.get(key) ?? {
      codes: new Set<string>(),
      spelling,
      acronyms: new Set<string>(),
    };
    if (code) phrase.codes.add(code);
    if (SHORT_ACRONYM.test(spelling)) phrase.acronyms.add(spelling);
    phrases.set(key, phrase);
  };
  for (const country of countries) {
    const code = String(country.props.iso2 ?? country.id.replace(/^country:/, ''));
    for (const spelling of [country.name, ...country.aliases]) add(spelling, code);
  }
  for (const [word, code] of Object.entries(words.demonyms)) add(word, code);
  // A phrase that is no home wins over the country inside it, as a longer phrase does anyway;
  // "Georgia" alone must lose its country, so its codes are cleared.
  for (const phrase of words.notHomes) {
    const key = normaliseName(phrase);
    phrases.set(key, { codes: new Set(), spelling: phrase, acronyms: new Set() });
  }
  const longest = Math.max(1, ...[...phrases.keys()].map((k) => tokens(k).length));
  return { phrases, longest };
}

let defaultTable: HomeCountryTable | null = null;

/** The table of the shipped reference data, built once. */
export function defaultHomeCountryTable(): HomeCountryTable {
  return (defaultTable ??= homeCountryTable());
}

/** "Rwanda's Ministry" → "Rwanda Ministry": normalising would make "rwandas" of it. */
function withoutPossessives(name: string): string {
  return name.replace(/(\p{L})['’]s\b/gu, '$1');
}

function writtenInCapitals(name: string, acronyms: ReadonlySet<string>): boolean {
  return [...acronyms].some((a) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${a.replaceAll('.', '\\.')}(?![\\p{L}\\p{N}])`, 'u').test(name),
  );
}

/**
 * The home country an organisation's name states, or null (see the rules at the top).
 * @param kind the organisation's kind; null when not known (read as any other kind).
 */
export function homeCountryFromName(
  name: string,
  kind: OrganisationKind | null,
  table: HomeCountryTable = defaultHomeCountryTable(),
): HomeCountryFinding | null {
  if (kind && KINDS_WITHOUT_HOME_IN_NAME.includes(kind)) return null;
  const text = withoutPossessives(name);
  const words = tokens(normaliseName(text));
  const taken = new Array<boolean>(words.length).fill(false);
  const homes = new Map<string, string>();
  let vetoed = false;
  for (let size = Math.min(table.longest, words.length); size >= 1; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      if (taken.slice(start, start + size).some(Boolean)) continue;
      const key = words.slice(start, start + size).join(' ');
      const phrase = table.phrases.get(key);
      if (!phrase) continue;
      if (phrase.acronyms.size > 0 && !writtenInCapitals(text, phrase.acronyms)) continue;
      for (let i = start; i < start + size; i++) taken[i] = true;
      if (phrase.codes.size === 0) continue;
      const before = start > 0 ? words[start - 1]! : '';
      // Two countries under one name, or a country the organisation works for: no home.
      const friendsOf = before === 'of' && words[start - 2] === 'friends';
      if (phrase.codes.size > 1 || ABOUT_WORDS.has(before) || friendsOf) {
        vetoed = true;
        continue;
      }
      const code = [...phrase.codes][0]!;
      if (!homes.has(code)) homes.set(code, phrase.spelling);
    }
  }
  if (vetoed || homes.size !== 1) return null;
  const [code, phrase] = [...homes][0]!;
  return { code, phrase };
}
