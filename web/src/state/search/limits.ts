/** Search request sizing; a plain module so end-to-end tests can ask the API the same question. */
import { LIMITS } from '../../../../server/api/limits.ts';

/** Results asked for per query. */
export const SEARCH_LIMIT = 12;

/** Quiet time after the last keystroke before searching (ms). */
export const SEARCH_DEBOUNCE_MS = 140;

/** The longest query the API takes (server/api/limits.ts); the search box stops there. */
export const SEARCH_MAX_CHARS = LIMITS.search.maxQueryChars;
