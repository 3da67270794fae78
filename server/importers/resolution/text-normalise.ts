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

/** Splits a normalised string into its tokens. */
export function tokens(normalised: string): string[] {
  return normalised.split(' ').filter(Boolean);
}
