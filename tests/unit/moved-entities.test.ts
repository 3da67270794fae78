// Unit tests of server/api/moved-entities.ts's movedUrl: the URL a 308 for a merged-away id sends
// the client to names the entity it lives in now, wherever the request named the id, and keeps
// every other part as written.
import { describe, expect, it } from 'vitest';
import { localPath, movedUrl } from '../../server/api/moved-entities.ts';

const moved = new Map([
  ['org:intrahealth', 'org:intrahealth-international'],
  ['activity:a/old', 'activity:a/new'],
]);

describe('movedUrl', () => {
  it('replaces an id in the path, encoded as a path segment', () => {
    expect(movedUrl('/api/entities/org:intrahealth', moved)).toBe(
      '/api/entities/org%3Aintrahealth-international',
    );
    expect(movedUrl('/api/entities/activity%3Aa%2Fold?neighbours=5', moved)).toBe(
      '/api/entities/activity%3Aa%2Fnew?neighbours=5',
    );
  });

  it('replaces an id in the query and keeps the other parameters as written, in order', () => {
    expect(
      movedUrl('/api/graph/paths?from=dpg:x&to=org%3Aintrahealth&maxHops=4&rels=FUNDS,OWNS', moved),
    ).toBe(
      '/api/graph/paths?from=dpg:x&to=org%3Aintrahealth-international&maxHops=4&rels=FUNDS,OWNS',
    );
  });

  it('replaces every id that moved, and reads ids as the routes do (any case, spaces trimmed)', () => {
    expect(movedUrl('/api/graph/paths?from=ORG:IntraHealth+&to=activity:a/old', moved)).toBe(
      '/api/graph/paths?from=org%3Aintrahealth-international&to=activity%3Aa%2Fnew',
    );
  });

  it('leaves a URL that names no moved id as it was, undecodable parts included', () => {
    for (const url of ['/api/graph/neighbourhood?id=org:other&x', '/api/entities/%E0%A4%A', '/']) {
      expect(movedUrl(url, moved)).toBe(url);
    }
  });
});

describe('localPath', () => {
  it('keeps a request URL to its path and query, so a 308 never names another host', () => {
    expect(localPath('/api/entities/org:intrahealth?neighbours=5')).toBe(
      '/api/entities/org:intrahealth?neighbours=5',
    );
    // A request line in absolute form, or starting with slashes, as a proxy may pass it on.
    expect(localPath('http://evil.example/api/entities/org:intrahealth?a=1')).toBe(
      '/api/entities/org:intrahealth?a=1',
    );
    expect(localPath('//evil.example/api/entities/org:x')).toBe('/api/entities/org:x');
    expect(localPath('http://evil.example//other.example/api')).toBe('/other.example/api');
    expect(movedUrl(localPath('http://evil.example/api/entities/org:intrahealth'), moved)).toBe(
      '/api/entities/org%3Aintrahealth-international',
    );
  });
});
