/**
 * Annotations, relationship notes and entity texts describe organisations, not people: this
 * module spots the personal contact data (e-mail addresses, phone numbers) that must not be stored
 * in them. A phone number is a run of seven or more digits, but so are dates, amounts, counts and
 * identifiers, which editors write all the time ("MoU signed 2023-01-15", "EUR 2.500.000",
 * "1 200 000 learners", an ISBN or a DOI were refused as phone numbers, QA): those are told apart.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+/u;
/** Seven or more digits, optionally with a leading +, spaces, dots, dashes or brackets between. */
const PHONE = /(?:\+|\b00)?\d(?:[\s().-]{0,2}\d){6,}/g;
const YEAR_RANGE = /^\d{4}\s*[-–]\s*\d{4}$/;
/** 2023-01-15, 2023/01/15, 15.01.2023, 15-01-2023. */
const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$/;
/** An amount or a count in thousands: 2.500.000, 1 200 000, 12,000,000. */
const GROUPED_NUMBER = /^\d{1,3}([\s.,])\d{3}(?:\1\d{3})+$/;
/** What names an identifier, just before its digits: ISBN, ISSN, DOI (10.5281/…), an ORCID. */
const IDENTIFIER_BEFORE = /(?:\bISBN(?:-1[03])?|\bISSN|\bDOI|doi\.org\/|\b10\.\d*|ORCID)[:\s]*$/i;

/** Whether a run of digits found in `text` at `index` reads as a phone number. */
function dialled(candidate: string, text: string, index: number): boolean {
  const run = candidate.trim();
  if (YEAR_RANGE.test(run) || DATE.test(run) || GROUPED_NUMBER.test(run)) return false;
  // A plain number is a count or an amount, unless it is dialled: with a + or a leading 0.
  if (/^\d+$/.test(run) && !run.startsWith('0')) return false;
  // An ISBN-13 without its name: 978 or 979, then 10 more digits.
  if (/^97[89]\D?(?:\d\D?){9}\d$/.test(run)) return false;
  return !IDENTIFIER_BEFORE.test(text.slice(Math.max(0, index - 12), index));
}

/** What kind of personal data `text` contains, or null when it has none. */
export function findPersonalData(text: string): 'email' | 'phone' | null {
  if (EMAIL.test(text)) return 'email';
  for (const match of text.matchAll(PHONE))
    if (dialled(match[0], text, match.index)) return 'phone';
  return null;
}

export const PERSONAL_DATA_MESSAGE =
  'must not contain e-mail addresses or phone numbers (no personal data about individuals)';
