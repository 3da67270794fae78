/**
 * Free text with its web addresses as links: an editor's note on a relationship is where a source
 * is cited ("per the 2024 annual report, https://…"), and a cited address should open. Only
 * http(s) addresses become links; everything else stays text (Svelte escapes it). Pure.
 */

/** A run of text, or an address to link. */
export type TextPart = { text: string } | { text: string; href: string };

// An address ends before whitespace; punctuation closing a sentence or a bracket is not part of it.
const ADDRESS = /https?:\/\/[^\s<>"]+/g;
const TRAILING = /[.,;:!?)\]'"’”]+$/;

/** `text` split into text and the http(s) addresses in it, in order. */
export function textWithLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const href = match[0].replace(TRAILING, '');
    const start = match.index;
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ text: href, href });
    at = start + href.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
