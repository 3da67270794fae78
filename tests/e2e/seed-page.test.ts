/**
 * End-to-end test of the seed page in headless Chromium: the app served by the e2e global setup (at
 * `inject('appUrl')`) draws the whole overview graph, search selects an entity, and the details panel
 * shows it and navigates to neighbours. Every expectation about data is read from the same server's API,
 * so the test follows the seed rather than hard-coding it. Screenshots go to test-results/.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type {
  OverviewResponse,
  RelationshipRead,
  SearchResponse,
} from '../../web/src/lib/api/types.ts';
import { relationshipSentence } from '../../web/src/lib/vocabulary/relationship-sentence.ts';
import { OVERVIEW_LIMIT } from '../../web/src/state/graph/limits.ts';
import { SEARCH_LIMIT } from '../../web/src/state/search/limits.ts';
import { inPage, waitInPage, launchChromium, SCREENSHOTS, VIEWPORTS } from '../support/browser.ts';
import { hasSharedData } from '../support/shared-data.ts';

// The seed page never names DHIS2: "DHIS" finds nothing there (it found every activity saying
// "this", one letter off, before typos were looked for in names alone).
const QUERIES = ['DHIS', 'Google', 'Venture'] as const;
/** Waits on the page that involve a request (search, details, layout) get this long. */
const POLL = { timeout: 10_000 } as const;

const appUrl = inject('appUrl');

async function api<T>(pathAndQuery: string): Promise<T> {
  const response = await fetch(new URL(pathAndQuery, appUrl));
  expect(response.status, `GET ${pathAndQuery}`).toBe(200);
  return (await response.json()) as T;
}

let browser: Browser;
let overview: OverviewResponse;

beforeAll(async () => {
  browser = await launchChromium();
  overview = await api<OverviewResponse>(`/api/overview?limit=${OVERVIEW_LIMIT}`);
});

afterAll(async () => {
  await browser?.close();
});

// With the real seed loaded, the search tests below must take their "select a result" branch for Google.
it('finds Google in the seed', async (ctx) => {
  if (!hasSharedData()) ctx.skip();
  const { results } = await api<SearchResponse>('/api/search?q=Google&limit=5');
  expect(results.map((result) => result.label)).toContain('Google');
});

