/**
 * Other forms under which one organisation's name appears across sources, each with the rule
 * that produced it, so the resolution report can say why two names became one node:
 *   "Bluesquare SA"                                  → "Bluesquare"                 (legal-suffix)
 *   "IntraHealth International"                      → "IntraHealth"                (without-international)
 *   "Food and Agriculture Organization (FAO) of the United Nations"
 *                                                    → "Food and Agriculture Organization of the United Nations" (without-parenthetical)
 *                                                    → "FAO"                        (parenthetical-acronym)
 *   "LCubed AB, Sweden (iGrant.io)"                  → "iGrant.io"                  (parenthetical-domain)
 */

export type VariantRule =
  | 'legal-suffix'
  | 'without-international'
  | 'without-parenthetical'
  | 'parenthetical-acronym'
  | 'parenthetical-domain';

export interface NameVariant {
  name: string;
  rule: VariantRule;
}

// The suffix pattern tries one start per run of separators, so a name of 50,000 blanks costs
// linear time, not quadratic (names come from imported documents).
const LEGAL_SUFFIX =
  /(?<![\s,])[\s,]+(inc|ltd|llc|l\.l\.c|gmbh|sa|s\.a|ab|bv|b\.v|plc|pty ltd|pty|pvt\.? ltd|private limited|limited|cic|co|corp|corporation)\.?$/i;
/** Real names carry at most two suffixes ("Acme Co. Ltd"); "X ab ab ab …" is not a name to strip. */
const MAX_SUFFIXES = 3;
const ACRONYM = /^[A-Z][A-Za-z0-9&.-]{1,11}$/;
/**
 * A trade name written as its web domain ("iGrant.io"): the registry names one company "iGrant.io"
 * for one DPG and "LCubed AB, Sweden (iGrant.io)" for another, same website (data audit).
 */
const DOMAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{1,30}(?:\.[A-Za-z0-9-]{1,30})?\.[A-Za-z]{2,6}$/;
/**
 * The name before a closing "International", or null: the registry lists one NGO as "IntraHealth"
 * for one DPG and "IntraHealth International" for two others, which made two organisations (QA).
 * A derived form: it is never read into running text, and two organisations it fits stay
 * ambiguous. Not when what is left is an acronym ("ICF International"): derived forms meet each
 * other, and "ICF" is also what "Inner City Fund (ICF)" derives. Scanned by hand: a pattern's
 * separator run before the word was retried from each of its characters (a name of 50,000 blanks
 * took 4 s).
 */
function withoutInternational(name: string): string | null {
  const word = 'international';
  if (!name.toLowerCase().endsWith(word)) return null;
  let end = name.length - word.length;
  const separator = (at: number) => /[\s,]/.test(name.charAt(at));
  if (end === 0 || !separator(end - 1)) return null;
  while (end > 0 && separator(end - 1)) end -= 1;
  const rest = name.slice(0, end).trim();
  return rest.length > 1 && !/^[A-Z0-9&.-]{2,6}$/.test(rest) ? rest : null;
}

/**
 * The first "(…)" with something inside, up to the first ")" after it — so in
 * "X (the division of the African Union (AU))" it is "(the division … (AU)". Found by scanning
 * forward once: a regular expression would retry from every "(" of "((((…" (quadratic).
 */
function firstParenthetical(text: string): { start: number; end: number; inner: string } | null {
  let open = text.indexOf('(');
  while (open >= 0) {
    const close = text.indexOf(')', open + 1);
    if (close < 0) return null;
    if (close > open + 1)
      return { start: open, end: close + 1, inner: text.slice(open + 1, close) };
    open = text.indexOf('(', close + 1);
  }
  return null;
}

export function nameVariants(name: string): NameVariant[] {
  const variants: NameVariant[] = [];
  let stripped = name.trim();
  for (let i = 0; i < MAX_SUFFIXES && LEGAL_SUFFIX.test(stripped); i++)
    stripped = stripped.replace(LEGAL_SUFFIX, '').trim();
  if (stripped !== name.trim() && stripped.length > 1)
    variants.push({ name: stripped, rule: 'legal-suffix' });
  const national = withoutInternational(stripped);
  if (national) variants.push({ name: national, rule: 'without-international' });

  const paren = firstParenthetical(stripped);
  if (paren) {
    const without = `${stripped.slice(0, paren.start)} ${stripped.slice(paren.end)}`
      .replace(/\s+/g, ' ')
      .trim();
    if (without) variants.push({ name: without, rule: 'without-parenthetical' });
    const inner = paren.inner.trim();
    // "(FAO)" names the same body; "(Stockholm)" or "(the statistical division …)" do not.
    if (ACRONYM.test(inner) && /[A-Z].*[A-Z]|^[A-Z][a-z]+[A-Z]/.test(inner)) {
      variants.push({ name: inner, rule: 'parenthetical-acronym' });
    } else if (DOMAIN_NAME.test(inner)) {
      variants.push({ name: inner, rule: 'parenthetical-domain' });
    }
  }
  return variants;
}
