/**
 * An automated accessibility check of the explorer's main screens in headless Chromium: axe-core
 * (tests/support/axe.ts) judges each against WCAG 2.0 and 2.1 at levels A and AA and axe's best
 * practices — the overview, an entity's details, a relationship's panel, both tables of the list
 * view, the path finder, an insight, a sector's map with the ways to it and narrowed to a country,
 * the filters, a link's notice, the sign-in dialog, an editor's
 * details, history, edit form and merge dialog, a deleted entity's page with its undo, and the
 * details and list on a phone. A test fails on any moderate, serious or critical violation and
 * names each rule, its impact, its help and the elements; the minor ones are logged. Screenshots go to test-results/a11y-*.png.
 */
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { NeighbourhoodResponse } from '../../web/src/lib/api/types.ts';
import { EXPANSION_LIMIT } from '../../web/src/state/graph/limits.ts';
import {
  axeViolations,
  FAILING_IMPACTS,
  describeViolations,
  type AxeViolation,
} from '../support/axe.ts';
import { inPage, launchChromium, SCREENSHOTS, waitInPage } from '../support/browser.ts';
import { hasSharedData } from '../support/shared-data.ts';
import { apiSession, signIn } from '../support/sign-in.ts';

const POLL = { timeout: 15_000 } as const;
const appUrl = inject('appUrl');
const editor = inject('editor');
const UNICEF = 'org%3Aunicef';
const AI_PRACTICE = 'activity:unicef/co-leading-the-community-of-practice-on-ai';

/**
 * Cytoscape's drawing surface: the layers of `<canvas>` it puts in `.cy`, with no markup inside. The
 * entities and names on them are pixels, which axe cannot read, so it has nothing there to judge;
 * what a keyboard or screen reader meets — the focusable region around them with its name and
 * announcements, the list view, the panels — stays in. (Text drawn over the canvas, such as the
 * legend, is still checked for names and roles; axe reports its contrast as undecidable because a
 * canvas lies behind it, and its colours are tokens the checked panels share.)
 */
const CANVAS_SURFACE = ['.canvas > .cy'];

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Fails on moderate, serious and critical violations, naming them; logs the minor ones. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  // The pointer off the panels: a row left hovered by the last click is judged in its hover colours.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SCREENSHOTS, `a11y-${screen}.png`) });
  const violations = await axeViolations(page, { exclude: CANVAS_SURFACE });
  const failing = violations.filter((v) => FAILING_IMPACTS.includes(v.impact ?? ''));
  const lesser = violations.filter((v: AxeViolation) => !failing.includes(v));
  if (lesser.length > 0) console.info(`[a11y ${screen}] minor:\n${describeViolations(lesser)}`);
  expect(
    failing.map((v) => v.id),
    `${screen}: moderate, serious or critical violations\n${describeViolations(failing)}`,
  ).toEqual([]);
}

/** A browser context per size, opened pages reporting their errors, and an `open` for each test. */
function pages(options: Parameters<Browser['newContext']>[0]) {
  let context: BrowserContext;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    context = await browser.newContext(options);
  });

  afterAll(async () => {
    await context?.close();
  });

  afterEach(() => {
    expect(pageErrors, 'errors in the page').toEqual([]);
    pageErrors.length = 0;
  });

  /**
   * Opens the app at `hash` and waits until the canvas has its graph (drawn, or only there where a
   * tiny window leaves the canvas no height: `attached`).
   */
  return async function open(hash = '', { attached = false } = {}): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${appUrl}/${hash}`);
    await waitInPage(page, 'window.__cy !== undefined');
    await page.waitForSelector('[data-graph-state="ready"], [data-graph-state="empty"]', {
      ...POLL,
      state: attached ? 'attached' : 'visible',
    });
    return page;
  };
}

/** UNICEF's details, waited for until its neighbours are listed. */
async function openDetails(open: (hash: string) => Promise<Page>): Promise<Page> {
  const page = await open(`#/explore?focus=${UNICEF}&sel=${UNICEF}`);
  await page.locator('#details-title').waitFor(POLL);
  await page.locator('[data-testid="details-panel"] section button.row').first().waitFor(POLL);
  return page;
}

