// Unit tests of server/insights/country-presence.ts: how a potential collaborator is active in the
// country a list was narrowed to, checked and said in words.
import { describe, expect, it } from 'vitest';
import { presencePaths, presenceSentence } from '../../server/insights/country-presence.ts';

const kenya = { id: 'country:KE', label: 'Kenya', type: 'Country' };
const unicef = { id: 'org:unicef', label: 'UNICEF', type: 'Organisation' };
const activity = { id: 'activity:unicef/cop', label: 'A community of practice', type: 'Activity' };
const wapor = { id: 'dpg:wapor', label: 'WaPOR', type: 'DPG' };

describe('presenceSentence', () => {
  it('says each way of being active in a country', () => {
    expect(
      presenceSentence([unicef, kenya], [{ type: 'BASED_IN', from: unicef.id, to: kenya.id }]),
    ).toBe('UNICEF is based in Kenya');
    expect(
      presenceSentence(
        [unicef, activity, kenya],
        [
          { type: 'LEADS', from: unicef.id, to: activity.id },
          { type: 'TAKES_PLACE_IN', from: activity.id, to: kenya.id },
        ],
      ),
    ).toBe('UNICEF leads “A community of practice”, which takes place in Kenya');
    // An activity that INVOLVES the party: read from the party.
    expect(
      presenceSentence(
        [unicef, activity, kenya],
        [
          { type: 'INVOLVES', from: activity.id, to: unicef.id },
          { type: 'TAKES_PLACE_IN', from: activity.id, to: kenya.id },
        ],
      ),
    ).toBe('UNICEF is involved in “A community of practice”, which takes place in Kenya');
    expect(
      presenceSentence(
        [unicef, wapor, kenya],
        [
          { type: 'FUNDS', from: unicef.id, to: wapor.id },
          { type: 'DEPLOYED_IN', from: wapor.id, to: kenya.id },
        ],
      ),
    ).toBe('UNICEF funds WaPOR, which is deployed in Kenya');
  });

  it('says the role and dates an editor stated, after the relationship they qualify', () => {
    expect(
      presenceSentence(
        [unicef, wapor, kenya],
        [
          { type: 'FUNDS', from: unicef.id, to: wapor.id, role: 'core funder', startDate: '2021' },
          { type: 'DEPLOYED_IN', from: wapor.id, to: kenya.id, role: null, endDate: '2024-06' },
        ],
      ),
    ).toBe(
      'UNICEF funds WaPOR (core funder, since 2021), which is deployed in Kenya (until 2024-06)',
    );
  });
});

describe('presencePaths', () => {
  it('keys each path by its candidate, with its sentence', () => {
    const paths = presencePaths([
      {
        candidate: unicef.id,
        nodes: [unicef, kenya],
        rels: [{ type: 'BASED_IN', from: unicef.id, to: kenya.id }],
      },
    ]);
    expect(paths.get(unicef.id)).toEqual({
      nodes: [unicef, kenya],
      relationships: [{ type: 'BASED_IN', from: unicef.id, to: kenya.id }],
      sentence: 'UNICEF is based in Kenya',
    });
  });

  it('answers the role and dates stated, and nothing for those a statement returns as null', () => {
    const paths = presencePaths([
      {
        candidate: unicef.id,
        nodes: [unicef, kenya],
        rels: [
          {
            type: 'BASED_IN',
            from: unicef.id,
            to: kenya.id,
            role: null,
            startDate: '2019',
            endDate: null,
          },
        ],
      },
    ]);
    expect(paths.get(unicef.id)?.relationships).toEqual([
      { type: 'BASED_IN', from: unicef.id, to: kenya.id, startDate: '2019' },
    ]);
    expect(paths.get(unicef.id)?.sentence).toBe('UNICEF is based in Kenya (since 2019)');
  });

  it('refuses a row that is no chain from its candidate to a country', () => {
    const based = [{ type: 'BASED_IN', from: unicef.id, to: kenya.id }];
    expect(() =>
      presencePaths([{ candidate: 'org:other', nodes: [unicef, kenya], rels: based }]),
    ).toThrow(/org:other must run from it to a country/);
    expect(() =>
      presencePaths([{ candidate: unicef.id, nodes: [unicef, wapor], rels: based }]),
    ).toThrow(/to a country/);
    expect(() =>
      presencePaths([
        {
          candidate: unicef.id,
          nodes: [unicef, wapor, kenya],
          rels: [based[0]!, { type: 'DEPLOYED_IN', from: wapor.id, to: kenya.id }],
        },
      ]),
    ).toThrow(/does not join/);
  });
});
