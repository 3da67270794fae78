/**
 * "a" or "an" before a word in the API's messages, which name roles, types and audit actions
 * ("you are an editor", "is an entity.create", "is an Organisation"): "a editor" read as a typo
 * (QA). By the sound it starts with: a vowel, or "SDG" said letter by letter ("an SDG").
 */
export function withArticle(word: string): string {
  return `${/^(?:[aeiou]|SDG)/i.test(word) ? 'an' : 'a'} ${word}`;
}
