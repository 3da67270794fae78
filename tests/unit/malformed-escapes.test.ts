// Unit tests of server/api/malformed-escapes.ts: text that is not valid percent-encoding is named
// by the parameter it stands for, in the path (against the real OpenAPI document's routes) and in
// the query.
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../server/api/openapi.ts';
import { malformedPathParts, malformedQueryParts } from '../../server/api/malformed-escapes.ts';
import { apiRoutes } from '../../server/api/route-table.ts';

const routes = apiRoutes(openApiDocument('test').paths ?? {});
const RULE =
  'is not valid percent-encoding: each "%" must start two hex digits that spell UTF-8 text (write "%" itself as %25)';

describe('malformedPathParts', () => {
  it('names the path parameter of a segment that does not decode', () => {
    expect(malformedPathParts(routes, 'GET', '/api/entities/org:%zz')).toEqual([
      { path: 'path.id', message: `"org:%zz" ${RULE}` },
    ]);
    expect(malformedPathParts(routes, 'GET', '/api/dpgs/%E0%A4/collaborators')).toEqual([
      { path: 'path.id', message: `"%E0%A4" ${RULE}` },
    ]);
    // HEAD is routed as GET.
    expect(malformedPathParts(routes, 'HEAD', '/api/entities/%')[0]?.path).toBe('path.id');
  });

  it('says "path" where no route names the segment', () => {
    expect(malformedPathParts(routes, 'GET', '/api/no-such/%zz')).toEqual([
      { path: 'path', message: `"%zz" ${RULE}` },
    ]);
  });

  it('passes well-formed escapes, an activity id’s slash among them', () => {
    expect(malformedPathParts(routes, 'GET', '/api/entities/activity:unicef%2Fai-cop')).toEqual([]);
    expect(malformedPathParts(routes, 'GET', '/api/entities/org:caf%C3%A9%25')).toEqual([]);
  });
});

describe('malformedQueryParts', () => {
  it('names the parameter whose value does not decode, a lone surrogate too', () => {
    expect(malformedQueryParts('q=%zz&limit=5')).toEqual([
      { path: 'query.q', message: `"%zz" ${RULE}` },
    ]);
    expect(malformedQueryParts('limit=5&q=a%ED%A0%80')).toEqual([
      { path: 'query.q', message: `"a%ED%A0%80" ${RULE}` },
    ]);
  });

  it('says so of a parameter name that does not decode, and cuts a long value short', () => {
    expect(malformedQueryParts('%zz=1')).toEqual([
      { path: 'query', message: `parameter name "%zz" ${RULE}` },
    ]);
    const [long] = malformedQueryParts(`q=${'a'.repeat(5000)}%`);
    expect(long!.message.length).toBeLessThan(250);
  });

  it('passes well-formed queries: escapes, "+" for a space, "=" inside a value, empty pairs', () => {
    expect(malformedQueryParts('q=100%25+off&x=a=b&&types=DPG%2COrganisation')).toEqual([]);
  });
});
