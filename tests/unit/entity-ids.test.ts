import { describe, expect, it } from 'vitest';
import { canonicalAuditSubject, canonicalEntityId } from '../../server/model/entity-ids.ts';
import { entityIdSchema } from '../../server/api/schemas.ts';
import { auditQuerySchema } from '../../server/api/curation-schemas.ts';

describe('canonicalEntityId', () => {
  it('writes a country with its ISO code in capitals and every other id in lower case', () => {
    expect(canonicalEntityId('country:ke')).toBe('country:KE');
    expect(canonicalEntityId('Country:Ke')).toBe('country:KE');
    expect(canonicalEntityId('ORG:UNICEF')).toBe('org:unicef');
    expect(canonicalEntityId('activity:UNICEF/Venture-Fund')).toBe('activity:unicef/venture-fund');
    expect(canonicalEntityId('dpg:dhis2')).toBe('dpg:dhis2');
  });

  it('leaves what is not an entity id as it is', () => {
    expect(canonicalEntityId('4F1C2B9E-0000-4000-8000-000000000000')).toBe(
      '4F1C2B9E-0000-4000-8000-000000000000',
    );
    // Not a two-letter code: a slug like any other.
    expect(canonicalEntityId('country:Kenya')).toBe('country:kenya');
  });

  it('reads a relationship key by its two ends and keeps its type', () => {
    expect(canonicalAuditSubject('ORG:UNICEF|FUNDS|DPG:Dhis2')).toBe('org:unicef|FUNDS|dpg:dhis2');
    expect(canonicalAuditSubject('org:giz|WORKS_IN|country:ke')).toBe(
      'org:giz|WORKS_IN|country:KE',
    );
  });
});

describe('schemas read ids canonically', () => {
  it('accepts a re-cased id as the id the graph holds', () => {
    expect(entityIdSchema.parse('ORG:UNICEF')).toBe('org:unicef');
    expect(entityIdSchema.safeParse('org unicef').success).toBe(false);
    expect(auditQuerySchema.parse({ entity: 'Org:Unicef' }).entity).toBe('org:unicef');
  });
});
