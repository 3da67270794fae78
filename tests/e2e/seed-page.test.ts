/**
 * End-to-end test of the seed page in headless Chromium: the app served by the e2e global setup (at
 * `inject('appUrl')`) draws the whole overview graph, search selects an entity, and the details panel
 * shows it and navigates to neighbours. Every expectation about data is read from the same server's API,
 * so the test follows the seed rather than hard-coding it. Screenshots go to test-results/.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OverviewResponse, SearchResponse } from '../../web/src/lib/api/types.ts';
import { OVERVIEW_LIMIT } from '../../web/src/state/graph/limits.ts';
import { SEARCH_LIMIT } from '../../web/src/state/search/limits.ts';
import { inPage, waitInPage, launchChromium, SCREENSHOTS, VIEWPORTS } from '../support/browser.ts';
import { hasSharedData } from '../support/shared-data.ts';

const QUERIES = ['DHIS', 'Google'] as const;
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
    const status = page.locator('header [role="status"]');
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
        await page.getByText(/No matches for/).waitFor(POLL);
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
});