describe('accessibility at desktop size (1440×900)', () => {
  const open = pages({ viewport: { width: 1440, height: 900 } });

  it('the overview', async () => {
    const page = await open();
    // Its ranking listed: the panel as a reader meets it, not its loading placeholders.
    await page.locator('section[aria-labelledby="top-title"] li button').first().waitFor(POLL);
    await expectAccessible(page, 'overview');
    await page.close();
  });

  it("an entity's details", async (ctx) => {
    if (!hasSharedData()) return ctx.skip();
    const page = await openDetails(open);
    await expectAccessible(page, 'details');
    await page.close();
  });

  it("a relationship's panel", async (ctx) => {
    if (!hasSharedData()) return ctx.skip();
    const response = await fetch(
      new URL(`/api/graph/neighbourhood?id=${UNICEF}&limit=${EXPANSION_LIMIT}`, appUrl),
    );
    const { edges } = (await response.json()) as NeighbourhoodResponse;
    const edge = edges[0]!.data.id;
    const page = await open(`#/explore?focus=${UNICEF}&sel=${encodeURIComponent(edge)}`);
    await page.locator('[data-testid="relationship-sources"]').waitFor(POLL);
    await expectAccessible(page, 'relationship');
    await page.close();
  });

  it('the list view, entities and relationships', async (ctx) => {
    if (!hasSharedData()) return ctx.skip();
    const page = await open(`#/explore?focus=${UNICEF}&list=1`);
    const list = page.getByTestId('list-view');
    await list.locator('tbody tr').first().waitFor(POLL);
    await expectAccessible(page, 'list-entities');
    await list.getByRole('button', { name: /^Relationships/ }).click();
    await page.getByTestId('relationship-list').locator('tbody tr').first().waitFor(POLL);
    await expectAccessible(page, 'list-relationships');
    await page.close();
  });

  it('the path finder', async (ctx) => {
    if (!hasSharedData()) return ctx.skip();
    const page = await open('#/explore?panel=paths&from=org:google&to=org:unicef');
    await page.getByTestId('path-count').waitFor(POLL);
    await expectAccessible(page, 'paths');
    await page.close();
  });

  it("an activity's stakeholder map", async (ctx) => {
    if (!hasSharedData()) return ctx.skip();
    const page = await open(`#/explore?focus=${AI_PRACTICE}&sel=${AI_PRACTICE}`);
    await page.getByRole('button', { name: 'Stakeholder map' }).click();
    await page
      .locator('[data-testid="insight-items"], [data-testid="insight-unavailable"]')
      .first()
      .waitFor(POLL);
    await expectAccessible(page, 'insight');
    await page.close();
  });

  it("a sector's stakeholder map, a DPG's sector chips and search offering the map", async () => {
    // A sector of its own on a DPG and its maker: the e2e graph's DPGs have none.
    const ids = { dpg: 'dpg:a11y-sector-dpg', maker: 'org:a11y-sector-maker' };
    const config = inject('neo4j');
    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
    const run = (cypher: string) => driver.executeQuery(cypher, ids, { database: config.database });
    await run(
      `CREATE (d:Entity:DPG {id: $dpg, name: 'A11y Water Meter', sectors: ['A11y Waters']})
       CREATE (:Entity:Organisation {id: $maker, name: 'A11y Water Maker', kind: 'ngo'})-[:OWNS]->(d)
       WITH d MATCH (sl:Country {id: 'country:SL'}) CREATE (d)-[:DEPLOYED_IN]->(sl)`,
    );
    try {
      const dpg = encodeURIComponent(ids.dpg);
      const page = await open(`#/explore?focus=${dpg}&sel=${dpg}`);
      const chip = page.getByTitle('Stakeholder map of the A11y Waters sector');
      await chip.waitFor(POLL);
      await expectAccessible(page, 'sector-chips');
      await chip.click();
      await page.getByRole('button', { name: 'Show on canvas' }).click();
      await page.getByRole('button', { name: 'Remove from canvas' }).waitFor(POLL);
      await expectAccessible(page, 'sector-map');
      await page.getByRole('combobox', { name: 'Search the graph' }).fill('a11y waters');
      await page.locator('#search-results [role="option"]').first().waitFor(POLL);
      await expectAccessible(page, 'sector-search');
      await page.close();
      // Narrowed to a country in its filter ("In country"), and on the canvas with the country.
      const inCountry = await open(
        `#/explore?panel=insight&insight=stakeholders&of=${encodeURIComponent('sector:A11y Waters')}&in=SL&show=1`,
      );
      await inCountry.getByRole('button', { name: 'Remove from canvas' }).waitFor(POLL);
      await inCountry.getByRole('combobox', { name: 'In country' }).waitFor(POLL);
      // With its links to the country's whole map and the sector's in every country.
      await inCountry.getByRole('navigation', { name: 'Wider maps' }).waitFor(POLL);
      await expectAccessible(inCountry, 'sector-map-in-country');
      await inCountry.close();
      // A country's map, with its way to one sector's map there.
      const countryMap = await open(`#/explore?panel=insight&insight=stakeholders&of=country:SL`);
      await countryMap.getByTestId('insight-by-sector').waitFor(POLL);
      await expectAccessible(countryMap, 'country-map-by-sector');
      await countryMap.close();
    } finally {
      await run('MATCH (n:Entity) WHERE n.id IN [$dpg, $maker] DETACH DELETE n');
      await driver.close();
    }
  });

  it('the filters panel', async (ctx) => {
    if (!hasSharedData()) return ctx.skip();
    const page = await open(`#/explore?focus=${UNICEF}&panel=filters`);
    await page.getByTestId('filter-panel').getByRole('checkbox').first().waitFor(POLL);
    await expectAccessible(page, 'filters');
    await page.close();
  });

  it("a link's notice", async () => {
    // Settings the explorer cannot read: the notice over the canvas names them.
    const page = await open(`#/explore?focus=${UNICEF}&bogus=1&layout=nope`);
    await page.getByTestId('link-notice').waitFor(POLL);
    await expectAccessible(page, 'link-notice');
    await page.close();
  });

  it('the sign-in dialog', async () => {
    const page = await open();
    await page.click('[data-testid="sign-in"]');
    await page.locator('[data-testid="sign-in-dialog"] input[name="name"]').waitFor(POLL);
    await expectAccessible(page, 'sign-in');
    await page.close();
  });
});

