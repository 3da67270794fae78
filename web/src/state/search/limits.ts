/** Search request sizing; a plain module so end-to-end tests can ask the API the same question. */

/** Results asked for per query. */
export const SEARCH_LIMIT = 12;

/** Quiet time after the last keystroke before searching (ms). */
export const SEARCH_DEBOUNCE_MS = 140;
