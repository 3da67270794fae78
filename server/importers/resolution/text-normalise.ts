/**
 * Name normalisation shared by entity resolution and id generation: insensitive to case,
 * diacritics and punctuation, so "Côte d'Ivoire", "COTE D IVOIRE" and "Cote d’Ivoire" agree.
 */

const APOSTROPHES = /['’‘`´]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NON_ALPHANUMERIC = /[^\p{L}\p{N}]+/gu;

/** Lower-case, diacritics and punctuation removed, `&` read as "and", single spaces. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(APOSTROPHES, '')
    .replace(NON_ALPHANUMERIC, ' ')
    .trim()
    .replace(/^the /, '');
}

/** A URL- and id-safe slug of a name, at most `maxLength` characters, cut at a word boundary. */
export function slugify(name: string, maxLength = 80): string {
  const words = normaliseName(name).split(' ').filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  // A first word longer than the limit still needs some slug.
  return slug || words.join('-').slice(0, maxLength);
}

/**
 * True when a name has letters or digits to make an id from: a name of only punctuation, symbols
 * or emoji slugs to nothing, and `org:` is no id.
 */
export function hasIdCharacters(name: string): boolean {
  return slugify(name).length > 0;
}

/**
 * Longer than any real name of an organisation, activity or DPG. Names are indexed, and Neo4j's
 * range index refuses values over ~8 kB: a whole pasted paragraph in a name cell would fail the
 * import's transaction with an internal error instead of a clear one.
 */
export const MAX_NAME_LENGTH = 500;

/** Why `name` cannot name an entity — empty, no letters or digits, too long — or null. */
export function nameProblem(name: string): string | null {
  if (name.trim().length === 0) return 'is empty';
  if (name.length > MAX_NAME_LENGTH)
    return `is ${name.length} characters long (at most ${MAX_NAME_LENGTH})`;
  if (!hasIdCharacters(name)) return 'has no letters or digits';
  return null;
}

/** Splits a normalised string into its tokens. */
export function tokens(normalised: string): string[] {
  return normalised.split(' ').filter(Boolean);
}
