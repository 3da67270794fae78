/**
 * End-to-end test of curation in headless Chromium against the app served by the e2e global setup
 * (sign-in on, an editor account provided as `editor`): sign in, add a stakeholder to the AI
 * Community of Practice and link it, see it on the map connected to the activity and in the
 * history, correct the relationship's role and dates, annotate the stakeholder and see the note on
 * the activity's stakeholder map, save the view and get the same picture back after exploring
 * elsewhere, sign out and lose the edit controls; a stale edit shows the conflict and re-applies;
 * merges and deletes are undone from their notices, a relationship's delete from History, which
 * shows the truth after an undo the server refused.
 * Each test removes what it created (explorer-journey expects the seed's neighbourhoods).
 * Screenshots go to test-results/curation-*.png.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, describeViolations, FAILING_IMPACTS } from '../support/axe.ts';
import { inPage, waitInPage, launchChromium, SCREENSHOTS } from '../support/browser.ts';
import { hasSharedData } from '../support/shared-data.ts';
import { apiSession, signIn } from '../support/sign-in.ts';

const POLL = { timeout: 15_000 } as const;
const AI_COP = 'activity:unicef/co-leading-the-community-of-practice-on-ai';
const NEW_ORG = 'org:example-research-network';

const appUrl = inject('appUrl');
const editor = inject('editor');

/** An API session of the editor, signed in from the test program (behind the page's back). */
const editorSession = () => apiSession(appUrl, editor);

async function removeEntity(id: string): Promise<void> {
  const call = await editorSession();
  const state = await call('GET', `/api/curation/entities/${encodeURIComponent(id)}`);
  if (state.status !== 200) return;
  const { version } = (await state.json()) as { version: number };
  const deleted = await call(
    'DELETE',
    `/api/curation/entities/${encodeURIComponent(id)}?version=${version}`,
  );
  expect(deleted.status).toBe(204);
}

/** Creates an entity through the API as the editor, behind the page's back. */
async function createEntity(
  type: 'Organisation' | 'DPG',
  properties: Record<string, string>,
): Promise<{ id: string; version: number }> {
  const call = await editorSession();
  const created = await call('POST', '/api/curation/entities', { type, properties });
  expect(created.status).toBe(201);
  return (await created.json()) as { id: string; version: number };
}

/** Makes `id` a participant of the AI Community of Practice, so it has a neighbourhood to show. */
async function joinAiCop(id: string): Promise<void> {
  const call = await editorSession();
  const linked = await call('POST', '/api/curation/relationships', {
    from: id,
    type: 'PARTICIPATES_IN',
    to: AI_COP,
  });
  expect(linked.status).toBe(201);
}

/** The explorer's link to `focus`'s neighbourhood with `selected` selected. */
function exploreHash(focus: string, selected = focus): string {
  return `#/explore?focus=${encodeURIComponent(focus)}&sel=${encodeURIComponent(selected)}`;
}

