/**
 * Verb agreement in the sentences the API writes about the graph. Most subjects are one
 * organisation, DPG or activity; a group named for its members ("AI CoP members", "DPGA Board
 * Members") is plural, and "AI CoP members participates in…" read as a slip to every reader (QA).
 * Pure; the phrases are the graph model's present-tense ones ("leads", "is deployed in"). The
 * front end bundles it (no imports), so the details panel's sentence agrees as the API's do.
 */

/** Whether a name reads as plural: a group named for its members. */
export function readsPlural(name: string): boolean {
  return /\bmembers$/i.test(name.trim());
}

/**
 * `phrase` agreeing with `subject`: unchanged for a singular subject; for a plural one,
 * "participates in" → "participate in", "is deployed in" → "are deployed in", "is a member of" →
 * "are members of".
 */
export function agree(phrase: string, subject: string): string {
  if (!readsPlural(subject)) return phrase;
  const article = /^is an? (\S+)(.*)$/.exec(phrase);
  if (article) return `are ${article[1]}s${article[2]}`;
  if (phrase.startsWith('is ')) return `are ${phrase.slice(3)}`;
  // Every other verb of the model is regular: its plural drops the third person's "s".
  return phrase.replace(/^(\S+)s\b/, '$1');
}
