/**
 * Stack traces without source-map translation in the serving process. tsx turns Node's source
 * maps on, and neo4j-driver formats a stack for every query it runs (kept to enrich a later
 * error), so each query paid a source-map lookup per frame: about a tenth of the server's CPU per
 * request, with the garbage it leaves. Node's documentation warns of exactly this cost.
 * (db/query-stack.ts now starts most queries with no stack at all; the console's streamed reads
 * and forEachRow still capture one.) Logged stacks then name the transpiled lines, which follow
 * the .ts files closely; set SOURCE_MAPS=1 to have them translated again while debugging.
 */
export function useUntranslatedStackTraces(env: NodeJS.ProcessEnv = process.env): boolean {
  const translate = env.SOURCE_MAPS === '1';
  process.setSourceMapsEnabled(translate);
  return !translate;
}
