// Unit tests of web/src/lib/entity/text-links.ts: the addresses in an editor's note become links,
// without the punctuation that ends a sentence, and nothing else does.
import { describe, expect, it } from 'vitest';
import { textWithLinks } from '../../web/src/lib/entity/text-links.ts';

describe('textWithLinks', () => {
  it('links http(s) addresses and keeps the text around them', () => {
    expect(textWithLinks('Per the report (https://example.org/r?id=2), p. 4.')).toEqual([
      { text: 'Per the report (' },
      { text: 'https://example.org/r?id=2', href: 'https://example.org/r?id=2' },
      { text: '), p. 4.' },
    ]);
    expect(textWithLinks('See http://a.example and https://b.example.')).toEqual([
      { text: 'See ' },
      { text: 'http://a.example', href: 'http://a.example' },
      { text: ' and ' },
      { text: 'https://b.example', href: 'https://b.example' },
      { text: '.' },
    ]);
  });

  it('links nothing else: no scheme, another scheme, or plain text', () => {
    for (const text of ['example.org/report', 'javascript:alert(1)', 'ftp://x.example', 'plain'])
      expect(textWithLinks(text)).toEqual([{ text }]);
    expect(textWithLinks('')).toEqual([]);
  });
});
