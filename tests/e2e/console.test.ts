/**
 * The Cypher console in headless Chromium against the e2e app: an admin opens it, runs a query
 * with Ctrl+Enter and sees the table, draws the result on the canvas, sees a refused write's
 * clause and position next to the editor and a truncation notice; an editor never sees the
 * console. Screenshots go to test-results/console-*.png.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createUser } from '../../server/auth/accounts.ts';
import { waitInPage, launchChromium, SCREENSHOTS } from '../support/browser.ts';
import { openTestDatabase } from '../support/graph-fixture.ts';
import { hasSharedData } from '../support/shared-data.ts';

const POLL = { timeout: 15_000 } as const;
const appUrl = inject('appUrl');
const editor = inject('editor');
const ADMIN = { name: 'e2e-console-admin', password: 'e2e-console-admin-password-2026' };

const QUERY =
  "MATCH p = (o:Organisation {id: 'org:unicef'})-[r:LEADS]->(a:Activity)\nRETURN o, r, a.name AS activity, p\nLIMIT 5";

let browser: Browser;

/** The entity ids the console's answer to `query` names, asked from the test program. */
async function consoleGraphIds(query: string): Promise<string[]> {
  const signIn = await fetch(new URL('/api/auth/session', appUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const cookie = signIn.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const answer = await fetch(new URL('/api/console/query', appUrl), {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return ((await answer.json()) as { graph: { nodes: string[] } }).graph.nodes;
}

/** A page of a fresh context, signed in as `account` through the page's own origin. */
async function signedInPage(account: { name: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(appUrl);
  const status = await page.evaluate(
    async (body) =>
      (
        await fetch('/api/auth/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).status,
    account,
  );
  expect(status).toBe(201);
  await page.reload();
  await page.waitForSelector('[data-testid="signed-in"]', POLL);
  return page;
}

beforeAll(async () => {
  const db = openTestDatabase();
  try {
    await createUser(db, { name: ADMIN.name, role: 'admin', password: ADMIN.password });
  } finally {
    await db.close();
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!hasSharedData())('Cypher console', () => {
  it('lets an admin query, see the table and draw the result; refuses a write near the editor', async () => {
    const page = await signedInPage(ADMIN);
    await page.waitForSelector('[data-graph-state="ready"]', POLL);
    await page.click('[data-testid="console-open"]');
    await page.fill('[data-testid="console-query"]', QUERY);
    await page.focus('[data-testid="console-query"]');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid="console-result"] tbody tr', POLL);
    expect(await page.locator('[data-testid="console-result"] tbody tr').count()).toBe(5);
    expect(await page.locator('[data-testid="console-result"] th').allTextContents()).toEqual([
      '#',
      'o',
      'r',
      'activity',
      'p',
    ]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'console-result.png') });

    // Show in graph: the six entities (UNICEF and five activities) are on the canvas.
    const ids = await consoleGraphIds(QUERY);
    expect(ids).toHaveLength(6);
    await page.click('[data-testid="console-show-graph"]');
    await waitInPage(
      page,
      `${JSON.stringify(ids)}.every((id) => window.__cy && window.__cy.getElementById(id).length > 0)`,
      POLL,
    );
    await page.waitForSelector('[data-graph-state="ready"]', POLL);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'console-graph.png') });

    // A write is refused next to the editor, with the clause and its position.
    await page.click('[data-testid="console-open"]');
    await page.fill(
      '[data-testid="console-query"]',
      'MATCH (n:Entity)\n// looks harmless\nDETACH DELETE n',
    );
    await page.click('[data-testid="console-run"]');
    const error = page.locator('[data-testid="console-error"]');
    await error.waitFor(POLL);
    expect(await error.textContent()).toMatch(/CONSOLE_QUERY_REFUSED.*line 3, column 1.*DETACH/s);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'console-refused.png') });

    // More rows than the limit: the notice says so.
    await page.fill('[data-testid="console-query"]', 'UNWIND range(1, 5000) AS i RETURN i');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid="console-truncated"]', POLL);
    expect(await page.locator('[data-testid="console-result"] tbody tr').count()).toBe(200);

    // Its × is the app's close button (the same size and look as a panel's), and closes it.
    const close = page.getByRole('button', { name: 'Close the Cypher console' });
    expect(await close.getAttribute('class')).toMatch(/\bclose panel\b/);
    await close.click();
    await page.locator('[data-testid="console-panel"]').waitFor({ state: 'detached', ...POLL });
    await page.locator('[data-testid="console-open"]').waitFor(POLL);
    await page.context().close();
  });

  it('says so when its code cannot be loaded, rather than offering nothing', async () => {
    const page = await signedInPage(ADMIN);
    await page.route('**/assets/ConsolePanel-*.js', (route) => route.abort());
    await page.reload();
    await page.waitForSelector('[data-testid="signed-in"]', POLL);
    const notice = page.getByTestId('console-not-loaded');
    await notice.waitFor(POLL);
    expect(await notice.textContent()).toContain('could not be loaded');
    expect(await page.getByTestId('console-open').count()).toBe(0);
    // The reload it offers brings the console once its code comes.
    await page.unroute('**/assets/ConsolePanel-*.js');
    await notice.getByRole('button', { name: 'Reload the page' }).click();
    await page.getByTestId('console-open').waitFor(POLL);
    await page.context().close();
  });

  it('is not offered to an editor', async () => {
    const page = await signedInPage(editor);
    await page.waitForSelector('[data-graph-state="ready"]', POLL);
    expect(await page.locator('[data-testid="console-open"]').count()).toBe(0);
    await page.context().close();
  });
});
