/**
 * Labels for exported pictures. The screen hides names it has no room for at the current zoom:
 * on a phone, or zoomed out, labels grow to stay readable (label-scale.ts) and crowd each other
 * out, and the level of detail drops minor ones. A PNG or SVG for a slide has room: it is drawn at
 * the graph's own size (the PNG at twice that), so its labels are placed again for it, at their
 * unscaled size and of every tier, by the same rules as on screen (the selection, the focus and a
 * found path first), and where the layout is too compact for every name, or for every name clear
 * of the other nodes, the picture spreads the nodes apart until they fit. A phone's export of a
 * 14-entity map used to name 9 of them (QA).
 *
 * The label-placement controller knows those rules' inputs (selection, focus, path) and provides
 * the placer; the canvas's exports ask for it. Kept per Cytoscape instance, as the label scale is.
 */
import type cytoscape from 'cytoscape';
import type { LabelPlacement } from './label-placement';

/** Labels placed for a picture: each node's placement by id, at positions spread by `spread`. */
export interface ExportLabels {
  placements: ReadonlyMap<string, LabelPlacement>;
  /** The nodes named by their shorter name (label.ts `compactLabel`), for want of room. */
  compact: ReadonlySet<string>;
  /**
   * How far apart the picture draws the nodes, their positions multiplied about the origin (sizes
   * kept): where a compact layout (a phone's) has no room for every name, the picture makes it.
   */
  spread: number;
}

/**
 * One placement of the labels at a spread, how many names it had no room for, and how many it
 * laid over other nodes' bodies (or across a routed line) for want of a clear side.
 */
export interface SpreadTrial {
  placements: ReadonlyMap<string, LabelPlacement>;
  compact: ReadonlySet<string>;
  unnamed: number;
  overlapping: number;
}

/** The spreads a picture tries, least first: the layout as drawn, then up to twice as far apart. */
export const EXPORT_SPREADS: readonly number[] = [1, 1.25, 1.5, 2];

/**
 * The widest a spread may make a picture's layout (model px, twice that in the PNG): a map of a
 * hundred entities gains its names, the 800-entity overview is not blown up to 10,000 px a side
 * for a few more of them.
 */
export const EXPORT_MAX_SPREAD_SIDE = 2_400;

/** The spreads worth trying for a layout `extent` model px on its longest side. */
export function spreadsFor(
  extent: number,
  spreads: readonly number[] = EXPORT_SPREADS,
  maxSide = EXPORT_MAX_SPREAD_SIDE,
): number[] {
  return spreads.filter((spread) => spread === 1 || extent * spread <= maxSide);
}

/**
 * The least spread at which every name finds room clear of the other nodes, in full, else the one
 * naming the most, of those the one laying the fewest names over other nodes, and then the one
 * falling back on the fewest shorter names ("SDG 16" for its full name; the lesser of equals):
 * a big graph does not name every node at any spread, and is not blown up for nothing. The canvas
 * lets a prominent name lie over a lesser node where it has no clear side, as its labels, shrunk
 * when zoomed in, rarely need to; a picture's labels, at their full size, needed to more often,
 * and UNICEF's showed an activity's name across the UNICEF Venture Fund's diamond where a little
 * more room would have cleared it.
 */
export function chooseSpread(
  place: (spread: number) => SpreadTrial,
  spreads: readonly number[] = EXPORT_SPREADS,
): ExportLabels {
  let best: (SpreadTrial & { spread: number }) | null = null;
  for (const spread of spreads) {
    const trial = { ...place(spread), spread };
    if (
      best === null ||
      trial.unnamed < best.unnamed ||
      (trial.unnamed === best.unnamed &&
        (trial.overlapping < best.overlapping ||
          (trial.overlapping === best.overlapping && trial.compact.size < best.compact.size)))
    )
      best = trial;
    if (trial.unnamed === 0 && trial.overlapping === 0 && trial.compact.size === 0) break;
  }
  return best ?? { placements: new Map(), compact: new Set(), spread: 1 };
}

/** Places every label for a picture, at label scale 1. */
export type ExportLabelPlacer = () => ExportLabels;

const placers = new WeakMap<cytoscape.Core, ExportLabelPlacer>();

/** Registers the placer of `cy`'s exported labels; returns the function that unregisters it. */
export function provideExportLabels(cy: cytoscape.Core, placer: ExportLabelPlacer): () => void {
  placers.set(cy, placer);
  return () => {
    if (placers.get(cy) === placer) placers.delete(cy);
  };
}

/** The labels a picture of `cy` shows, or null when no placer is registered (the screen's then). */
export function exportLabels(cy: cytoscape.Core): ExportLabels | null {
  return placers.get(cy)?.() ?? null;
}
