/** How much of the graph the app asks for; a plain module so end-to-end tests can read it too. */
import { EXPLORER_LIMITS } from '../../../../server/api/limits.ts';

/** Most nodes the overview asks for (the API's maximum); the API reports `truncated` when the graph is bigger. */
export const OVERVIEW_LIMIT = EXPLORER_LIMITS.overview;

/** Most neighbours one expansion (or the focus) adds before "N more hidden". */
export const EXPANSION_LIMIT = EXPLORER_LIMITS.expansion;

/** Most neighbours "show more" raises an expansion to (the API's maximum is 1000). */
export const EXPANSION_MAX = EXPLORER_LIMITS.expansionMax;
