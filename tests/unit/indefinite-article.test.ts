// Unit tests of the API messages' articles (server/model/indefinite-article.ts).
import { describe, expect, it } from 'vitest';
import { withArticle } from '../../server/model/indefinite-article.ts';

describe('withArticle', () => {
  it('puts "an" before a vowel and "a" before the rest, whatever the case', () => {
    expect(withArticle('editor')).toBe('an editor');
    expect(withArticle('admin')).toBe('an admin');
    expect(withArticle('Organisation')).toBe('an Organisation');
    expect(withArticle('entity.create')).toBe('an entity.create');
    expect(withArticle('viewer')).toBe('a viewer');
    expect(withArticle('DPG')).toBe('a DPG');
    expect(withArticle('Country')).toBe('a Country');
    expect(withArticle('SDG')).toBe('an SDG');
  });
});