describe('accessibility for an editor (1440×900)', () => {
  // A context of its own: signing in here must not sign in the other tests' pages.
  const open = pages({ viewport: { width: 1440, height: 900 } });

  it("an editor's details, history, edit form and merge dialog", async (ctx) => {
    if (!hasSharedData()) return ctx.skip();
    const page = await openDetails(open);
    await signIn(page, editor);
    const panel = page.getByTestId('details-panel');
    await panel.getByRole('button', { name: 'Edit', exact: true }).waitFor(POLL);
    await expectAccessible(page, 'editor-details');
    await panel.getByRole('tab', { name: 'History' }).click();
    // Its events, or the line that says there are none (the seed's UNICEF came from imports).
    await page.getByTestId('history').locator('li, p').first().waitFor(POLL);
    await expectAccessible(page, 'editor-history');
    await panel.getByRole('tab', { name: 'Details' }).click();
    await panel.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('dialog').locator('input').first().waitFor(POLL);
    await expectAccessible(page, 'editor-edit-form');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached', ...POLL });
    await panel.getByRole('button', { name: /^Merge/ }).click();
    await page.getByRole('dialog').locator('input').first().waitFor(POLL);
    await expectAccessible(page, 'editor-merge');
    await page.close();
  });
});

describe("accessibility of a deleted entity's page for an editor (1440×900)", () => {
  // A context of its own: the page must sign in itself, to be offered the undo.
  const open = pages({ viewport: { width: 1440, height: 900 } });

  it('"Entity not found" with "Undo this delete"', async (ctx) => {
    if (!hasSharedData()) return ctx.skip();
    const call = await apiSession(appUrl, editor);
    const created = await call('POST', '/api/curation/entities', {
      type: 'Organisation',
      properties: { name: 'Axe Deleted Foundation', kind: 'foundation' },
    });
    expect(created.status).toBe(201);
    const { id, version } = (await created.json()) as { id: string; version: number };
    const entity = `/api/curation/entities/${encodeURIComponent(id)}`;
    expect((await call('DELETE', `${entity}?version=${version}`)).status).toBe(204);
    const page = await open(`#/explore?sel=${encodeURIComponent(id)}`);
    await signIn(page, editor);
    await page
      .getByTestId('deleted-entity-undo')
      .getByRole('button', { name: /^Undo this delete/ })
      .waitFor(POLL);
    await expectAccessible(page, 'editor-deleted-entity');
    await page.close();
  });
});