/** Deletes the saved views of the editor (the flow saves one). */
async function removeOwnViews(): Promise<void> {
  const call = await editorSession();
  const { views } = (await (await call('GET', '/api/views?owner=me')).json()) as {
    views: { id: string; version: number }[];
  };
  for (const view of views) {
    const deleted = await call('DELETE', `/api/views/${view.id}?version=${view.version}`);
    expect(deleted.status).toBe(204);
  }
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!hasSharedData())('curation in the browser', () => {
  let context: BrowserContext;
  const pageErrors: string[] = [];
  /** Failed loads a test provokes on purpose, by the status the browser logs ("status of 401"). */
  let provoked: string[] = [];

  async function open(
    viewport: { width: number; height: number },
    hash: string,
    device: { isMobile?: boolean; hasTouch?: boolean } = {},
  ): Promise<Page> {
    context = await browser.newContext({ viewport, ...device });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // A 409 answer is the conflict this test provokes; the browser logs it as a failed load.
      if (
        message.type() === 'error' &&
        !['409', ...provoked].some((status) => message.text().includes(`status of ${status}`))
      )
        pageErrors.push(message.text());
    });
    await page.goto(`${appUrl}/${hash}`);
    await waitInPage(page, 'window.__cy !== undefined');
    await page.waitForSelector('[data-graph-state="ready"]', POLL);
    return page;
  }

  afterEach(async () => {
    await context?.close();
    provoked = [];
    expect(pageErrors, 'errors in the page').toEqual([]);
    pageErrors.length = 0;
  });

  it('signs in, adds a stakeholder, links it and shows it on the map (1440×900)', async () => {
    const page = await open({ width: 1440, height: 900 }, exploreHash(AI_COP));
    try {
      await page.waitForSelector('[data-testid="details-panel"] h2', POLL);
      expect(await page.$('[data-testid="curation-actions"]')).toBeNull();
      await signIn(page, editor);
      await page.waitForSelector('[data-testid="add-stakeholder"]', POLL);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-desktop-signed-in.png') });

      await page.click('[data-testid="add-stakeholder"]');
      const form = '[data-testid="entity-form"]';
      await page.selectOption(`${form} select[name="type"]`, 'Organisation');
      await page.fill(`${form} input[name="name"]`, 'Example Research Network');
      await page.selectOption(`${form} select[name="kind"]`, 'network');
      await page.fill(
        `${form} textarea[name="description"]`,
        'A research network studying AI for children.',
      );
      await page.fill(`${form} input[name="website"]`, 'not a url');
      await page.click(`${form} button[type="submit"]`);
      // The form's own check names the field and sends nothing.
      await page.waitForSelector(`${form} #problem-website`, POLL);
      await page.fill(`${form} input[name="website"]`, 'https://research.example.org');
      await page.selectOption(`${form} select[name="relationship"]`, 'PARTICIPATES_IN:out');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-desktop-add-form.png') });
      await page.click(`${form} button[type="submit"]`);
      await page.waitForSelector(form, { state: 'detached', ...POLL });

      // On the canvas, joined to the activity, and selected.
      await expect
        .poll(
          () =>
            inPage<boolean>(
              page,
              `(() => { const cy = window.__cy; const n = cy.getElementById(${JSON.stringify(NEW_ORG)});
                return n.nonempty() && n.edgesWith(cy.getElementById(${JSON.stringify(AI_COP)})).nonempty(); })()`,
            ),
          POLL,
        )
        .toBe(true);
      const edgeType = await inPage<string>(
        page,
        `window.__cy.getElementById(${JSON.stringify(NEW_ORG)}).edgesWith(window.__cy.getElementById(${JSON.stringify(AI_COP)}))[0].data('type')`,
      );
      expect(edgeType).toBe('PARTICIPATES_IN');
      await expect
        .poll(() => page.textContent('#details-title'), POLL)
        .toBe('Example Research Network');
      await page.waitForSelector('[data-graph-state="ready"]', POLL);
      await page.waitForTimeout(600);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-desktop-new-node.png') });

      // The history lists the creation and the link.
      await page.click('[data-testid="history-tab"]');
      await expect
        .poll(
          () =>
            inPage<string[]>(
              page,
              `[...document.querySelectorAll('[data-testid="history-event"]')].map((e) => e.dataset.action).sort()`,
            ),
          POLL,
        )
        .toEqual(['entity.create', 'relationship.create']);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-desktop-history.png') });

      // Annotate the stakeholder for the topic explored (the activity).
      await page.click('[role="tab"]:not([data-testid="history-tab"])');
      await page.click('[data-testid="annotate"]');
      await page.selectOption('[data-testid="annotations"] select[name="stance"]', 'supportive');
      await page.selectOption('[data-testid="annotations"] select[name="priority"]', 'high');
      await page.fill(
        '[data-testid="annotations"] textarea[name="notes"]',
        'Runs the evaluation track; ready to co-author the AI guidance.',
      );
      await page.fill('[data-testid="annotations"] input[name="tags"]', 'research, ai');
      await page.click('[data-testid="annotations"] button[type="submit"]');
      await page.waitForSelector('[data-testid="annotation"]', POLL);
      const annotations = (await (
        await fetch(
          new URL(`/api/curation/annotations?subject=${encodeURIComponent(NEW_ORG)}`, appUrl),
        )
      ).json()) as { annotations: { topic: string; stance: string; tags: string[] }[] };
      expect(annotations.annotations.map((a) => [a.topic, a.stance, a.tags])).toEqual([
        [AI_COP, 'supportive', ['research', 'ai']],
      ]);

      // Correct the relationship to the activity: role and dates, the form checking the dates first.
      await page.click('[data-testid="details-panel"] [data-testid="edit-relationship"]');
      const relForm = '[data-testid="relationship-form"]';
      await page.waitForSelector(`${relForm} input[name="role"]`, POLL);
      await page.fill(`${relForm} input[name="role"]`, 'evaluation lead');
      await page.fill(`${relForm} input[name="startDate"]`, '2025-02');
      await page.fill(`${relForm} input[name="endDate"]`, '2024');
      await page.fill(`${relForm} input[name="sourceUrl"]`, 'example.org/cop-ai');
      await page.click(`${relForm} button[type="submit"]`);
      await page.waitForSelector(`${relForm} #rel-problem-endDate`, POLL);
      expect(await page.textContent(`${relForm} #rel-problem-sourceUrl`)).toMatch(/http\(s\)/);
      await page.fill(`${relForm} input[name="endDate"]`, '2026');
      await page.fill(`${relForm} input[name="sourceUrl"]`, 'https://example.org/cop-ai');
      await page.fill(
        `${relForm} textarea[name="notes"]`,
        'Leads the evaluation track of the community.',
      );
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-desktop-relationship.png') });
      await page.click(`${relForm} button[type="submit"]`);
      await page.waitForSelector(relForm, { state: 'detached', ...POLL });
      const relationship = (await (
        await fetch(
          new URL(
            `/api/curation/relationships?${new URLSearchParams({ from: NEW_ORG, type: 'PARTICIPATES_IN', to: AI_COP })}`,
            appUrl,
          ),
        )
      ).json()) as { version: number; properties: Record<string, unknown> };
      expect(relationship).toMatchObject({
        version: 2,
        properties: {
          role: 'evaluation lead',
          startDate: '2025-02',
          endDate: '2026',
          sourceUrl: 'https://example.org/cop-ai',
        },
      });
      // The neighbour row says it too.
      await expect
        .poll(() => page.textContent('[data-testid="details-panel"] .group .about'), POLL)
        .toBe('evaluation lead · 2025-02 – 2026');
      // And what the editor noted, for every reader.
      expect((await page.textContent('[data-testid="details-panel"] .group .notes'))?.trim()).toBe(
        'Leads the evaluation track of the community.',
      );
      // And the page it cites, to open.
      expect(await page.getAttribute('[data-testid="details-panel"] .group .cited a', 'href')).toBe(
        'https://example.org/cop-ai',
      );

      // Selected as a relationship (as a link to it opens it): its role and dates in its panel,
      // where the editor can correct it too; an end's button leads back to the organisation.
      const relationshipLink = `${NEW_ORG}|PARTICIPATES_IN|${AI_COP}`;
      await inPage(
        page,
        `(() => {
          const params = new URLSearchParams(location.hash.split('?')[1]);
          params.set('sel', ${JSON.stringify(relationshipLink)});
          location.hash = '#/explore?' + params.toString();
        })()`,
      );
      const relPanel = page.locator('[data-testid="relationship-panel"]');
      await relPanel.locator('[data-testid="relationship-sentence"]').waitFor(POLL);
      // Under the sentence, as its neighbour row says it.
      expect(await relPanel.getByTestId('relationship-about').textContent()).toBe(
        'evaluation lead · 2025-02 – 2026',
      );
      expect(await relPanel.locator('dl').textContent()).toMatch(
        /Role\s*evaluation lead\s*Start date\s*2025-02\s*End date\s*2026\s*Notes\s*Leads the evaluation track.*Source page\s*example\.org\/cop-ai/,
      );
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'curation-desktop-relationship-panel.png'),
      });
      await relPanel.locator('[data-testid="relationship-edit"]').click();
      await expect
        .poll(() => page.inputValue(`${relForm} input[name="role"]`), POLL)
        .toBe('evaluation lead');
      await page.click(`${relForm} button:has-text("Cancel")`);
      await page.waitForSelector(relForm, { state: 'detached', ...POLL });
      await relPanel.locator('[data-testid="relationship-end"][data-end="from"]').click();
      await page.waitForSelector('[data-testid="details-panel"] .group .about', POLL);

      // The activity's stakeholder map shows the note beside the new stakeholder.
      await page.click(`[data-testid="details-panel"] button.row:has-text("Co-Leading")`);
      await expect.poll(() => page.textContent('#details-title'), POLL).toMatch(/co-leading/i);
      await page.click('[data-testid="details-panel"] button:has-text("Stakeholder map")');
      await page.waitForSelector('[data-testid="insight-items"]', POLL);
      const note = await page.waitForSelector(
        '[data-testid="insight-items"] li:has-text("Example Research Network") [data-testid="stakeholder-notes"]',
        POLL,
      );
      expect(await note.textContent()).toContain('Supportive');
      expect(await note.textContent()).toContain('Runs the evaluation track');
      await note.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'curation-desktop-stakeholder-map.png'),
      });

      // Move a node where no layout would put it, then save the view; the Views menu lists it.
      const moved = await inPage<{ x: number; y: number }>(
        page,
        `(() => { const n = window.__cy.getElementById(${JSON.stringify(NEW_ORG)});
          n.position({ x: n.position('x') + 240, y: n.position('y') - 180 }); return n.position(); })()`,
      );
      await page.click('[data-testid="views-menu"]');
      await page.fill(
        '[data-testid="views-popover"] input[name="view-name"]',
        'AI CoP stakeholders',
      );
      await page.click('[data-testid="views-popover"] button[type="submit"]');
      await page.waitForSelector('[data-testid="saved-view"]', POLL);
      expect(await page.textContent('[data-testid="views-popover"]')).toContain(
        'AI CoP stakeholders',
      );
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'curation-desktop-annotation-views.png'),
      });
      await page.click('[data-testid="views-menu"]');

      // The view stored where every node was.
      const call = await editorSession();
      const [summary] = (
        (await (await call('GET', '/api/views?owner=me')).json()) as { views: { id: string }[] }
      ).views;
      const saved = (await (await call('GET', `/api/views/${summary!.id}`)).json()) as {
        state: { entities: string[]; positions: Record<string, { x: number; y: number }> };
      };
      const shownIds = await inPage<string[]>(page, 'window.__cy.nodes().map((n) => n.id())');
      expect(Object.keys(saved.state.positions).sort()).toEqual([...shownIds].sort());
      expect(saved.state.positions[NEW_ORG]!.x).toBeCloseTo(moved.x, 0);
      expect(saved.state.positions[NEW_ORG]!.y).toBeCloseTo(moved.y, 0);

      // Explore elsewhere, then open the view: the same nodes at the same places, no layout run.
      await page.evaluate(
        `location.hash = ${JSON.stringify(`#/explore?focus=${encodeURIComponent('org:unicef')}`)}`,
      );
      await expect
        .poll(
          () =>
            inPage<boolean>(
              page,
              `window.__cy.getElementById('org:unicef').nonempty() && window.__cy.getElementById(${JSON.stringify(NEW_ORG)}).empty()`,
            ),
          POLL,
        )
        .toBe(true);
      await page.waitForSelector('[data-graph-state="ready"]', POLL);
      await page.click('[data-testid="views-menu"]');
      await page.click('[data-testid="saved-view"] button.open');
      await expect
        .poll(
          () =>
            inPage<Record<string, { x: number; y: number }>>(
              page,
              `Object.fromEntries(window.__cy.nodes().map((n) => [n.id(), { x: Math.round(n.position('x') * 10) / 10, y: Math.round(n.position('y') * 10) / 10 }]))`,
            ),
          POLL,
        )
        .toEqual(saved.state.positions);
      await page.waitForSelector('[data-graph-state="ready"]', POLL);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-desktop-view-restored.png') });

      // Renamed in the menu, which stays open (the clicked button is gone by the time the click
      // reaches the window); deleted only when confirmed.
      await page.click('[data-testid="views-menu"]');
      const popover = page.getByTestId('views-popover');
      await popover.getByRole('button', { name: 'Rename AI CoP stakeholders' }).click();
      const newName = popover.getByRole('textbox', { name: 'New name' });
      await expect
        .poll(
          () =>
            inPage<string | null>(
              page,
              `document.activeElement?.getAttribute('aria-label') ?? null`,
            ),
          POLL,
        )
        .toBe('New name');
      await newName.fill('AI CoP map');
      await newName.press('Enter');
      await expect
        .poll(() => popover.getByTestId('saved-view').textContent(), POLL)
        .toContain('AI CoP map');
      await popover.getByRole('button', { name: 'Delete AI CoP map' }).click();
      // The question takes focus on its safe answer; Escape is that answer, the menu stays open and
      // focus goes back to ×.
      const focused = (attribute: string) =>
        inPage<string | null>(page, `document.activeElement?.${attribute} ?? null`);
      await expect.poll(() => focused('textContent'), POLL).toBe('Keep it');
      await page.keyboard.press('Escape');
      await expect
        .poll(() => focused("getAttribute('aria-label')"), POLL)
        .toBe('Delete AI CoP map');
      expect(await popover.isVisible()).toBe(true);
      expect(await popover.getByTestId('saved-view').count()).toBe(1);
      await popover.getByRole('button', { name: 'Delete AI CoP map' }).click();
      await popover.getByTestId('confirm-delete-view').click();
      await expect.poll(() => popover.getByTestId('saved-view').count(), POLL).toBe(0);
      await page.click('[data-testid="views-menu"]');

      // Signed out, the edit controls are gone.
      await page.click('[data-testid="sign-out"]');
      await page.waitForSelector('[data-testid="sign-in"]', POLL);
      expect(await page.$('[data-testid="curation-actions"]')).toBeNull();
      expect(await page.$('[data-testid="new-entity"]')).toBeNull();
      expect(await page.$('[data-testid="history-tab"]')).toBeNull();
      expect(await page.$('[data-testid="unlink"]')).toBeNull();
      // The views menu says why there is nothing to save with, and its link opens the sign-in.
      await page.click('[data-testid="views-menu"]');
      await page.getByTestId('views-sign-in-hint').getByRole('button', { name: 'Sign in' }).click();
      await page.waitForSelector('[data-testid="sign-in-dialog"]', POLL);
    } finally {
      await removeEntity(NEW_ORG);
      await removeOwnViews();
    }
  });

  it('links an organisation already in the graph instead of adding it again (1280×800)', async () => {
    const page = await open({ width: 1280, height: 800 }, exploreHash(AI_COP));
    const undp = 'org:undp';
    const edgeToUndp = () =>
      inPage<boolean>(
        page,
        `window.__cy.getElementById(${JSON.stringify(undp)}).edgesWith(window.__cy.getElementById(${JSON.stringify(AI_COP)})).nonempty()`,
      );
    try {
      await page.waitForSelector('[data-testid="details-panel"] h2', POLL);
      await signIn(page, editor);
      expect(await edgeToUndp()).toBe(false);
      await page.click('[data-testid="add-stakeholder"]');
      const form = '[data-testid="entity-form"]';
      await page.fill(`${form} input[name="name"]`, 'UNDP');
      // Typed, the name lists the entity already in the graph; choosing it links that one.
      const matches = page.getByTestId('existing-matches');
      await matches.getByRole('button', { name: /^Link this one: UNDP/ }).click();
      await page.getByTestId('link-existing').waitFor(POLL);
      expect(await page.$(`${form} input[name="name"]`)).toBeNull();
      await page.selectOption(`${form} select[name="relationship"]`, 'PARTICIPATES_IN:out');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-desktop-link-existing.png') });
      await page.click(`${form} button[type="submit"]`);
      await page.waitForSelector(form, { state: 'detached', ...POLL });
      await expect.poll(edgeToUndp, POLL).toBe(true);
      await expect.poll(() => page.textContent('#details-title'), POLL).toBe('UNDP');
      // Linked, not created: one UNDP in the graph.
      const found = (await (
        await fetch(new URL('/api/search?q=undp&types=Organisation', appUrl))
      ).json()) as { results: { id: string; label: string }[] };
      expect(found.results.filter((r) => r.label === 'UNDP').map((r) => r.id)).toEqual([undp]);
    } finally {
      const call = await editorSession();
      await call(
        'DELETE',
        `/api/curation/relationships?${new URLSearchParams({ from: undp, type: 'PARTICIPATES_IN', to: AI_COP })}`,
      );
    }
  });

  it('adds a second organisation of a name under an id of its own; a rename to a taken name offers the merge (1280×800)', async () => {
    const name = 'Ministry of Digital Economy';
    const { id: first } = await createEntity('Organisation', { name, kind: 'government' });
    const second = `${first}-2`;
    const { id: renamed } = await createEntity('Organisation', {
      name: 'Digital Economy Ministry',
      kind: 'government',
    });
    // The form's 409 for the taken id is what this test provokes.
    provoked = ['409'];
    try {
      const page = await open({ width: 1280, height: 800 }, exploreHash(AI_COP));
      await page.waitForSelector('[data-testid="details-panel"] h2', POLL);
      await signIn(page, editor);
      await page.click('[data-testid="new-entity"]');
      const form = '[data-testid="entity-form"]';
      await page.fill(`${form} input[name="name"]`, name);
      await page.getByTestId('existing-matches').waitFor(POLL);
      await page.selectOption(`${form} select[name="kind"]`, 'government');
      await page.click(`${form} button[type="submit"]`);
      // The id made from the name is taken: the form offers the next free one, focused, and says
      // why, instead of a dead end.
      const idField = page.locator(`${form} input[name="id"]`);
      await idField.waitFor(POLL);
      expect(await idField.inputValue()).toBe(second);
      await expect
        .poll(() => inPage<string | null>(page, 'document.activeElement?.getAttribute("name")'))
        .toBe('id');
      expect(await page.textContent(`${form} #problem-id`)).toContain(`${first} is taken`);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-desktop-id-taken.png') });
      // Renamed before the offered id is touched, the id comes from the name again: the offer
      // goes, and comes back when the name's id is taken once more.
      await page.fill(`${form} input[name="name"]`, `${name} Kenya`);
      await idField.waitFor({ state: 'detached', ...POLL });
      await page.fill(`${form} input[name="name"]`, name);
      await page.click(`${form} button[type="submit"]`);
      await idField.waitFor(POLL);
      expect(await idField.inputValue()).toBe(second);
      await page.click(`${form} button[type="submit"]`);
      await page.waitForSelector(form, { state: 'detached', ...POLL });
      await expect
        .poll(() => inPage<string>(page, 'location.hash'), POLL)
        .toContain(`sel=${second}`);
      expect(await page.textContent('#details-title')).toBe(name);
      const found = (await (
        await fetch(new URL(`/api/search?q=${encodeURIComponent(name)}`, appUrl))
      ).json()) as { results: { id: string; label: string }[] };
      expect(
        found.results
          .filter((r) => r.label === name)
          .map((r) => r.id)
          .sort(),
      ).toEqual([first, second]);

      // Renaming another to a name taken by one of its type lists that one, with a merge.
      await page.goto(`${appUrl}/${exploreHash(renamed)}`);
      await expect
        .poll(() => page.textContent('#details-title'), POLL)
        .toBe('Digital Economy Ministry');
      await page.click('[data-testid="edit-entity"]');
      await page.waitForSelector(`${form} input[name="name"]`, POLL);
      await expect
        .poll(() => page.inputValue(`${form} input[name="name"]`), POLL)
        .toBe('Digital Economy Ministry');
      expect(await page.$('[data-testid="existing-matches"]')).toBeNull();
      await page.fill(`${form} input[name="name"]`, name);
      const matches = page.getByTestId('existing-matches');
      await matches.waitFor(POLL);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-desktop-rename-taken.png') });
      await matches
        .getByRole('button', { name: /^Merge with it: / })
        .first()
        .click();
      const dialog = page.getByTestId('merge-dialog');
      await expect
        .poll(() => dialog.getByTestId('merge-remove').textContent(), POLL)
        .toContain(name);
      expect(await dialog.getByTestId('merge-keep').textContent()).toContain(renamed);
      await page.waitForSelector(form, { state: 'detached', ...POLL });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached', ...POLL });
      // Nothing renamed, nothing merged.
      const still = await fetch(new URL(`/api/entities/${encodeURIComponent(renamed)}`, appUrl));
      expect(((await still.json()) as { label: string }).label).toBe('Digital Economy Ministry');
    } finally {
      for (const id of [second, renamed, first]) await removeEntity(id);
    }
  });

  it('lists recent changes on the overview for a signed-in reader, each opening what it changed (1280×800)', async () => {
    const name = 'Recent Changes Probe';
    const { id } = await createEntity('Organisation', { name, kind: 'ngo' });
    try {
      const page = await open({ width: 1280, height: 800 }, '');
      // Not for readers who are not signed in: the feed needs an account.
      expect(await page.$('[data-testid="recent-changes"]')).toBeNull();
      await signIn(page, editor);
      const feed = page.getByTestId('recent-changes');
      const row = feed.getByTestId('recent-change').filter({ hasText: name }).first();
      await row.waitFor(POLL);
      expect(await row.getAttribute('data-action')).toBe('entity.create');
      expect(await row.textContent()).toMatch(new RegExp(`Created.*${editor.name}`));
      // Only the reader's own: the editor made it, so it stays.
      await feed.getByLabel('Only mine').check();
      await row.waitFor(POLL);
      const actors = await feed
        .getByTestId('recent-change')
        .evaluateAll((rows) => rows.map((r) => r.querySelector('.meta')?.textContent ?? ''));
      expect(actors.every((text) => text.startsWith(`${editor.name} ·`))).toBe(true);
      await row.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'curation-desktop-recent-changes.png'),
      });
      await row.getByRole('button', { name }).click();
      await expect.poll(() => page.textContent('#details-title'), POLL).toBe(name);
      await expect.poll(() => inPage<string>(page, 'location.hash'), POLL).toContain(`sel=${id}`);
    } finally {
      await removeEntity(id);
    }
  });

  it('merges a duplicate into the entity viewed, and its id leads there (1280×800)', async () => {
    const call = await editorSession();
    const { id: keep } = await createEntity('Organisation', {
      name: 'Merge Keeper Network',
      kind: 'ngo',
    });
    const { id: duplicate } = await createEntity('Organisation', {
      name: 'Merge Keeper Network Duplicate',
      kind: 'ngo',
      website: 'https://keeper.example.org',
    });
    try {
      await joinAiCop(duplicate);
      const page = await open({ width: 1280, height: 800 }, exploreHash(keep));
      await page.waitForSelector('[data-testid="details-panel"] h2', POLL);
      await signIn(page, editor);
      await page.click('[data-testid="merge-entity"]');
      const dialog = page.getByTestId('merge-dialog');
      // The entity itself is not offered as its own duplicate.
      await dialog.locator('#merge-other').fill('Merge Keeper Network');
      await dialog.getByRole('option', { name: /Merge Keeper Network Duplicate/ }).waitFor(POLL);
      expect(await dialog.getByRole('option').allTextContents()).not.toContainEqual(
        expect.stringMatching(/Merge Keeper Network(?! Duplicate)/),
      );
      await dialog.getByRole('option', { name: /Merge Keeper Network Duplicate/ }).click();
      // What each side brings, before anything is merged.
      await expect
        .poll(() => dialog.getByTestId('merge-remove').textContent(), POLL)
        .toContain('1 relationship');
      expect(await dialog.getByTestId('merge-keep').textContent()).toContain(keep);
      // What the kept one takes, said before the merge.
      expect(await dialog.getByTestId('merge-fills').textContent()).toContain('website');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-desktop-merge.png') });
      await dialog.getByTestId('merge-confirm').click();
      await dialog.waitFor({ state: 'detached', ...POLL });
      // The kept entity has the duplicate's relationship, on the canvas and in the details.
      await expect
        .poll(
          () =>
            inPage<boolean>(
              page,
              `window.__cy.getElementById(${JSON.stringify(keep)}).edgesWith(window.__cy.getElementById(${JSON.stringify(AI_COP)})).nonempty()`,
            ),
          POLL,
        )
        .toBe(true);
      await expect
        .poll(() => page.textContent('#details-title'), POLL)
        .toBe('Merge Keeper Network');
      // The details were read again: they list what the duplicate brought.
      await expect
        .poll(() => page.textContent('[data-testid="details-panel"]'), POLL)
        .toContain('Co-leading the Community of Practice on AI');
      const moved = await fetch(new URL(`/api/entities/${encodeURIComponent(duplicate)}`, appUrl), {
        redirect: 'manual',
      });
      expect(moved.status).toBe(308);
      expect(moved.headers.get('location')).toBe(`/api/entities/${encodeURIComponent(keep)}`);
      // An old link to the merged id explores and shows the entity kept, and says so.
      const old = await context.newPage();
      await old.goto(
        `${appUrl}/#/explore?focus=${encodeURIComponent(duplicate)}&sel=${encodeURIComponent(duplicate)}`,
      );
      await expect.poll(() => old.textContent('#details-title'), POLL).toBe('Merge Keeper Network');
      expect(await old.getByTestId('merged-from').textContent()).toContain(duplicate);
      await expect
        .poll(() => inPage<string>(old, 'location.hash'), POLL)
        .toContain(`focus=${keep}`);
      await expect
        .poll(
          () =>
            inPage<boolean>(
              old,
              `window.__cy.getElementById(${JSON.stringify(keep)}).edgesWith(window.__cy.getElementById(${JSON.stringify(AI_COP)})).nonempty()`,
            ),
          POLL,
        )
        .toBe(true);
      await old.screenshot({ path: path.join(SCREENSHOTS, 'curation-desktop-merged-link.png') });
      // Following the merge replaced the old link's history entry: Back leaves, rather than
      // returning to the old link, which would follow the merge again.
      expect(await inPage<number>(old, 'history.length')).toBe(2);
      // A link that explores the merged id and selects nothing: the overview panel says so.
      await inPage(old, `location.hash = ${JSON.stringify(`#/explore?focus=${duplicate}`)}`);
      await expect
        .poll(() => old.getByTestId('overview-merged-from').textContent(), POLL)
        .toBe(`The link named ${duplicate}, since merged into Merge Keeper Network.`);
      // Deleting it from its details: the overview shows, and the keyboard focus goes to the
      // notice's Undo rather than falling to the page; closing the notice gives it to the side
      // panel.
      await page.click('[data-testid="delete-entity"]');
      await page.click('[data-testid="confirm-delete"]');
      await page.waitForSelector('[data-testid="details-panel"]', { state: 'detached', ...POLL });
      const focused = () =>
        inPage<string | null>(page, 'document.activeElement?.dataset.testid ?? null');
      await expect.poll(focused, POLL).toBe('delete-notice-undo');
      await page.keyboard.press('Escape');
      await expect
        .poll(() => inPage<string>(page, 'document.activeElement.closest("aside")?.tagName'), POLL)
        .toBe('ASIDE');
      expect((await call('GET', `/api/entities/${encodeURIComponent(keep)}`)).status).toBe(404);
    } finally {
      // The kept one first: while it stands, the merged id leads to it.
      await removeEntity(keep);
      await removeEntity(duplicate);
    }
  });

  it('undoes a merge from its notice with the keyboard, and both entities are back (1280×800)', async () => {
    const { id: keep } = await createEntity('Organisation', {
      name: 'Undo Keeper Trust',
      kind: 'ngo',
    });
    const { id: other } = await createEntity('Organisation', {
      name: 'Undo Keeper Trust Elsewhere',
      kind: 'ngo',
    });
    const onCanvas = (page: Page, id: string) =>
      inPage<boolean>(page, `window.__cy.getElementById(${JSON.stringify(id)}).nonempty()`);
    try {
      await joinAiCop(other);
      const page = await open({ width: 1280, height: 800 }, exploreHash(keep));
      await page.waitForSelector('[data-testid="details-panel"] h2', POLL);
      await signIn(page, editor);
      await page.click('[data-testid="merge-entity"]');
      const dialog = page.getByTestId('merge-dialog');
      await dialog.locator('#merge-other').fill('Undo Keeper Trust Elsewhere');
      await dialog.getByRole('option', { name: /Undo Keeper Trust Elsewhere/ }).click();
      await expect
        .poll(() => dialog.getByTestId('merge-remove').textContent(), POLL)
        .toContain(other);
      await dialog.getByTestId('merge-confirm').click();
      // The notice says it is done and offers Undo, which takes the keyboard focus from the
      // dialog that had it.
      const notice = page.getByTestId('merge-notice');
      await expect
        .poll(() => notice.textContent(), POLL)
        .toContain('Merged Undo Keeper Trust Elsewhere into Undo Keeper Trust');
      await expect
        .poll(
          () => inPage<string | null>(page, 'document.activeElement?.dataset.testid ?? null'),
          POLL,
        )
        .toBe('merge-notice-undo');
      expect(await page.getByRole('status').filter({ has: notice }).count()).toBe(1);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-desktop-merge-notice.png') });
      await page.keyboard.press('Enter');
      await expect.poll(() => notice.textContent(), POLL).toContain('Merge undone');
      // Both are back: on the canvas, and the old id answers as itself rather than with a 308.
      await expect.poll(() => onCanvas(page, other), POLL).toBe(true);
      expect(await onCanvas(page, keep)).toBe(true);
      const back = await fetch(new URL(`/api/entities/${encodeURIComponent(other)}`, appUrl), {
        redirect: 'manual',
      });
      expect(back.status).toBe(200);
      // The one brought back is selectable again, with its own relationship.
      await notice.getByTestId('merge-notice-show').click();
      await expect
        .poll(() => page.textContent('#details-title'), POLL)
        .toBe('Undo Keeper Trust Elsewhere');
      await expect
        .poll(() => page.textContent('[data-testid="details-panel"]'), POLL)
        .toContain('Co-leading the Community of Practice on AI');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-desktop-merge-undone.png') });
    } finally {
      await removeEntity(keep);
      await removeEntity(other);
    }
  });

  it('deletes an entity and brings it back from the notice with the keyboard (1280×800)', async () => {
    const call = await editorSession();
    const { id } = await createEntity('Organisation', {
      name: 'Undo Delete Foundation',
      kind: 'foundation',
    });
    const onCanvas = (page: Page) =>
      inPage<boolean>(page, `window.__cy.getElementById(${JSON.stringify(id)}).nonempty()`);
    try {
      await joinAiCop(id);
      const page = await open({ width: 1280, height: 800 }, exploreHash(id));
      await page.waitForSelector('[data-testid="details-panel"] h2', POLL);
      await signIn(page, editor);
      const focused = () =>
        inPage<string | null>(page, 'document.activeElement?.dataset.testid ?? null');
      // Delete, then confirm, from the keyboard: the question focuses "Keep it", Tab reaches Delete.
      await page.focus('[data-testid="delete-entity"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="confirm-delete"]', POLL);
      // The question reads as a sentence: the name ran into "and" (QA).
      expect(
        await page.getByRole('alertdialog', { name: 'Confirm delete' }).locator('p').textContent(),
      ).toMatch(
        /^\s*Delete Undo Delete Foundation and its 1 relationship\?\s+Any annotations naming it go too\. The change/,
      );
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('confirm-delete');
      await page.keyboard.press('Enter');
      const notice = page.getByTestId('delete-notice');
      await expect
        .poll(() => notice.textContent(), POLL)
        .toContain('Deleted Undo Delete Foundation');
      await expect.poll(() => onCanvas(page), POLL).toBe(false);
      expect((await call('GET', `/api/entities/${encodeURIComponent(id)}`)).status).toBe(404);
      await expect.poll(focused, POLL).toBe('delete-notice-undo');
      expect(await page.getByRole('status').filter({ has: notice }).count()).toBe(1);
      // The whole graph's counts are read again: the tile had said one organisation more than the
      // graph holds, and than the legend beside it (QA).
      const organisationsTile = () =>
        page.locator('.stat', { hasText: 'Organisations' }).locator('dd').textContent();
      const stats = (await (await call('GET', '/api/stats')).json()) as {
        entities: { type: string; count: number }[];
      };
      const organisations = stats.entities.find((entry) => entry.type === 'Organisation')!.count;
      await expect
        .poll(async () => (await organisationsTile())?.trim(), POLL)
        .toBe(String(organisations));
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-desktop-delete-notice.png') });

      await page.keyboard.press('Enter');
      await expect
        .poll(() => notice.textContent(), POLL)
        .toContain('Undo Delete Foundation is back, with 1 relationship');
      // Back on the canvas with its relationship, answering again, and selectable.
      await expect.poll(() => onCanvas(page), POLL).toBe(true);
      expect((await call('GET', `/api/entities/${encodeURIComponent(id)}`)).status).toBe(200);
      await expect.poll(focused, POLL).toBe('delete-notice-show');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.textContent('#details-title'), POLL)
        .toBe('Undo Delete Foundation');
      await expect
        .poll(() => page.textContent('[data-testid="details-panel"]'), POLL)
        .toContain('Co-leading the Community of Practice on AI');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-desktop-delete-undone.png') });
      // The notice beside the details, judged as accessibility.test.ts judges the screens (the
      // canvas's drawing surface aside: pixels, nothing for axe to read).
      await page.mouse.move(0, 0);
      const failing = (await axeViolations(page, { exclude: ['.canvas > .cy'] })).filter((v) =>
        FAILING_IMPACTS.includes(v.impact ?? ''),
      );
      expect(
        failing.map((v) => v.id),
        describeViolations(failing),
      ).toEqual([]);
      // Its history says so, and offers no second undo.
      await page.click('[data-testid="history-tab"]');
      await expect
        .poll(() => page.getByTestId('history-event').first().textContent(), POLL)
        .toContain('Delete undone');
      expect(await page.getByTestId('history-undo-delete').count()).toBe(0);
    } finally {
      await removeEntity(id);
    }
  });

  it('draws a neighbourhood explored before a delete without the deleted entity, and opens a form on its first field (1280×800)', async () => {
    const { id } = await createEntity('Organisation', {
      name: 'Gone Before Foundation',
      kind: 'foundation',
    });
    const onCanvas = (page: Page) =>
      inPage<boolean>(page, `window.__cy.getElementById(${JSON.stringify(id)}).nonempty()`);
    try {
      await joinAiCop(id);
      const page = await open({ width: 1280, height: 800 }, exploreHash(AI_COP));
      await expect.poll(() => onCanvas(page), POLL).toBe(true);
      await page.evaluate(`location.hash = ${JSON.stringify(exploreHash(id))}`);
      await expect
        .poll(() => page.textContent('#details-title'), POLL)
        .toBe('Gone Before Foundation');
      await signIn(page, editor);
      // A form opens on its first field: the title bar's × had the focus, and typing went nowhere.
      await page.click('[data-testid="edit-entity"]');
      await expect
        .poll(() => inPage<string>(page, 'document.activeElement?.tagName ?? ""'), POLL)
        .toMatch(/^(INPUT|SELECT|TEXTAREA)$/);
      await page.keyboard.press('Escape');
      await page.click('[data-testid="delete-entity"]');
      await page.click('[data-testid="confirm-delete"]');
      await expect
        .poll(() => page.getByTestId('delete-notice').textContent(), POLL)
        .toContain('Deleted Gone Before Foundation');
      // Back where the canvas was before: the answer read then still held the entity (QA).
      await page.evaluate(`location.hash = ${JSON.stringify(exploreHash(AI_COP))}`);
      await expect
        .poll(() => page.textContent('#details-title'), POLL)
        .toBe('Co-leading the Community of Practice on AI');
      await page.waitForSelector('[data-graph-state="ready"]', POLL);
      await expect.poll(() => onCanvas(page), POLL).toBe(false);
    } finally {
      await removeEntity(id);
    }
  });

  /** Whether a tap at the middle of `selector` reaches it rather than something lying over it. */
  const reachable = (page: Page, selector: string) =>
    inPage<boolean>(
      page,
      `(() => {
        const target = document.querySelector(${JSON.stringify(selector)});
        if (!target) return false;
        const box = target.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return hit !== null && target.contains(hit);
      })()`,
    );

  it.each([
    {
      name: 'phone',
      viewport: { width: 390, height: 844 },
      device: { isMobile: true, hasTouch: true },
    },
    { name: 'desktop', viewport: { width: 1440, height: 900 }, device: {} },
  ])(
    'leaves the canvas bar usable while a delete’s notice stands ($name, $viewport.width×$viewport.height)',
    async ({ name, viewport, device }) => {
      const { id } = await createEntity('Organisation', {
        name: 'Notice Room Foundation',
        kind: 'foundation',
      });
      try {
        await joinAiCop(id);
        const page = await open(viewport, exploreHash(AI_COP, id), device);
        await page.waitForSelector('[data-testid="details-panel"] h2', POLL);
        await signIn(page, editor);
        await page.click('[data-testid="delete-entity"]');
        await page.click('[data-testid="confirm-delete"]');
        const notice = page.getByTestId('delete-notice');
        await expect
          .poll(() => notice.textContent(), POLL)
          .toContain('Deleted Notice Room Foundation');
        await page.screenshot({
          path: path.join(SCREENSHOTS, `curation-${name}-delete-notice-bar.png`),
        });
        // On a phone the notice lay over the canvas bar: the layout could not be changed while it stood.
        expect(await reachable(page, '[data-testid="layout-select"]')).toBe(true);
        expect(await reachable(page, '[data-testid="delete-notice-undo"]')).toBe(true);

        await page.click('[data-testid="delete-notice-undo"]');
        await expect
          .poll(() => notice.textContent(), POLL)
          .toContain('Notice Room Foundation is back');
        expect(await reachable(page, '[data-testid="layout-select"]')).toBe(true);
        expect(await reachable(page, '[data-testid="delete-notice-show"]')).toBe(true);
        await page.screenshot({
          path: path.join(SCREENSHOTS, `curation-${name}-delete-undone-bar.png`),
        });
      } finally {
        await removeEntity(id);
      }
    },
  );

  it('an old link to a deleted entity: its undo refused, as someone else brought it back, shows it back with the refusal (1280×800)', async () => {
    const call = await editorSession();
    const { id, version } = await createEntity('Organisation', {
      name: 'Stale Undo Foundation',
      kind: 'foundation',
    });
    const entity = `/api/curation/entities/${encodeURIComponent(id)}`;
    try {
      const removed = await call('DELETE', `${entity}?version=${version}`);
      expect(removed.status).toBe(204);
      const page = await open(
        { width: 1280, height: 800 },
        `#/explore?sel=${encodeURIComponent(id)}`,
      );
      await signIn(page, editor);
      const block = page.getByTestId('deleted-entity-undo');
      const undo = block.getByRole('button', { name: /^Undo this delete/ });
      await undo.waitFor(POLL);
      // Brought back by someone else, behind the page's back: the page still offers the undo.
      const auditId = removed.headers.get('audit-id');
      expect((await call('POST', '/api/curation/delete/undo', { auditId })).status).toBe(200);
      await undo.click();
      // The server refuses; the page reads again what it shows: the entity is there, and its
      // details replace "Entity not found" and its stale offer, the refusal kept in the notice.
      await expect
        .poll(() => page.getByTestId('delete-notice').textContent(), POLL)
        .toContain('could not be undone');
      await expect
        .poll(() => page.textContent('#details-title'), POLL)
        .toBe('Stale Undo Foundation');
      expect(await block.count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Undo this delete/ }).count()).toBe(0);
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'curation-desktop-deleted-entity-undo-refused.png'),
      });
      // The old link's entity answered 404 before it was back: the browser logs that as a failed
      // load, and that is what the page was opened to show.
      const rest = pageErrors.filter((message) => !message.includes('status of 404'));
      pageErrors.splice(0, pageErrors.length, ...rest);
    } finally {
      await removeEntity(id);
    }
  });

  it('undoes a relationship’s delete from History, and History shows the truth after an undo refused (1280×800)', async () => {
    const call = await editorSession();
    const { id } = await createEntity('Organisation', { name: 'Undo Link Trust', kind: 'ngo' });
    const link = `/api/curation/relationships?${new URLSearchParams({ from: id, type: 'PARTICIPATES_IN', to: AI_COP })}`;
    try {
      await joinAiCop(id);
      const page = await open({ width: 1280, height: 800 }, exploreHash(id));
      await page.waitForSelector('[data-testid="details-panel"] h2', POLL);
      await signIn(page, editor);
      const linked = () =>
        inPage<boolean>(
          page,
          `window.__cy.getElementById(${JSON.stringify(id)}).edgesWith(window.__cy.getElementById(${JSON.stringify(AI_COP)})).nonempty()`,
        );
      await expect.poll(linked, POLL).toBe(true);
      // Removed from the details, its notice closed: History is where it is undone from now.
      await page.click('[data-testid="unlink"]');
      await page.click('[data-testid="confirm-unlink"]');
      const notice = page.getByTestId('delete-notice');
      await notice.waitFor(POLL);
      await expect.poll(linked, POLL).toBe(false);
      expect((await call('GET', link)).status).toBe(404);
      await page.click('[data-testid="delete-notice-close"]');
      await page.click('[data-testid="history-tab"]');
      const history = page.getByTestId('history');
      const undo = history.getByTestId('history-undo-delete');
      await undo.click(POLL);
      await expect.poll(() => notice.textContent(), POLL).toContain('Back: Undo Link Trust');
      // Back on the canvas and in the graph, and its history says so, with no second undo.
      await expect.poll(linked, POLL).toBe(true);
      expect((await call('GET', link)).status).toBe(200);
      const newest = () => history.getByTestId('history-event').first().getAttribute('data-action');
      await expect.poll(newest, POLL).toBe('relationship.restore');
      expect(await undo.count()).toBe(0);

      // Removed again and undone by someone else, behind the page's back: its History, read
      // before that undo, still offers it; the server refuses, and History then shows the undo
      // that happened, offers none, and keeps the refusal, where the button's focus went.
      const removed = await call('DELETE', link);
      expect(removed.status).toBe(204);
      await page.click('[role="tab"]:not([data-testid="history-tab"])');
      await page.click('[data-testid="history-tab"]');
      await undo.waitFor(POLL);
      const auditId = removed.headers.get('audit-id');
      expect((await call('POST', '/api/curation/delete/undo', { auditId })).status).toBe(200);
      await undo.click();
      await expect.poll(() => notice.textContent(), POLL).toContain('could not be undone');
      await expect.poll(newest, POLL).toBe('relationship.restore');
      await expect.poll(() => undo.count(), POLL).toBe(0);
      const refusal = history.getByTestId('undo-refusal');
      expect(await refusal.isVisible()).toBe(true);
      expect(await refusal.getAttribute('role')).toBe('alert');
      expect(
        await inPage<string | null>(page, 'document.activeElement?.dataset.testid ?? null'),
      ).toBe('undo-refusal');
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'curation-desktop-history-undo-refused.png'),
      });
    } finally {
      await removeEntity(id);
    }
  });

  it('offers a merge’s undo in History, and shows the truth when someone else undid it first (1280×800)', async () => {
    const call = await editorSession();
    const keep = await createEntity('Organisation', { name: 'History Merge Keeper', kind: 'ngo' });
    const other = await createEntity('Organisation', {
      name: 'History Merge Keeper Twin',
      kind: 'ngo',
    });
    try {
      const merged = await call('POST', '/api/curation/merge', {
        keep: keep.id,
        remove: other.id,
        keepVersion: keep.version,
        removeVersion: other.version,
      });
      expect(merged.status).toBe(200);
      const { auditId } = (await merged.json()) as { auditId: string };
      const page = await open({ width: 1280, height: 800 }, exploreHash(keep.id));
      await page.waitForSelector('[data-testid="details-panel"] h2', POLL);
      await signIn(page, editor);
      await page.click('[data-testid="history-tab"]');
      const history = page.getByTestId('history');
      const undo = history.getByTestId('history-undo-merge');
      await undo.waitFor(POLL);
      expect(await undo.getAttribute('aria-label')).toContain(
        'separate History Merge Keeper Twin from History Merge Keeper',
      );
      // Undone by someone else, behind the page's back: the server refuses this page's undo, and
      // History reads again, showing the undo that happened, offering none, the refusal kept.
      expect((await call('POST', '/api/curation/merge/undo', { auditId })).status).toBe(200);
      await undo.click();
      const notice = page.getByTestId('merge-notice');
      await expect.poll(() => notice.textContent(), POLL).toContain('could not be undone');
      const newest = () => history.getByTestId('history-event').first().getAttribute('data-action');
      await expect.poll(newest, POLL).toBe('entity.unmerge');
      await expect.poll(() => undo.count(), POLL).toBe(0);
      const refusal = history.getByTestId('undo-refusal');
      expect(await refusal.isVisible()).toBe(true);
      expect(await refusal.getAttribute('role')).toBe('alert');
      expect(
        await inPage<string | null>(page, 'document.activeElement?.dataset.testid ?? null'),
      ).toBe('undo-refusal');
      // The twin is its own entity again, as the server says.
      const twin = await fetch(new URL(`/api/entities/${encodeURIComponent(other.id)}`, appUrl), {
        redirect: 'manual',
      });
      expect(twin.status).toBe(200);
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'curation-desktop-history-merge-undo-refused.png'),
      });
    } finally {
      await removeEntity(keep.id);
      await removeEntity(other.id);
    }
  });

  it('keeps the search box usable on a phone when signed in, the account behind the avatar (390×844)', async () => {
    const page = await open({ width: 390, height: 844 }, '#/explore');
    await signIn(page, editor);
    const search = await page.getByRole('combobox').first().boundingBox();
    // Signed in, "Sign out" spelled out left it 25 px ("Sea").
    expect(search?.width ?? 0).toBeGreaterThan(100);
    const menu = page.getByTestId('account-menu');
    await menu.locator('summary').click();
    await expect.poll(() => menu.textContent(), POLL).toContain(editor.name);
    // A tap elsewhere closes it.
    await page.mouse.click(200, 500);
    await expect.poll(() => menu.getAttribute('open'), POLL).toBeNull();
    await menu.locator('summary').click();
    await menu.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForSelector('[data-testid="sign-in"]', POLL);
  });

  it('edits a DPG’s other names and sectors, one per line (1280×800)', async () => {
    const call = await editorSession();
    const { id } = await createEntity('DPG', { name: 'Sectorless Test Platform' });
    try {
      const page = await open({ width: 1280, height: 800 }, exploreHash(id));
      await page.waitForSelector('[data-testid="details-panel"] h2', POLL);
      await signIn(page, editor);
      await page.click('[data-testid="edit-entity"]');
      const form = '[data-testid="entity-form"]';
      await page.fill(`${form} textarea[name="aliases"]`, 'STP\nSectorless');
      await page.fill(`${form} textarea[name="sectors"]`, 'identity\n civil registration ');
      await page.click(`${form} button[type="submit"]`);
      await page.waitForSelector(form, { state: 'detached', ...POLL });
      const state = (await (
        await call('GET', `/api/curation/entities/${encodeURIComponent(id)}`)
      ).json()) as { properties: Record<string, unknown> };
      expect(state.properties).toMatchObject({
        aliases: ['STP', 'Sectorless'],
        sectors: ['identity', 'civil registration'],
      });
      // Opened again, the form shows them one per line.
      await page.click('[data-testid="edit-entity"]');
      expect(await page.inputValue(`${form} textarea[name="sectors"]`)).toBe(
        'identity\ncivil registration',
      );
      // Closed with Escape, the dialog gives focus back to the button that opened it.
      await page.keyboard.press('Escape');
      await page.waitForSelector(form, { state: 'detached', ...POLL });
      await expect
        .poll(
          () => inPage<string | null>(page, `document.activeElement?.dataset.testid ?? null`),
          POLL,
        )
        .toBe('edit-entity');
    } finally {
      await removeEntity(id);
    }
  });

  it('shows a stale edit as a conflict and re-applies it (1024×768)', async () => {
    const call = await editorSession();
    const { id } = await createEntity('Organisation', {
      name: 'Conflict Test Foundation',
      kind: 'foundation',
    });
    try {
      const page = await open({ width: 1024, height: 768 }, exploreHash(id));
      await signIn(page, editor);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-tablet-signed-in.png') });
      await page.click('[data-testid="edit-entity"]');
      const form = '[data-testid="entity-form"]';
      await page.waitForSelector(`${form} input[name="name"]`, POLL);
      await expect
        .poll(() => page.inputValue(`${form} input[name="name"]`), POLL)
        .toBe('Conflict Test Foundation');

      // Someone else changes it meanwhile.
      const state = (await (
        await call('GET', `/api/curation/entities/${encodeURIComponent(id)}`)
      ).json()) as { version: number };
      const theirs = await call('PATCH', `/api/curation/entities/${encodeURIComponent(id)}`, {
        version: state.version,
        properties: { description: 'Changed behind your back.' },
      });
      expect(theirs.status).toBe(200);

      await page.fill(`${form} textarea[name="description"]`, 'My own description.');
      await page.click(`${form} button[type="submit"]`);
      await page.waitForSelector('[data-testid="edit-conflict"]', POLL);
      expect(await page.textContent('[data-testid="edit-conflict"]')).toContain(
        'Changed behind your back.',
      );
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-tablet-conflict.png') });

      await page.click('[data-testid="edit-conflict"] button.primary');
      await page.waitForSelector(form, { state: 'detached', ...POLL });
      const after = (await (
        await call('GET', `/api/curation/entities/${encodeURIComponent(id)}`)
      ).json()) as { properties: { description?: string } };
      expect(after.properties.description).toBe('My own description.');
    } finally {
      await removeEntity(id);
    }
  });

  it('a session ended in another tab: the save signs the page out, asks to sign in, and the form keeps what was typed (1280×800)', async () => {
    provoked = ['401'];
    const call = await editorSession();
    const { id } = await createEntity('Organisation', { name: 'Session Test Foundation' });
    try {
      const page = await open({ width: 1280, height: 800 }, exploreHash(id));
      await signIn(page, editor);
      await page.click('[data-testid="edit-entity"]');
      const form = '[data-testid="entity-form"]';
      await page.waitForSelector(`${form} input[name="name"]`, POLL);
      await page.fill(`${form} textarea[name="description"]`, 'Typed before the session ended.');
      // Signed out in another tab: the same cookies, ended on the server.
      const ended = await inPage<number>(
        page,
        `fetch('/api/auth/session', {
          method: 'DELETE',
          headers: { 'x-csrf-token': decodeURIComponent(document.cookie.match(/dpgx_csrf=([^;]+)/)[1]) },
        }).then((r) => r.status)`,
      );
      expect(ended).toBe(204);
      await page.click(`${form} button[type="submit"]`);
      const dialog = page.getByTestId('sign-in-dialog');
      await page.getByTestId('session-ended').waitFor(POLL);
      // The form says why it was not saved, in the reader's words, and the header is signed out.
      expect(await page.textContent(form)).toContain('Not saved: you are signed out');
      expect(await page.textContent(form)).not.toContain('POST /api/auth/session');
      expect(await page.locator('[data-testid="account-menu"]:visible').count()).toBe(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-session-ended.png') });
      await dialog.locator('input[name="name"]').fill(editor.name);
      await dialog.locator('input[name="password"]').fill(editor.password);
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached', ...POLL });
      expect(await page.inputValue(`${form} textarea[name="description"]`)).toBe(
        'Typed before the session ended.',
      );
      await page.click(`${form} button[type="submit"]`);
      await page.waitForSelector(form, { state: 'detached', ...POLL });
      const after = (await (
        await call('GET', `/api/curation/entities/${encodeURIComponent(id)}`)
      ).json()) as { properties: { description?: string } };
      expect(after.properties.description).toBe('Typed before the session ended.');
    } finally {
      await removeEntity(id);
    }
  });
});
