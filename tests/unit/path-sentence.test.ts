import { describe, expect, it } from 'vitest';
import { pathSentence } from '../../server/services/path-sentence.ts';
import { agree, readsPlural } from '../../server/services/verb-agreement.ts';

const AI_COP = 'Co-leading the Community of Practice on AI';

describe('pathSentence', () => {
  it('reads a relationship walked against its direction as a relative clause', () => {
    // UNICEF -LEADS-> AI CoP <-PARTICIPATES_IN- Google
    expect(
      pathSentence(
        ['UNICEF', AI_COP, 'Google'],
        [
          { type: 'LEADS', forward: true },
          { type: 'PARTICIPATES_IN', forward: false },
        ],
      ),
    ).toBe(`UNICEF leads ${AI_COP}, in which Google participates`);
  });

  it('reads the same path from the other end', () => {
    expect(
      pathSentence(
        ['Google', AI_COP, 'UNICEF'],
        [
          { type: 'PARTICIPATES_IN', forward: true },
          { type: 'LEADS', forward: false },
        ],
      ),
    ).toBe(`Google participates in ${AI_COP}, which UNICEF leads`);
  });

  it('chains relationships walked along their direction with "which"', () => {
    expect(
      pathSentence(
        ['UNICEF', AI_COP, 'DPG Standard'],
        [
          { type: 'LEADS', forward: true },
          { type: 'INVOLVES', forward: true },
        ],
      ),
    ).toBe(`UNICEF leads ${AI_COP}, which involves DPG Standard`);
  });

  it('starts with the inverse phrase when the first relationship points at the start', () => {
    // Sierra Leone <-DEPLOYED_IN- DHIS2 <-FUNDS- Norad
    expect(
      pathSentence(
        ['Sierra Leone', 'DHIS2', 'Norad'],
        [
          { type: 'DEPLOYED_IN', forward: false },
          { type: 'FUNDS', forward: false },
        ],
      ),
    ).toBe('Sierra Leone has a deployment of DHIS2, which Norad funds');
  });

  it('moves a trailing preposition in front of "which"', () => {
    expect(
      pathSentence(
        ['AI CoP members', 'Google', AI_COP],
        [
          { type: 'MEMBER_OF', forward: false },
          { type: 'PARTICIPATES_IN', forward: true },
        ],
      ),
    ).toBe(`AI CoP members include Google, which participates in ${AI_COP}`);
    expect(
      pathSentence(
        ['Norad', 'DHIS2', 'Sierra Leone', 'OpenCRVS'],
        [
          { type: 'FUNDS', forward: true },
          { type: 'DEPLOYED_IN', forward: true },
          { type: 'DEPLOYED_IN', forward: false },
        ],
      ),
    ).toBe(
      'Norad funds DHIS2, which is deployed in Sierra Leone; Sierra Leone has a deployment of OpenCRVS',
    );
  });

  it('goes on with a new main clause after each relative clause, so no "which" is ambiguous', () => {
    expect(
      pathSentence(
        ['UNICEF', AI_COP, 'Google', 'DPG Standard', 'DPGA'],
        [
          { type: 'LEADS', forward: true },
          { type: 'PARTICIPATES_IN', forward: false },
          { type: 'PARTICIPATES_IN', forward: true },
          { type: 'RUNS', forward: false },
        ],
      ),
    ).toBe(
      `UNICEF leads ${AI_COP}, in which Google participates; Google participates in DPG Standard, which DPGA runs`,
    );
  });

  it('says a relationship’s role and dates after the clause that states it', () => {
    expect(
      pathSentence(
        ['UNICEF', AI_COP, 'Google', 'DPG Standard'],
        [
          { type: 'LEADS', forward: true, about: 'co-chair, 2023 – 2025' },
          { type: 'PARTICIPATES_IN', forward: false, about: 'since 2024' },
          { type: 'PARTICIPATES_IN', forward: true, about: '' },
        ],
      ),
    ).toBe(
      `UNICEF leads ${AI_COP} (co-chair, 2023 – 2025), in which Google participates (since 2024); Google participates in DPG Standard`,
    );
  });

  it('reads a one-step path as a plain clause', () => {
    expect(pathSentence(['GIZ', AI_COP], [{ type: 'CO_LEADS', forward: true }])).toBe(
      `GIZ co-leads ${AI_COP}`,
    );
  });

  it('makes the verb agree with a group named for its members', () => {
    // As the QA read it: "AI CoP members participates in…".
    expect(
      pathSentence(
        ['Google', AI_COP, 'AI CoP members', 'DPGA'],
        [
          { type: 'PARTICIPATES_IN', forward: true },
          { type: 'PARTICIPATES_IN', forward: false },
          { type: 'MEMBER_OF', forward: true },
        ],
      ),
    ).toBe(
      `Google participates in ${AI_COP}, in which AI CoP members participate; AI CoP members are members of DPGA`,
    );
    expect(
      pathSentence(
        ['DPGA Board Members', 'UNICEF', 'X'],
        [
          { type: 'MEMBER_OF', forward: false },
          { type: 'LEADS', forward: true },
        ],
      ),
    ).toBe('DPGA Board Members include UNICEF, which leads X');
  });

  it('keeps a singular subject singular, whatever it holds', () => {
    expect(readsPlural('AI CoP members')).toBe(true);
    expect(readsPlural('UN GDC Core Group')).toBe(false);
    expect(readsPlural('Membership Fund')).toBe(false);
    expect(agree('is deployed in', 'DHIS2')).toBe('is deployed in');
    expect(agree('co-leads', 'DPGA Board Members')).toBe('co-lead');
    expect(agree('takes place in', 'AI CoP members')).toBe('take place in');
  });

  it('reads a relationship type outside the model as words', () => {
    expect(pathSentence(['A', 'B'], [{ type: 'WORKS_WITH', forward: true }])).toBe(
      'A works with B',
    );
  });

  it('rejects labels and steps that do not make a path', () => {
    expect(() => pathSentence(['A'], [])).toThrow(Error);
    expect(() => pathSentence(['A', 'B', 'C'], [{ type: 'LEADS', forward: true }])).toThrow(Error);
  });
});