describe('the Details and History tabs by keyboard (1440×900)', () => {
  const open = pages({ viewport: { width: 1440, height: 900 } });

  it('moves and selects with the arrows, Home and End, with only the chosen tab in the Tab order', async (ctx) => {
    if (!hasSharedData()) return ctx.skip();
    const page = await openDetails(open);
    await signIn(page, editor);
    const panel = page.getByTestId('details-panel');
    const details = panel.getByRole('tab', { name: 'Details' });
    const history = panel.getByRole('tab', { name: 'History' });
    await details.waitFor(POLL);
    /** The selected tab, the one in the Tab order, the focused one and the panel shown. */
    const state = () =>
      inPage<{ selected: string[]; tabbable: string[]; focused: string; shown: string[] }>(
        page,
        `(() => {
          const tabs = [...document.querySelectorAll('[role="tab"]')];
          return {
            selected: tabs.filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.textContent),
            tabbable: tabs.filter((t) => t.tabIndex === 0).map((t) => t.textContent),
            focused: document.activeElement.textContent,
            shown: [...document.querySelectorAll('[role="tabpanel"]:not([hidden])')].map(
              (p) => document.getElementById(p.getAttribute('aria-labelledby')).textContent,
            ),
          };
        })()`,
      );
    // Each tab controls its panel, which is labelled by it.
    for (const tab of [details, history]) {
      const controls = (await tab.getAttribute('aria-controls'))!;
      const tabpanel = page.locator(`[id="${controls}"]`);
      expect(await tabpanel.getAttribute('role')).toBe('tabpanel');
      expect(await tabpanel.getAttribute('aria-labelledby')).toBe(await tab.getAttribute('id'));
    }
    expect(await state()).toMatchObject({ selected: ['Details'], tabbable: ['Details'] });
    await details.focus();
    await page.keyboard.press('ArrowRight');
    expect(await state()).toEqual({
      selected: ['History'],
      tabbable: ['History'],
      focused: 'History',
      shown: ['History'],
    });
    await page.getByTestId('history').waitFor(POLL);
    // Round from the last to the first, and Home and End to the ends.
    await page.keyboard.press('ArrowRight');
    expect(await state()).toMatchObject({ selected: ['Details'], focused: 'Details' });
    await page.keyboard.press('End');
    expect(await state()).toMatchObject({ selected: ['History'], focused: 'History' });
    await page.keyboard.press('Home');
    expect(await state()).toMatchObject({ selected: ['Details'], focused: 'Details' });
    await page.keyboard.press('ArrowLeft');
    expect(await state()).toMatchObject({ selected: ['History'], shown: ['History'] });
    await page.keyboard.press('ArrowRight');
    expect(await state()).toMatchObject({ selected: ['Details'], shown: ['Details'] });
    // Tab leaves the tabs for the panel they show, not for the other tab, and the panel, taller
    // than the screen, is scrolled to from its start: below the sticky toolbar, not under it.
    await page.keyboard.press('Tab');
    expect(await inPage<string | null>(page, 'document.activeElement.getAttribute("role")')).toBe(
      'tabpanel',
    );
    expect(
      await inPage<boolean>(
        page,
        `document.activeElement.getBoundingClientRect().top >=
          document.querySelector('[data-testid="details-panel"] .toolbar').getBoundingClientRect().bottom`,
      ),
    ).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect((await state()).focused).toBe('Details');
    await page.close();
  });
});

