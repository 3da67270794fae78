/**
 * The heights a phone's side sheet rests at, as shares of the space below the page's header that it
 * shares with the canvas (the screen less the header), and how a drag, a
 * tap or a key chooses among them. A sheet of a fixed 44% cut a long list or a stakeholder map to
 * a few rows while the canvas above had nothing to show, and a reader looking at the canvas could
 * not make it smaller: three resting heights, as map apps offer, rather than any height, so a
 * flick lands somewhere useful and the canvas refits once, not on every pixel.
 */
export const SHEET_DETENTS = {
  /** The canvas first: the sheet keeps its title and a few lines. */
  low: 0.3,
  /** Both: the canvas keeps ~300 px with a finger's tools (the sheet's old fixed height, 44% of 844 px). */
  mid: 0.47,
  /**
   * Reading: on a 390 × 844 phone the canvas keeps ~165 px below its bar (which takes ~100), enough
   * to see the selection is there (its legend and tools step aside at that height, Legend.svelte);
   * higher left it a 24 px strip.
   */
  high: 0.66,
} as const;

export type SheetDetent = keyof typeof SHEET_DETENTS;

const ORDER: readonly SheetDetent[] = ['low', 'mid', 'high'];

/** A drag shorter than this (px) is a tap on the handle. */
export const TAP_SLOP = 6;

/** The resting height nearest to a sheet `height` px tall in a `space` px tall. */
export function nearestDetent(height: number, space: number): SheetDetent {
  const share = space > 0 ? height / space : SHEET_DETENTS.mid;
  let best: SheetDetent = 'mid';
  for (const detent of ORDER)
    if (Math.abs(SHEET_DETENTS[detent] - share) < Math.abs(SHEET_DETENTS[best] - share))
      best = detent;
  return best;
}

/** One resting height up (`1`) or down (`-1`), staying at the ends. */
export function stepDetent(detent: SheetDetent, by: 1 | -1): SheetDetent {
  const index = ORDER.indexOf(detent) + by;
  return ORDER[Math.min(ORDER.length - 1, Math.max(0, index))]!;
}

/** What a tap on the handle does: up to reading height, and from there back to the middle. */
export function tappedDetent(detent: SheetDetent): SheetDetent {
  return detent === 'high' ? 'mid' : 'high';
}

/**
 * The height (px) a sheet follows a finger to: from where the drag started, moved by the pointer's
 * travel (up is taller), never below the lowest resting height or above the highest.
 */
export function draggedHeight(start: number, travel: number, space: number): number {
  const height = start - travel;
  return Math.min(SHEET_DETENTS.high * space, Math.max(SHEET_DETENTS.low * space, height));
}
