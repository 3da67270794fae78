/**
 * CSV injection: a cell a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return) is kept as text with a leading apostrophe. Names come from public sources and
 * from editors, so every CSV the app writes (the API's exports, the explorer's downloads) does this,
 * from this one module (the browser bundles it too).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** `text`, with a leading apostrophe when a spreadsheet would run it as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
