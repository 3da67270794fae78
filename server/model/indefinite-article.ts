/**
 * "a" or "an" before a word in the API's messages, which name roles, types and audit actions
 * ("you are an editor", "is an entity.create", "is an Organisation"): "a editor" read as a typo
 * (QA). By the first letter, which is right for every role, type and action the API names.
 */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}
