import { describe, expect, it } from 'vitest';
import { pageTitle } from '../../web/src/lib/page-title.ts';

describe('the browser tab’s title', () => {
  it('names the app alone on the overview, or until the labels are loaded', () => {
    expect(pageTitle({})).toBe('DPG Explorer');
    expect(pageTitle({ insight: { title: 'Stakeholder map', subject: undefined } })).toBe(
      'DPG Explorer',
    );
  });

  it('names the most specific thing shown: the insight, the paths, the selection, the focus', () => {
    expect(pageTitle({ focus: 'UNICEF', selected: 'UNICEF' })).toBe('UNICEF — DPG Explorer');
    expect(pageTitle({ focus: 'UNICEF', selected: 'DHIS2' })).toBe('DHIS2 · UNICEF — DPG Explorer');
    expect(
      pageTitle({
        focus: 'Kenya',
        selected: 'Kenya',
        insight: { title: 'Stakeholder map', subject: 'Kenya' },
      }),
    ).toBe('Stakeholder map: Kenya — DPG Explorer');
    expect(
      pageTitle({ focus: 'UNICEF', selected: 'UNICEF', paths: { from: 'UNICEF', to: 'Norad' } }),
    ).toBe('Paths from UNICEF to Norad — DPG Explorer');
    // One end not chosen yet: the selection names the tab.
    expect(
      pageTitle({ focus: 'UNICEF', selected: 'UNICEF', paths: { from: 'UNICEF', to: undefined } }),
    ).toBe('UNICEF — DPG Explorer');
  });
});