describe.each(VIEWPORTS)('seed page at $name size ($width×$height)', (viewport) => {
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  const shot = (step: string) =>
    page.screenshot({ path: path.join(SCREENSHOTS, `e2e-${viewport.name}-${step}.png`) });

  /** Opens the app, optionally at a URL fragment such as `#/entity/org%3Aunicef`. */
  async function openApp(hash = ''): Promise<void> {
    context = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${appUrl}/${hash}`);
    // Test hooks (see web/src/components/GraphCanvas.svelte): the Cytoscape instance, and the
    // canvas state once the first layout has finished.
    await waitInPage(page, 'window.__cy !== undefined');
    await page.waitForSelector('[data-graph-state="ready"], [data-graph-state="empty"]');
  }

  afterEach(async () => {
    await context?.close();
    expect(pageErrors, 'errors in the page').toEqual([]);
    pageErrors.length = 0;
  });

  it('draws every node and relationship of the overview', async () => {
    expect(overview.truncated, 'the seed graph fits in one overview').toBe(false);
    await openApp();
    // The canvas reports "empty" until the overview arrives, which on a cold machine is later.
    await expect
      .poll(() => inPage<number>(page, 'window.__cy.nodes().length'), POLL)
      .toBe(overview.total.nodes);
    await expect
      .poll(() => inPage<number>(page, 'window.__cy.edges().length'), POLL)
      .toBe(overview.total.edges);
    await page.waitForSelector('[data-graph-state="ready"]');
    await shot('overview');
    // The connection's status region (the header has a second, the account's announcements).
    const status = page.locator('header div[role="status"]');
    await expect.poll(() => status.textContent(), POLL).toContain('Database connected');
  });

  it.for(QUERIES)(
    'searches "%s" and shows the chosen result in the details panel',
    async (query, ctx) => {
      if (overview.total.nodes === 0) ctx.skip();
      const expected = await api<SearchResponse>(
        `/api/search?${new URLSearchParams({ q: query, limit: String(SEARCH_LIMIT) })}`,
      );
      await openApp();
      await page.keyboard.press('/');
      await expect
        .poll(() => inPage(page, 'document.activeElement?.getAttribute("role")'), POLL)
        .toBe('combobox');
      await page.keyboard.type(query);

      if (expected.results.length === 0) {
        // The message shown, not its twin announced to screen readers.
        await page.locator('p.message', { hasText: 'No matches for' }).waitFor(POLL);
        await shot(`search-${query.toLowerCase()}-none`);
        return;
      }

      const options = page.locator('[role="option"]');
      await expect.poll(() => options.count(), POLL).toBe(expected.results.length);
      await shot(`search-${query.toLowerCase()}`);
      const activeLabel =
        (await page.locator('[role="option"][aria-selected="true"] .label').textContent()) ?? '';
      const chosen = expected.results.find((result) => result.label === activeLabel);
      expect(
        chosen,
        `the highlighted option "${activeLabel}" is one of the API's results`,
      ).toBeDefined();

      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('#details-title').textContent(), POLL)
        .toBe(chosen!.label);
      await expect
        .poll(() => page.evaluate('decodeURIComponent(location.hash)'), POLL)
        .toContain(`sel=${chosen!.id}`);
      // Choosing a result explores from it: the entity is on the canvas and selected.
      await expect
        .poll(() => inPage<string[]>(page, 'window.__cy.$(":selected").map((n) => n.id())'), POLL)
        .toEqual([chosen!.id]);
      await page.waitForTimeout(500); // let the camera animation settle for the screenshot
      await shot(`selected-${query.toLowerCase()}`);
    },
  );

  it('selects a neighbour from the details panel', async (ctx) => {
    const start = overview.nodes.find((node) => node.data.degree > 0);
    if (!start) return ctx.skip();
    await openApp(`#/entity/${encodeURIComponent(start.data.id)}`);
    await expect
      .poll(() => page.locator('#details-title').textContent(), POLL)
      .toBe(start.data.label);

    const neighbour = page.locator('[data-testid="details-panel"] section button.row').first();
    const neighbourLabel = (await neighbour.locator('.label').textContent()) ?? '';
    expect(neighbourLabel).not.toBe('');
    // Where the relationship is stated opens under its row, by touch or keyboard too: the seed
    // page, by its title, and what it says.
    const sourcesToggle = page.locator('[data-testid="relationship-sources-toggle"]').first();
    await sourcesToggle.click();
    expect(await sourcesToggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('[data-testid="relationship-sources"]').textContent()).toMatch(
      /UNICEF activities on the DPGA website\s+\S/,
    );
    await sourcesToggle.click();
    expect(await page.locator('[data-testid="relationship-sources"]').count()).toBe(0);
    await neighbour.click();
    await expect
      .poll(() => page.locator('#details-title').textContent(), POLL)
      .toBe(neighbourLabel);
    await page.waitForTimeout(500);
    await shot('neighbour');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#details-title').count(), POLL).toBe(0);
  });

  it('selects a relationship by clicking its edge, keeps it on reload and clears it with Escape', async (ctx) => {
    if (overview.total.edges === 0) return ctx.skip();
    await openApp();
    await page.waitForSelector('[data-graph-state="ready"]');
    await expect
      .poll(() => inPage<number>(page, 'window.__cy.edges().length'), POLL)
      .toBe(overview.total.edges);
    // An edge whose midpoint the canvas's own hit test gives to that edge (no node or other edge
    // nearer) and that no panel covers: where a reader would click it.
    const target = await inPage<{ id: string; x: number; y: number } | null>(
      page,
      `(() => {
        const cy = window.__cy;
        const box = cy.container().getBoundingClientRect();
        for (const edge of cy.edges()) {
          const mid = edge.midpoint();
          if (cy.renderer().findNearestElement(mid.x, mid.y, true, false) !== edge) continue;
          const at = edge.renderedMidpoint();
          const x = box.left + at.x;
          const y = box.top + at.y;
          if (document.elementFromPoint(x, y)?.closest('.cy')) return { id: edge.id(), x, y };
        }
        return null;
      })()`,
    );
    expect(target, 'an edge clear to click').not.toBeNull();
    const [from, type, to] = target!.id.split('|') as [string, string, string];
    const relationship = await api<RelationshipRead>(
      `/api/curation/relationships?${new URLSearchParams({ from, type, to })}`,
    );
    const sourceTitles = new Map(
      relationship.sources.map((source) => [source.id, source.title ?? '']),
    );
    const sentence = relationshipSentence(relationship.fromLabel, type, relationship.toLabel);

    await page.mouse.move(target!.x, target!.y);
    await expect
      .poll(() => inPage(page, 'window.__cy.container().style.cursor'), POLL)
      .toBe('pointer');
    await page.mouse.click(target!.x, target!.y);
    const panel = page.locator('[data-testid="relationship-panel"]');
    await panel.locator('[data-testid="relationship-sentence"]').waitFor(POLL);
    /** What the panel and the canvas say about the selection. */
    const shown = async () => ({
      sentence: await panel.locator('[data-testid="relationship-sentence"]').textContent(),
      ends: await panel.locator('[data-testid="relationship-end"] .end-label').allTextContents(),
      sources: (
        await panel.locator('[data-testid="relationship-sources"] li').allTextContents()
      ).map((text) => text.replace(/\s+/g, ' ').trim()),
      selected: await inPage<string[]>(page, 'window.__cy.$(":selected").map((e) => e.id())'),
      canvasEnds: await inPage<string[]>(page, 'window.__cy.nodes(".end").map((n) => n.id())'),
    });
    const sources = relationship.properties.sources as string[];
    const evidence = relationship.properties.evidence as string[];
    const expected = {
      sentence: sentence.text,
      ends: [relationship.fromLabel, relationship.toLabel],
      sources: sources.map(
        (id, i) => `${sourceTitles.get(id) || id} ${evidence[i] ?? 'states it'}`,
      ),
      selected: [target!.id],
      canvasEnds: [from, to].sort(),
    };
    await expect
      .poll(async () => {
        const now = await shown();
        return { ...now, canvasEnds: [...now.canvasEnds].sort() };
      }, POLL)
      .toEqual(expected);
    expect(await inPage(page, 'new URLSearchParams(location.hash.split("?")[1]).get("sel")')).toBe(
      target!.id,
    );
    await page.waitForTimeout(500);
    await shot('relationship');

    // A reload, as a shared link would, shows the same relationship selected.
    await page.reload();
    await page.waitForSelector('[data-graph-state="ready"]');
    await expect
      .poll(async () => {
        const now = await shown();
        return { ...now, canvasEnds: [...now.canvasEnds].sort() };
      }, POLL)
      .toEqual(expected);

    await page.locator('.canvas').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count(), POLL).toBe(0);
    expect(await inPage<number>(page, 'window.__cy.$(":selected").length')).toBe(0);
    expect(await inPage<string>(page, 'location.hash')).not.toContain('sel=');
  });
});
