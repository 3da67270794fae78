/**
 * Label text for the canvas: long names (activity titles run to sixty characters and more) are cut at a
 * word boundary so a label wraps to at most a few short lines; the full name stays in the tooltip and
 * the details panel.
 */

/** Longest label, in characters, drawn on the canvas before it is shortened. */
export const MAX_LABEL_LENGTH = 30;

/**
 * Shortens `label` to at most `max` characters (ellipsis included), cutting at the last space when one
 * falls in the back half, so words are not split mid-way.
 */
export function shortenLabel(label: string, max: number = MAX_LABEL_LENGTH): string {
  if (!Number.isInteger(max) || max < 2)
    throw new RangeError(`label: max must be an integer ≥ 2, got ${String(max)}`);
  const text = label.trim().replace(/\s+/g, ' ');
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // The cut already ends a word when the next character is a space; otherwise back up to the last one.
  const space = text.charAt(max - 1) === ' ' ? cut.length : cut.lastIndexOf(' ');
  const head = space >= max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.\-–—(]+$/, '')}…`;
}

/** An SDG's number, as its name begins ("SDG 16: Peace, Justice and Strong Institutions"). */
const SDG_NUMBER = /^(SDG \d{1,2})\b/;
/**
 * An acronym a name ends with, in parentheses ("… Research and Policy (CILRAP)", "(UNEP-WCMC)"):
 * a capital first and at least two capitals in all, so "(Malvinas)" and "(iGrant.io)" are not.
 */
const TRAILING_ACRONYM = /\(((?=(?:[^)]*[A-Z]){2})[A-Z][A-Za-z0-9&.-]{1,15})\)$/;

/**
 * The shorter name the canvas falls back on where the label's own has no room (label-placement.ts):
 * an SDG's number, or the acronym a name ends with. Where labels crowd most, around the SDGs that
 * tie a list of collaborators together, the hubs lost their names first, being the longest.
 * `''` when the name has none, or none shorter than the canvas's own label.
 */
export function compactLabel(label: string): string {
  const text = label.trim().replace(/\s+/g, ' ');
  const compact = SDG_NUMBER.exec(text)?.[1] ?? TRAILING_ACRONYM.exec(text)?.[1] ?? '';
  return compact.length < shortenLabel(text).length ? compact : '';
}
