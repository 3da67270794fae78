/**
 * A label's sideways move, kept where the stylesheet and the canvas read it. Label placement moves a
 * label below or above its node sideways to keep it inside the fitted frame (label-placement.ts
 * `frameShift`); the canvas draws it moved by `text-margin-x`, a function of this value. It lives in
 * the node's scratch, not its data: it is the screen's, not the graph's (exports and the element
 * diff ignore it), and setting an element's scratch restyles that element alone.
 */
import type cytoscape from 'cytoscape';

const KEY = '_labelShift';

/** How far the node's label is drawn moved sideways, in model px (0 when centred). */
export function labelShift(node: cytoscape.NodeSingular): number {
  const shift: unknown = node.scratch(KEY);
  return typeof shift === 'number' ? shift : 0;
}

/** Sets the node's label shift (model px); only a changed value restyles the node. */
export function setLabelShift(node: cytoscape.NodeSingular, shift: number): void {
  if (!Number.isFinite(shift))
    throw new RangeError(`label-shift: a shift must be a finite number, got ${shift}`);
  if (labelShift(node) === shift) return;
  if (shift === 0) node.removeScratch(KEY);
  else node.scratch(KEY, shift);
}
