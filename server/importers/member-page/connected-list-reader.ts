/**
 * Reads the free text of a "Connected members" or "Connected DPGs" field into statements:
 * who co-leads, which names take part, how large a named group is, and what is only a note.
 *
 *   "GIZ Co-Leads AI CoP with UNICEF."                      → co-lead: GIZ
 *   "AI CoP constitutes 50 members …, including organizations such as: A, B, and more."
 *                                                            → group "AI CoP members" of 50: A, B
 *   "All DPGA Board Members. UN System agencies, including those that are not part of the DPGA."
 *                                                            → names: DPGA Board Members, UN System agencies
 *   "This is solely a UNICEF exploration for now."          → note
 *   "TBC"                                                   → nothing
 */

import { MAX_NAME_LENGTH } from '../resolution/text-normalise.ts';

export type ConnectedStatement =
  | { kind: 'co-lead'; names: string[]; sentence: string }
  | { kind: 'names'; names: string[]; sentence: string }
  | {
      kind: 'group';
      groupName: string;
      memberCount: number | null;
      names: string[];
      sentence: string;
    }
  | { kind: 'note'; sentence: string };

const PLACEHOLDERS = /^(tbc|tbd|n\/?a|none|-+|to be (?:confirmed|determined)|not applicable)\.?$/i;
const CO_LEAD = /^(.+?)\s+co-?leads?\b.*?(?:\bwith\s+(.+?))?\.?$/i;
const GROUP_SIZE =
  /^(.+?)\s+(?:constitutes|comprises|has|counts|brings together)\s+(\d[\d,]*)\+?\s+members\b/i;
// Greedy prefix: the list starts after the last intro ("including organizations such as: …").
const LIST_INTRO = /^.*\b(?:such as|including|includes|among them|e\.g\.)\s*:?\s*/i;
const TRAILING_MORE = /^(?:and\s+)?(?:more|others|many more|many others|etc\.?|\.\.\.)$/i;
const LEADING_QUANTIFIER = /^(?:all(?: of)?(?: the)?|the)\s+/i;
const PRONOUN_START = /^(this|that|these|those|we|it|they|our|there|here|other|more)\b/i;
const MAX_NAME_WORDS = 8;

/** Splits field text into sentences (each line on its own) without breaking "i.e." or "v.1.0". */
export function splitSentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z"“(])/))
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Splits "A, B and C, and more" into names; drops "and more" and trailing full stops. "and" only
 * separates names in a list that has commas, so "Bill and Melinda Gates Foundation" stays whole.
 */
export function splitNameList(text: string): string[] {
  // One space for every run of spaces and tabs, so the separator's `\s*` never backtracks
  // through a long run (quadratic time on a pasted field of blanks).
  text = text.replace(/[^\S\n]+/g, ' ');
  const separator = /[,;]/.test(text)
    ? /\s*(?:,|;|\n|\s&\s|\band\b(?=\s+[A-Z]))\s*/
    : /\s*(?:\n)\s*/;
  return text
    .replace(/\.$/, '')
    .split(separator)
    .map((s) =>
      s
        .trim()
        .replace(/^and\s+/i, '')
        .replace(/\.$/, ''),
    )
    .filter((s) => s.length > 0 && !TRAILING_MORE.test(s));
}

/** True for a fragment that reads as a proper name rather than prose. */
export function isNameLike(fragment: string): boolean {
  if (fragment.length > MAX_NAME_LENGTH) return false;
  const words = fragment.split(/\s+/);
  return (
    words.length <= MAX_NAME_WORDS &&
    /^[\p{Lu}\p{N}"“]/u.test(fragment) &&
    !PRONOUN_START.test(fragment)
  );
}

function stripQuantifier(name: string): string {
  return name.replace(LEADING_QUANTIFIER, '').trim();
}

/** Reads one field's text; empty and placeholder values give no statements. */
export function readConnectedList(text: string | undefined): ConnectedStatement[] {
  if (!text || PLACEHOLDERS.test(text.trim())) return [];
  const statements: ConnectedStatement[] = [];
  for (const sentence of splitSentences(text)) {
    if (PLACEHOLDERS.test(sentence)) continue;

    const coLead = CO_LEAD.exec(sentence);
    if (coLead && isNameLike(coLead[1]!)) {
      statements.push({ kind: 'co-lead', names: splitNameList(coLead[1]!), sentence });
      continue;
    }

    const intro = LIST_INTRO.exec(sentence);
    const size = GROUP_SIZE.exec(sentence);
    if (size && isNameLike(size[1]!)) {
      const names = intro ? splitNameList(sentence.slice(intro[0].length)) : [];
      statements.push({
        kind: 'group',
        groupName: `${size[1]!.trim()} members`,
        memberCount: Number(size[2]!.replace(/,/g, '')),
        names: names.filter(isNameLike),
        sentence,
      });
      continue;
    }

    // "A, B and C" possibly followed by a qualifier in lower case ("…, including those that …").
    const parts = splitNameList(sentence);
    const names = parts.filter(isNameLike).map(stripQuantifier);
    const qualifiers = parts.filter((p) => !isNameLike(p));
    const allQualifiersLowercase = qualifiers.every((q) => /^\p{Ll}/u.test(q));
    if (names.length > 0 && allQualifiersLowercase && isNameLike(parts[0]!)) {
      statements.push({ kind: 'names', names, sentence });
    } else {
      statements.push({ kind: 'note', sentence });
    }
  }
  return statements;
}