describe('accessibility on a phone (390×844)', () => {
  const open = pages({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  it("an entity's details in the sheet", async (ctx) => {
    if (!hasSharedData()) return ctx.skip();
    const page = await openDetails(open);
    await expectAccessible(page, 'phone-details');
    await page.close();
  });

  it('the list view above the sheet, its selected row marked', async (ctx) => {
    if (!hasSharedData()) return ctx.skip();
    const page = await open(`#/explore?focus=${UNICEF}&sel=${UNICEF}&list=1`);
    await page.getByTestId('list-view').locator('[aria-current="true"]').waitFor(POLL);
    await page.locator('#details-title').waitFor(POLL);
    await expectAccessible(page, 'phone-list');
    await page.close();
  });
});

describe('where the keyboard goes (1440×900)', () => {
  const open = pages({ viewport: { width: 1440, height: 900 } });
  /** The focused element: its tag, its text and whether it lies in the side panel. */
  const focused = (page: Page) =>
    inPage<{ tag: string; text: string; inPanel: boolean }>(
      page,
      `(() => {
        const a = document.activeElement;
        return {
          tag: a.tagName,
          text: (a.textContent ?? '').trim(),
          inPanel: document.querySelector('aside.sidebar').contains(a),
        };
      })()`,
    );

  it('opening Filters or Paths from the canvas bar takes the focus to the panel', async () => {
    const page = await open();
    for (const [name, title] of [
      ['Paths', 'Path finder'],
      ['Filters', 'Filters'],
    ] as const) {
      const toggle = page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name });
      await toggle.focus();
      await page.keyboard.press('Enter');
      // It stayed on the toggle, 16 Tab stops from the panel past the canvas and the legend.
      await expect
        .poll(() => focused(page), POLL)
        .toEqual({ tag: 'H2', text: title, inPanel: true });
      // The toggle that closes the panel keeps the focus.
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => toggle.getAttribute('aria-pressed'), POLL).toBe('false');
      expect(await toggle.evaluate((el) => el.matches(':focus'))).toBe(true);
    }
    await page.close();
  });

  it('the list view takes the canvas and the legend out of the Tab order', async () => {
    const page = await open('#/explore?list=1');
    await page.getByTestId('list-view').waitFor(POLL);
    const covered = () =>
      inPage<boolean[]>(
        page,
        `[document.querySelector('.canvas'), document.querySelector('.legend')].map((el) => el.closest('[inert]') !== null)`,
      );
    expect(await covered()).toEqual([true, true]);
    // From Export, the next Tab lands in the list, not on a hidden zoom button or the canvas.
    await page.getByTestId('export-button').focus();
    await page.keyboard.press('Tab');
    expect(
      await inPage<boolean>(
        page,
        `document.querySelector('[data-testid="list-view"]').contains(document.activeElement)`,
      ),
    ).toBe(true);
    await page.getByRole('button', { name: 'Graph view' }).click();
    await expect.poll(covered, POLL).toEqual([false, false]);
    await page.close();
  });

  it('the Views menu closes when the focus tabs past it', async () => {
    const page = await open();
    await page.getByTestId('views-menu').focus();
    await page.keyboard.press('Enter');
    const popover = page.getByTestId('views-popover');
    await popover.waitFor(POLL);
    // It had covered the canvas bar's Filters, Paths and Export the focus went on to.
    for (let i = 0; i < 12 && (await popover.count()) > 0; i++) await page.keyboard.press('Tab');
    expect(await popover.count()).toBe(0);
    expect(
      await inPage<boolean>(
        page,
        `!document.querySelector('.views').contains(document.activeElement)`,
      ),
    ).toBe(true);
    await page.close();
  });

  it('a picture exported from the menu leaves the focus on Export', async () => {
    const page = await open();
    const exportButton = page.getByTestId('export-button');
    await exportButton.focus();
    await page.keyboard.press('Enter');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'SVG drawing' }).focus();
    await page.keyboard.press('Enter');
    await download;
    expect(await exportButton.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.close();
  });

  it('+, − and 0 on the canvas zoom in, out and fit, as the toolbar does', async () => {
    const page = await open();
    const zoom = () => inPage<number>(page, 'window.__cy.zoom()');
    await page.locator('.canvas').focus();
    await page.keyboard.press('0');
    await waitInPage(page, '!window.__cy.animated()');
    // As the toolbar's Fit puts it.
    await page.getByRole('button', { name: 'Fit graph to view' }).click();
    await waitInPage(page, '!window.__cy.animated()');
    const fitted = await zoom();
    await page.locator('.canvas').focus();
    await page.keyboard.press('+');
    await expect.poll(zoom, POLL).toBeCloseTo(fitted * 1.3, 3);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(zoom, POLL).toBeCloseTo(fitted / 1.3, 3);
    await page.keyboard.press('0');
    await expect.poll(zoom, POLL).toBeCloseTo(fitted, 3);
    await page.close();
  });

  it('says how many results a search found, and when none', async () => {
    const page = await open();
    const announced = page.getByTestId('search-announcement');
    const field = page.getByRole('combobox', { name: 'Search the graph' });
    await field.fill('unicef');
    await expect.poll(() => announced.textContent(), POLL).toMatch(/^\s*\d+ results?/);
    // Opening a result says which: the reader heard only the canvas's new count.
    await page.keyboard.press('Enter');
    await expect.poll(() => announced.textContent(), POLL).toMatch(/^\s*Opened \S/);
    await field.fill('zzqqxx');
    await expect.poll(() => announced.textContent(), POLL).toContain('No matches for “zzqqxx”');
    // The Clear button, inside the field's label, is no part of its name.
    await page.getByRole('combobox', { name: 'Search the graph', exact: true }).waitFor(POLL);
    await page.close();
  });
});

