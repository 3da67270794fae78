/**
 * Entity ids as people type them. The importers write a country's id with its ISO code in capitals
 * (`country:KE`); a hand-typed or lower-cased link (`country:ke`) names the same country, so every
 * id that comes in, through an API parameter or a shared link, is read through `canonicalEntityId`
 * before it is looked up. No zod here: the front end shares this module.
 */
const COUNTRY_ID = /^country:[A-Za-z]{2}$/;

export function canonicalEntityId(id: string): string {
  return COUNTRY_ID.test(id) ? `country:${id.slice('country:'.length).toUpperCase()}` : id;
}
