import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportInputError } from '../../server/errors.ts';
import { parseMemberPage } from '../../server/importers/member-page/member-page-parser.ts';
import { hasSharedData, SEED_PAGE } from '../support/shared-data.ts';

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'member-pages', name), 'utf8');

describe.runIf(hasSharedData())('parseMemberPage on the UNICEF seed page', () => {
  const page = parseMemberPage(readFileSync(SEED_PAGE, 'utf8'), 'seed');

  it('reads the member header and the declared count', () => {
    expect(page.member).toEqual({
      shortName: 'UNICEF',
      longName: "United Nations Children's Fund",
    });
    expect(page.declaredCount).toBe(10);
  });

  it('finds the ten activity cards the page declares', () => {
    expect(page.activities).toHaveLength(10);
    expect(page.warnings.map((w) => w.message).join('\n')).not.toContain('the page says');
  });

  it('reads a heading after a card without fields as a card of its own, as the count says', () => {
    const youth = page.activities.find((a) => a.title.startsWith('DPGs x Youth'))!;
    expect(youth.description).not.toContain('Scaling startup ecosystems');
    expect(youth.fields).toEqual({});
    const scaling = page.activities.find((a) => a.title.startsWith('Scaling startup ecosystems'))!;
    expect(scaling.line).toBe(25);
    expect(scaling.description).toContain('AfriLabs');
    expect(scaling.fields.connectedMembers).toBe('GitHub');
    expect(page.warnings.some((w) => w.line === 23 && w.message.includes('has no fields'))).toBe(
      true,
    );
  });

  it('reads field values from the following lines and keeps empty fields empty', () => {
    const ai = page.activities.find(
      (a) => a.title === 'Co-leading the Community of Practice on AI',
    )!;
    expect(ai.fields.connectedMembers).toMatch(/^GIZ Co-Leads AI CoP with UNICEF\./);
    expect(ai.fields.activityType).toBe('');
    expect(ai.fields.connectedDpgs).toBe('');
    const vf = page.activities.find((a) => a.title.includes('Venture Fund'))!;
    expect(vf.fields.connectedDpgs).toBe(
      'The full list of VF+supported DPGs to be provided at a later date.',
    );
  });

  it('separates the boilerplate footer', () => {
    expect(page.footer).toMatch(/^DPGA members are championing activities/);
    expect(page.activities.at(-1)!.title).toBe('DPGs4DPI: Advocating and coordinating solutions');
    expect(page.activities.at(-1)!.fields.connectedMembers).toBe('TBC');
  });
});

describe('parseMemberPage on variants', () => {
  const sectionPage = (count: number) =>
    [
      'Norad',
      'Norwegian Agency for Development Cooperation',
      'Our Activities',
      `${count} Total Activities`,
      'Funding DHIS2 core development',
      'Norad funds the core development of DHIS2 through its long-standing partnership with the University of Oslo.',
      'How the funding is spent',
      'Most of the grant pays for the core team and for the releases that every country deploys.',
      'Activity Type: Funding',
      'Connected members: University of Oslo',
      'Connected DPGs: DHIS2',
    ].join('\n');

  it('reads a heading without fields of its own as a section when the count says one card', () => {
    const page = parseMemberPage(sectionPage(1), 'norad');
    expect(page.activities).toHaveLength(1);
    expect(page.activities[0]!.description).toContain('How the funding is spent');
    expect(page.activities[0]!.fields.connectedDpgs).toBe('DHIS2');
    expect(page.warnings).toEqual([
      expect.objectContaining({ line: 7, message: expect.stringContaining('a section of') }),
    ]);
  });

  it('reads it as a card of its own when the count says two', () => {
    const page = parseMemberPage(sectionPage(2), 'norad');
    expect(page.activities.map((a) => a.title)).toEqual([
      'Funding DHIS2 core development',
      'How the funding is spent',
    ]);
    expect(page.activities[1]!.fields.connectedDpgs).toBe('DHIS2');
  });

  it('reads values on the same line and on following lines, with CRLF endings', () => {
    const page = parseMemberPage(fixture('other-member.txt').replace(/\n/g, '\r\n'), 'other');
    expect(page.member.shortName).toBe('GIZ');
    expect(page.activities).toHaveLength(2);
    const [first, second] = page.activities;
    expect(first!.fields.activityType).toBe('Community building');
    expect(first!.fields.connectedMembers).toBe('United Nations Children’s Fund, GOOGLE, Mozilla');
    expect(second!.fields.activityType).toBe('Funding');
    expect(second!.fields.connectedDpgs).toBe('MOSIP\nX-Road');
    expect(page.warnings).toEqual([]);
  });

  it('accepts activities with missing fields and a page without a count', () => {
    const text = [
      'Norad',
      'Norwegian Agency for Development Cooperation',
      'Our Activities',
      'Funding DHIS2 core development',
      'Norad funds the core development of DHIS2 through its long-standing partnership with the University of Oslo.',
      'Connected DPGs: DHIS2',
    ].join('\n');
    const page = parseMemberPage(text);
    expect(page.declaredCount).toBeNull();
    expect(page.activities).toHaveLength(1);
    expect(page.activities[0]!.fields).toEqual({ connectedDpgs: 'DHIS2' });
    expect(page.warnings.map((w) => w.message)).toContain('the page states no activity count');
  });

  it('joins a description that runs over several paragraphs on a page without fields', () => {
    const text = [
      'Example Org',
      '1 Total Activities',
      'Building a registry',
      'We build a registry of open-source health tools used by ministries in several countries.',
      'The second paragraph adds detail about the work that continues in the coming year and beyond it.',
    ].join('\n');
    const page = parseMemberPage(text);
    expect(page.activities).toHaveLength(1);
    expect(page.activities[0]!.description).toContain('second paragraph');
  });

  it.each([
    ['empty text', ''],
    ['whitespace only', '  \n\t\n'],
    ['binary content', 'UNICEF\u0000\u0001\u0002PNG'],
    ['text that is not a member page', 'Hello,\nthis is a letter about something else entirely.\n'],
  ])('rejects %s with an ImportInputError', (_label, text) => {
    expect(() => parseMemberPage(text, 'bad.txt')).toThrow(ImportInputError);
  });

  it('names the source in the error', () => {
    try {
      parseMemberPage('just words', 'bad.txt');
      expect.unreachable('parse should have failed');
    } catch (error) {
      expect(error).toBeInstanceOf(ImportInputError);
      expect((error as ImportInputError).details).toMatchObject({ source: 'bad.txt' });
    }
  });
});
