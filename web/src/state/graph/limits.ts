/** How much of the graph the overview asks for; a plain module so end-to-end tests can read it too. */

/** Most nodes the overview asks for (the API's maximum); the API reports `truncated` when the graph is bigger. */
export const OVERVIEW_LIMIT = 2000;
