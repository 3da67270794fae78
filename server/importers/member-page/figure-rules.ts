/**
 * Figures that descriptions state as facts about an entity ("The Fund has invested in 147
 * solutions (of which 19 are DPGs) in 86 programme countries") and the properties they become.
 * A table, so new phrasings are a line each.
 */

export interface FigureRule {
  property: string;
  pattern: RegExp;
}

// A number that is not preceded by a fixed phrase starts only where a run of digits and commas
// starts (`(?<![\w,])`), so "1,1,1,…" costs linear time, not quadratic.
export const FIGURE_RULES: readonly FigureRule[] = [
  { property: 'solutionsInvested', pattern: /\binvested in (\d[\d,]*) solutions\b/i },
  { property: 'dpgsInvested', pattern: /\(of which (\d[\d,]*) (?:are|were) DPGs\)/i },
  { property: 'programmeCountries', pattern: /\bin (\d[\d,]*) programme countries\b/i },
  {
    property: 'countryOfficesUsingSolutions',
    pattern: /(?<![\w,])(\d[\d,]*) (?:UNICEF )?(?:COs|country offices) used\b/i,
  },
  {
    property: 'startupsDeployedAbroad',
    pattern: /(?<![\w,])(\d[\d,]*) portfolio startups deployed their solution outside\b/i,
  },
  { property: 'dpgsDeveloped', pattern: /\b(\w+) DPGs were developed\b/i },
];

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/** Reads "147", "1,200" or "four" as a number; null for anything else. */
export function readNumber(text: string): number | null {
  const digits = text.replace(/,/g, '');
  if (/^\d+$/.test(digits)) return Number(digits);
  return WORD_NUMBERS[text.toLowerCase()] ?? null;
}

export interface Figure {
  property: string;
  value: number;
  sentence: string;
}

/** The figures a sentence states, by the rule table. */
export function extractFigures(
  sentence: string,
  rules: readonly FigureRule[] = FIGURE_RULES,
): Figure[] {
  const figures: Figure[] = [];
  for (const rule of rules) {
    const match = rule.pattern.exec(sentence);
    const value = match ? readNumber(match[1]!) : null;
    if (value !== null) figures.push({ property: rule.property, value, sentence });
  }
  return figures;
}
