/**
 * Structural debris around names read from the sources: the colon that introduced a list the sheet
 * cut off ("Adoption of MOSIP … (SLUDI) Project:" in the DPGA roadmap sheet), a separator or bullet
 * left at either end, a run of spaces ("ITECH,  University of Washington" in the DPG Registry). The
 * explorer showed them as part of the name. Only the ends and the spacing change: what the source
 * spells inside a name (its punctuation, its spelling, "Inc.") is kept as written.
 *
 * Ids are slugs of the normalised name (text-normalise.ts), which drops punctuation and spacing,
 * so a name cleaned here keeps the id it had: re-importing a source into a graph imported before
 * updates the entity's name in place, with its id and provenance. Pure.
 */

/** Every kind of white space, non-breaking ones included. */
const SPACES = /\s+/gu;
/** A separator that closes a name: a colon, semicolon or comma, glued on or spaced off. */
const TRAILING_SEPARATOR = /\s*[:;,]+$/u;
/** A dash, bullet, bar or slash standing apart at the end: "Roadmap –". */
const TRAILING_MARK = /\s+[-–—•·|/]+$/u;
/** A separator at the start, or a bullet or dash standing apart: ": Name", "• Name", "- Name". */
const LEADING_DEBRIS = /^(?:[:;,]+\s*|[-–—•·*]+\s+)/u;

/**
 * `name` without debris at its ends, its spaces single. Repeats until nothing changes, so
 * "Project: –" loses both. A name of debris alone comes back empty (nameProblem says so).
 */
export function withoutNameDebris(name: string): string {
  let clean = name.replace(SPACES, ' ').trim();
  for (;;) {
    const next = clean
      .replace(TRAILING_SEPARATOR, '')
      .replace(TRAILING_MARK, '')
      .replace(LEADING_DEBRIS, '')
      .trim();
    if (next === clean) return clean;
    clean = next;
  }
}
