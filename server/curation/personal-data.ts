/**
 * Annotations, relationship notes and entity texts describe organisations, not people: this
 * module spots the personal contact data (e-mail addresses, phone numbers) that must not be stored
 * in them. A phone number is a run of seven or more digits, but so are dates, amounts, counts and
 * identifiers, which editors write all the time ("MoU signed 2023-01-15", "EUR 2.500.000",
 * "1 200 000 learners", an ISBN or a DOI were refused as phone numbers, QA). Those are taken out
 * of the text before it is scanned, and what is left is told apart run by run; where in doubt, a
 * run is a phone number: refusing a note costs its editor a rewording, storing a number more.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+/u;
/** Seven or more digits, optionally with a leading +, spaces, dots, dashes or brackets between. */
const PHONE = /(?:\+|\b00)?\d(?:[\s().-]{0,2}\d){6,}/g;
/**
 * What is taken out before the scan, wherever it stands: DOIs (10.5281/zenodo.1234567), dates
 * (2023-01-15, 15.01.2023), year ranges (2025–2026), and amounts or counts in thousands: with
 * dots or commas (2.500.000, 12,000,000), or with spaces after a first group of one or two digits
 * (1 200 000; "612 345 678" is a mobile number's grouping as often). Never right after a + or a
 * digit, nor followed by more digits: "+1 212 555 0123" stays whole.
 */
const NOT_PHONES = [
  /\b10\.\d{4,9}\/\S+/g,
  /(?<![+\d])\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\b(?![\s.-]?\d)/g,
  /(?<![+\d])\b\d{4}\s*[-–]\s*\d{4}\b(?![\s.-]?\d)/g,
  /(?<![+\d])\b[1-9]\d{0,2}([.,])\d{3}(?:\1\d{3})+\b(?![\s.,-]?\d)/g,
  /(?<![+\d])\b[1-9]\d? \d{3}(?: \d{3})+\b(?![\s.-]?\d)/g,
];
/** What names an identifier, just before its digits: an ISBN, an ISSN, an ORCID. */
const IDENTIFIER_BEFORE = /(?:\bISBN(?:-1[03])?|\bISSN|\bORCID)[:\s]*$/i;

/** Whether a run of digits found in `text` at `index` reads as a phone number. */
function dialled(candidate: string, text: string, index: number): boolean {
  const run = candidate.trim();
  // Dialled from abroad: a phone number whatever words come before it.
  if (/^(?:\+|00)/.test(run)) return true;
  // A plain number of up to nine digits is a count or an amount, unless it starts with a 0.
  if (/^[1-9]\d{6,8}$/.test(run)) return false;
  // An ISBN-13 without its name: 978 or 979, then 10 more digits.
  if (/^97[89]\D?(?:\d\D?){9}\d$/.test(run)) return false;
  return !IDENTIFIER_BEFORE.test(text.slice(Math.max(0, index - 12), index));
}

/** What kind of personal data `text` contains, or null when it has none. */
export function findPersonalData(text: string): 'email' | 'phone' | null {
  if (EMAIL.test(text)) return 'email';
  // Blanked, not removed: what stood on either side must not join into one run.
  const scanned = NOT_PHONES.reduce((rest, pattern) => rest.replace(pattern, ' ; '), text);
  for (const match of scanned.matchAll(PHONE))
    if (dialled(match[0], scanned, match.index)) return 'phone';
  return null;
}

export const PERSONAL_DATA_MESSAGE =
  'must not contain e-mail addresses or phone numbers (no personal data about individuals)';
