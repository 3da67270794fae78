import { describe, expect, it } from 'vitest';
import { recordedSourceUri } from '../../server/importers/source-uri.ts';

describe('recordedSourceUri', () => {
  it('keeps a file’s name and none of the importing machine’s folders', () => {
    expect(recordedSourceUri('/work/shared/data/dpga/roadmap-2023.csv')).toBe(
      'file:roadmap-2023.csv',
    );
    expect(recordedSourceUri('../shared/data/dpg-registry/api-2023/')).toBe('file:api-2023');
    expect(recordedSourceUri('C:\\Users\\ana\\Desktop\\members.json')).toBe('file:members.json');
    expect(recordedSourceUri('file:///srv/imports/page.txt')).toBe('file:page.txt');
    expect(recordedSourceUri('sheet.csv')).toBe('file:sheet.csv');
  });

  it('keeps a web address whole but for credentials written into it', () => {
    expect(recordedSourceUri('https://www.digitalpublicgoods.net/who-we-are?x=1#top')).toBe(
      'https://www.digitalpublicgoods.net/who-we-are?x=1#top',
    );
    expect(recordedSourceUri('https://ana:s3cret@example.org/api/dpgs')).toBe(
      'https://example.org/api/dpgs',
    );
    // Not a valid URL (a space in the host), credentials all the same.
    expect(recordedSourceUri('https://ana:pw@exa mple.org/x')).toBe('https://exa mple.org/x');
  });

  it('leaves other schemes, which name no machine, as they are', () => {
    expect(recordedSourceUri('synthetic:seed-7/activities')).toBe('synthetic:seed-7/activities');
    expect(recordedSourceUri('test://fuzz')).toBe('test://fuzz');
    expect(recordedSourceUri('urn:x')).toBe('urn:x');
  });

  it('gives the same answer for what it already recorded', () => {
    for (const location of ['/a/b/c.csv', 'https://u:p@example.org/x', 'synthetic:s/1']) {
      const once = recordedSourceUri(location);
      expect(recordedSourceUri(once)).toBe(once);
    }
  });
});
