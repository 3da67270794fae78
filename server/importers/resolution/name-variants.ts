/**
 * Other forms under which one organisation's name appears across sources, each with the rule
 * that produced it, so the resolution report can say why two names became one node:
 *   "Bluesquare SA"                                  → "Bluesquare"                 (legal-suffix)
 *   "Food and Agriculture Organization (FAO) of the United Nations"
 *                                                    → "Food and Agriculture Organization of the United Nations" (without-parenthetical)
 *                                                    → "FAO"                        (parenthetical-acronym)
 */

export type VariantRule = 'legal-suffix' | 'without-parenthetical' | 'parenthetical-acronym';

export interface NameVariant {
  name: string;
  rule: VariantRule;
}

const LEGAL_SUFFIX =
  /[\s,]+(inc|ltd|llc|l\.l\.c|gmbh|sa|s\.a|ab|bv|b\.v|plc|pty ltd|pty|pvt\.? ltd|private limited|limited|cic|co|corp|corporation)\.?$/i;
const PARENTHETICAL = /\s*\(([^)]+)\)\s*/;
const ACRONYM = /^[A-Z][A-Za-z0-9&.-]{1,11}$/;

export function nameVariants(name: string): NameVariant[] {
  const variants: NameVariant[] = [];
  let stripped = name.trim();
  while (LEGAL_SUFFIX.test(stripped)) stripped = stripped.replace(LEGAL_SUFFIX, '').trim();
  if (stripped !== name.trim() && stripped.length > 1)
    variants.push({ name: stripped, rule: 'legal-suffix' });

  const paren = PARENTHETICAL.exec(stripped);
  if (paren) {
    const without = stripped.replace(PARENTHETICAL, ' ').replace(/\s+/g, ' ').trim();
    if (without) variants.push({ name: without, rule: 'without-parenthetical' });
    const inner = paren[1]!.trim();
    // "(FAO)" names the same body; "(Stockholm)" or "(the statistical division …)" do not.
    if (ACRONYM.test(inner) && /[A-Z].*[A-Z]|^[A-Z][a-z]+[A-Z]/.test(inner)) {
      variants.push({ name: inner, rule: 'parenthetical-acronym' });
    }
  }
  return variants;
}
