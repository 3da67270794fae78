import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { describe, expect, it } from 'vitest';
import { registerInsightsPaths } from '../../server/api/insights-openapi.ts';
import {
  collaboratorsQuerySchema,
  INSIGHTS_LIMITS,
  stakeholdersQuerySchema,
} from '../../server/api/insights-schemas.ts';
import { entityIdSchema } from '../../server/api/schemas.ts';

describe('the insights request schemas', () => {
  it('read a stakeholder subject from exactly one parameter, by id or by code', () => {
    expect(stakeholdersQuerySchema.parse({ sdg: '3' })).toEqual({
      subject: 'sdg',
      id: 'sdg:3',
      limit: INSIGHTS_LIMITS.stakeholders.default,
      connections: INSIGHTS_LIMITS.stakeholders.defaultConnections,
      membersOnly: false,
    });
    // Narrowed as potential collaborators are: by kind, to DPGA members.
    expect(
      stakeholdersQuerySchema.parse({ country: 'KE', kind: 'government', membersOnly: 'true' }),
    ).toMatchObject({ id: 'country:KE', kind: 'government', membersOnly: true });
    const badFilter = stakeholdersQuerySchema.safeParse({
      sdg: '3',
      kind: 'alien',
      membersOnly: 'y',
    });
    expect(badFilter.error?.issues.map((i) => i.path[0]).sort()).toEqual(['kind', 'membersOnly']);
    expect(stakeholdersQuerySchema.parse({ country: 'sl' }).id).toBe('country:SL');
    expect(stakeholdersQuerySchema.parse({ country: 'country:SL' }).id).toBe('country:SL');
    // A subject given by id reads the way an entity id does anywhere in the API.
    expect(stakeholdersQuerySchema.parse({ country: 'country:sl' }).id).toBe('country:SL');
    expect(entityIdSchema.parse('country:sl')).toBe('country:SL');
    expect(entityIdSchema.parse('org:sl')).toBe('org:sl');
    expect(entityIdSchema.parse(' ORG:UNICEF\t')).toBe('org:unicef');
    expect(entityIdSchema.parse('country:sle')).toBe('country:sle');
    const none = stakeholdersQuerySchema.safeParse({});
    expect(none.success).toBe(false);
    const two = stakeholdersQuerySchema.safeParse({ dpg: 'dpg:dhis2', sdg: '3' });
    expect(two.error?.issues.map((i) => i.path)).toEqual([['sdg']]);
    expect(stakeholdersQuerySchema.safeParse({ sdg: '18' }).success).toBe(false);
    // An initiative is a subject too, named like any other.
    expect(
      stakeholdersQuerySchema.parse({ initiative: 'Initiative:UNICEF-Venture-Fund' }),
    ).toMatchObject({ subject: 'initiative', id: 'initiative:unicef-venture-fund' });
    const both = stakeholdersQuerySchema.safeParse({ initiative: 'initiative:x', sdg: '3' });
    expect(both.error?.issues.map((i) => i.path)).toEqual([['initiative']]);
  });

  it('read a country beside a sector as narrowing the sector’s map, and as a second subject elsewhere', () => {
    expect(stakeholdersQuerySchema.parse({ sector: 'health', country: 'ke' })).toMatchObject({
      subject: 'sector',
      id: 'health',
      country: 'country:KE',
    });
    // Alone, a country is the subject, and no sector map's narrowing.
    const alone = stakeholdersQuerySchema.parse({ country: 'KE' });
    expect(alone).toMatchObject({ subject: 'country', id: 'country:KE' });
    expect(alone).not.toHaveProperty('country');
    const dpgIn = stakeholdersQuerySchema.safeParse({ dpg: 'dpg:dhis2', country: 'KE' });
    expect(dpgIn.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [
        ['country'],
        'cannot go with dpg: a map is of one of activity, dpg, country, sdg, initiative, sector (a country may narrow a map of sector or sdg)',
      ],
    ]);
    const three = stakeholdersQuerySchema.safeParse({ sector: 'Health', sdg: '3', country: 'KE' });
    expect(three.error?.issues.map((i) => i.path)).toEqual([['sector']]);
    const badCountry = stakeholdersQuerySchema.safeParse({ sector: 'Health', country: 'Kenya' });
    expect(badCountry.error?.issues.map((i) => i.path)).toEqual([['country']]);
  });

  it('read a country beside an SDG as narrowing the SDG’s map, and refuse an SDG beside a sector', () => {
    expect(stakeholdersQuerySchema.parse({ sdg: '3', country: 'ke' })).toMatchObject({
      subject: 'sdg',
      id: 'sdg:3',
      country: 'country:KE',
    });
    expect(stakeholdersQuerySchema.parse({ sdg: 'sdg:3' })).not.toHaveProperty('country');
    // An SDG that is none, or a country that is none, is refused where it stands.
    const noSdg = stakeholdersQuerySchema.safeParse({ sdg: '99', country: 'KE' });
    expect(noSdg.error?.issues.map((i) => i.path)).toEqual([['sdg']]);
    const noCountry = stakeholdersQuerySchema.safeParse({ sdg: '3', country: 'XX1' });
    expect(noCountry.error?.issues.map((i) => i.path)).toEqual([['country']]);
    // Two topics are two subjects: the message names both.
    const twoTopics = stakeholdersQuerySchema.safeParse({ sdg: '3', sector: 'Health' });
    expect(twoTopics.error?.issues.map((i) => i.path)).toEqual([['sector']]);
    expect(twoTopics.error?.issues[0]!.message).toMatch(/^cannot go with sdg: /);
  });

  it('default the collaborator options and bound the limits', () => {
    expect(collaboratorsQuerySchema.parse({})).toEqual({
      membersOnly: false,
      limit: INSIGHTS_LIMITS.collaborators.default,
      paths: INSIGHTS_LIMITS.collaborators.defaultPaths,
    });
    expect(collaboratorsQuerySchema.parse({ membersOnly: '1' }).membersOnly).toBe(true);
    // As a person writes them: `kind=Government`, `membersOnly=TRUE`.
    expect(
      collaboratorsQuerySchema.parse({ kind: ' Government', membersOnly: 'TRUE' }),
    ).toMatchObject({ kind: 'government', membersOnly: true });
    const bad = collaboratorsQuerySchema.safeParse({ limit: '201', kind: 'alien', paths: '0' });
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(['kind', 'limit', 'paths']);
  });
});

describe('registerInsightsPaths', () => {
  const registry = new OpenAPIRegistry();
  registerInsightsPaths(registry);
  const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'test', version: '0' },
  }) as unknown as {
    paths: Record<string, { get: { parameters: { name: string; schema: object }[] } }>;
  };
  const param = (path: string, name: string) =>
    doc.paths[path]!.get.parameters.find((p) => p.name === name)!.schema;

  it('documents every insights endpoint with its limits', () => {
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/dpgs/{id}/collaborators',
      '/api/gaps',
      '/api/insights/metrics',
      '/api/organisations/{id}/network',
      '/api/stakeholders',
    ]);
    expect(param('/api/dpgs/{id}/collaborators', 'limit')).toMatchObject({
      default: INSIGHTS_LIMITS.collaborators.default,
      maximum: INSIGHTS_LIMITS.collaborators.max,
    });
    expect(param('/api/stakeholders', 'limit')).toMatchObject({
      maximum: INSIGHTS_LIMITS.stakeholders.max,
    });
    expect(param('/api/organisations/{id}/network', 'minStrength')).toMatchObject({ minimum: 1 });
  });
});