describe('less motion, where the reader asks for it (1440×900)', () => {
  const open = pages({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });

  it('zooms and changes layout without animating the canvas', async () => {
    const page = await open();
    await waitInPage(page, '!window.__cy.animated()');
    const fitted = await inPage<number>(page, 'window.__cy.zoom()');
    await page.locator('.canvas').focus();
    await page.keyboard.press('+');
    // At once: no animation on its way, the zoom already where it goes.
    const [zoom, animated] = await inPage<[number, boolean]>(
      page,
      '[window.__cy.zoom(), window.__cy.animated()]',
    );
    expect(animated).toBe(false);
    expect(zoom).toBeCloseTo(fitted * 1.3, 3);
    await page.close();
  });
});

describe('the keyboard on a phone (390×844)', () => {
  const open = pages({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  it("closing the details' sheet leaves the focus on the overview's button, which Escape folds", async (ctx) => {
    if (!hasSharedData()) return ctx.skip();
    const page = await openDetails(open);
    await page.getByRole('button', { name: 'Close details' }).focus();
    await page.keyboard.press('Enter');
    // Named by what it does next ("Overview of the canvas" while exploring, "Hide the overview").
    const toggle = page.locator('.sheet-toggle');
    await page.getByRole('button', { name: 'Overview of the canvas' }).waitFor(POLL);
    // It fell to the page, and the next Tab began at the logo.
    await expect.poll(() => toggle.evaluate((el) => el.matches(':focus')), POLL).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded'), POLL).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded'), POLL).toBe('false');
    expect(await toggle.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.close();
  });
});

describe('a window zoomed to 400% (320×256)', () => {
  const open = pages({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 2 });

  it('opens a neighbourhood with no room left for the canvas without an error', async (ctx) => {
    if (!hasSharedData()) return ctx.skip();
    // The bars and the details' sheet take the whole height: a fit of a canvas 0 px high threw
    // (the pages' afterEach fails on any error in the page).
    const page = await open(`#/explore?focus=${UNICEF}&sel=${UNICEF}`, { attached: true });
    await page.locator('#details-title').waitFor(POLL);
    expect(await inPage<number>(page, 'window.__cy.height()')).toBe(0);
    await page.close();
  });
});

describe('where the keyboard focus goes, and what is said (1440×900)', () => {
  // A context of its own: it signs in.
  const open = pages({ viewport: { width: 1440, height: 900 } });
  const focused = (page: Page) =>
    inPage<{ text: string; id: string; describedBy: string | null; testid: string | null }>(
      page,
      `(() => {
        const a = document.activeElement;
        return { text: (a.getAttribute('aria-label') ?? a.textContent ?? '').trim(), id: a.id,
                 describedBy: a.getAttribute('aria-describedby'),
                 testid: a.getAttribute('data-testid') };
      })()`,
    );

  it('skips to the graph, follows sign-in, a refused form, an annotation form and a closed panel', async (ctx) => {
    if (!hasSharedData()) return ctx.skip();
    const page = await open(`#/explore?focus=${encodeURIComponent(AI_PRACTICE)}&sel=${UNICEF}`);
    await page.locator('#details-title').waitFor(POLL);

    // The first Tab stop skips to the graph, past the header and the canvas bar.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Skip to the graph');
    await page.keyboard.press('Enter');
    expect(await inPage<boolean>(page, 'document.activeElement.matches(".canvas")')).toBe(true);

    // Signed in: the focus goes to what replaced "Sign in", and it is said.
    await page.getByTestId('sign-in').focus();
    await page.keyboard.press('Enter');
    await page.fill('[data-testid="sign-in-dialog"] input[name="name"]', editor.name);
    await page.fill('[data-testid="sign-in-dialog"] input[name="password"]', editor.password);
    await page.keyboard.press('Enter');
    await page.getByTestId('signed-in').waitFor(POLL);
    await waitInPage(page, `document.activeElement.dataset.testid === 'new-entity'`);
    expect(await page.getByTestId('session-announcement').textContent()).toBe(
      `Signed in as ${editor.name} (editor).`,
    );

    // A refused form: the focus goes to the first field named, its problem its description.
    await page.keyboard.press('Enter');
    await page.locator('#field-name').waitFor(POLL);
    await page.fill('#field-name', 'Focus Test Foundation');
    await page.fill('#field-website', 'not a web address');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await waitInPage(page, `document.activeElement.id === 'field-website'`);
    expect((await focused(page)).describedBy).toBe('problem-website');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached', ...POLL });

    // The annotation form takes the focus, and gives it back to the button that opened it.
    const annotate = page.getByTestId('annotate');
    await annotate.focus();
    await page.keyboard.press('Enter');
    await waitInPage(page, `document.activeElement.tagName === 'SELECT'`);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await waitInPage(page, `document.activeElement.dataset.testid === 'annotate'`);

    // Filters closed from inside: back to the bar's Filters button.
    const filters = page.locator('[data-opens-panel="filters"]');
    await filters.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Filters' }).waitFor(POLL);
    await page.keyboard.press('Escape');
    await waitInPage(page, `document.activeElement.dataset.opensPanel === 'filters'`);

    // Signed out: the focus goes to "Sign in", and it is said.
    await page.getByTestId('sign-out').click();
    await waitInPage(page, `document.activeElement.dataset.testid === 'sign-in'`);
    expect(await page.getByTestId('session-announcement').textContent()).toBe('Signed out.');
    await page.close();
  });
});
