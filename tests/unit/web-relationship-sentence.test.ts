// The details panel's sentence about one relationship: the server's phrases and verb agreement.
import { describe, expect, it } from 'vitest';
import { pathSentence } from '../../server/services/path-sentence.ts';
import { RELATIONSHIP_TYPES } from '../../web/src/lib/vocabulary/index.ts';
import { relationshipSentence } from '../../web/src/lib/vocabulary/relationship-sentence.ts';

describe('relationshipSentence', () => {
  it('reads subject first, in the graph model’s words', () => {
    expect(relationshipSentence('UNICEF', 'FUNDS', 'Avyantra Health Technologies')).toEqual({
      subject: 'UNICEF',
      verb: 'funds',
      object: 'Avyantra Health Technologies',
      text: 'UNICEF funds Avyantra Health Technologies',
    });
    expect(relationshipSentence('DHIS2', 'DEPLOYED_IN', 'Sierra Leone').text).toBe(
      'DHIS2 is deployed in Sierra Leone',
    );
  });

  it('agrees with a group named for its members', () => {
    expect(relationshipSentence('AI CoP members', 'PARTICIPATES_IN', 'the AI CoP').verb).toBe(
      'participate in',
    );
    expect(relationshipSentence('DPGA Board Members', 'MEMBER_OF', 'DPGA').verb).toBe(
      'are members of',
    );
  });

  it('says every relationship type as the API’s path sentences do', () => {
    for (const type of RELATIONSHIP_TYPES)
      expect(relationshipSentence('A', type, 'B').text).toBe(
        pathSentence(['A', 'B'], [{ type, forward: true }]),
      );
  });

  it('reads a type the page does not know as its name', () => {
    expect(relationshipSentence('A', 'PARTNERS_WITH', 'B').text).toBe('A partners with B');
  });
});
