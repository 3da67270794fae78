/**
 * Whether the next change of the URL replaces the history entry instead of adding one: when the
 * state changes because the app followed a merge (an old link's id now answers for the entity it
 * was merged into), not because the reader did anything. Pushed, Back returned to the old link,
 * which followed the merge again and pushed again: the reader could not go back past it (review).
 * The mark lasts until the URL is next written, or the next task, whichever comes first.
 */
let replaceNext = false;

/** Marks the URL change the current state change makes as a replacement. */
export function replaceNextUrl(): void {
  replaceNext = true;
  setTimeout(() => {
    replaceNext = false;
  }, 0);
}

/** Whether the URL now being written replaces the entry; the mark is used up. */
export function takeReplaceNext(): boolean {
  const replace = replaceNext;
  replaceNext = false;
  return replace;
}
