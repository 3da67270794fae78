/** How much of the graph the app asks for; a plain module so end-to-end tests can read it too. */

/** Most nodes the overview asks for (the API's maximum); the API reports `truncated` when the graph is bigger. */
export const OVERVIEW_LIMIT = 2000;

/** Most neighbours one expansion (or the focus) adds before "N more hidden". */
export const EXPANSION_LIMIT = 40;

/** Most neighbours "show more" raises an expansion to (the API's maximum is 1000). */
export const EXPANSION_MAX = 400;
