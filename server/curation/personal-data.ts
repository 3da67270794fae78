/**
 * Annotations describe organisations, not people: this module spots the personal contact data
 * (e-mail addresses, phone numbers) that must not be stored in their notes and tags.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+/u;
/** Seven or more digits, optionally with a leading +, spaces, dots, dashes or brackets between. */
const PHONE = /(?:\+|\b00)?\d(?:[\s().-]{0,2}\d){6,}/;
const YEAR_RANGE = /^\d{4}\s*[-–]\s*\d{4}$/;

/** What kind of personal data `text` contains, or null when it has none. */
export function findPersonalData(text: string): 'email' | 'phone' | null {
  if (EMAIL.test(text)) return 'email';
  const phone = PHONE.exec(text);
  if (phone && !YEAR_RANGE.test(phone[0].trim())) return 'phone';
  return null;
}

export const PERSONAL_DATA_MESSAGE =
  'must not contain e-mail addresses or phone numbers (no personal data about individuals)';
