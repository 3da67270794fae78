/**
 * Highlight domain: an entity the reader points at outside the canvas (a neighbour row in the details
 * panel, a list entry), which the canvas emphasises as if hovered.
 */

let highlightedId = $state<string | null>(null);

/** Read-only view of the highlight. */
export const highlight = {
  get id() {
    return highlightedId;
  },
};

/** The only ways to change the highlight. */
export const highlightActions = {
  /** Emphasises `id` on the canvas. */
  set(id: string): void {
    highlightedId = id;
  },
  /** Removes the emphasis, if it is still on `id` (or unconditionally when no id is given). */
  clear(id?: string): void {
    if (id === undefined || highlightedId === id) highlightedId = null;
  },
};
