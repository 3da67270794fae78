/**
 * axe-core, the accessibility engine, run inside a page of the e2e app: its script is handed to
 * the page through DevTools (the app's CSP, `script-src 'self'`, refuses an inline script tag), and
 * its answer comes back as plain data with each violation's rule, impact, help and where it is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { inPage, waitInPage } from './browser.ts';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The WCAG 2.0 and 2.1 success criteria at levels A and AA: what the explorer claims to meet. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/**
 * The rules run: WCAG A/AA and axe's best practices, which hold the page's structure as a screen
 * reader navigates it (one h1, headings in order, landmarks not nested): WCAG leaves those to
 * judgement, and the page had no h1 without a WCAG rule to say so.
 */
export const RULE_TAGS = [...WCAG_AA_TAGS, 'best-practice'] as const;

/**
 * The impacts a test fails on: all but minor. Serious and critical block or badly hinder a keyboard
 * or screen-reader user; moderate ones (no h1, a landmark inside a dialog) once none was left on
 * the checked screens, so that a new one is seen when it comes rather than logged and missed.
 */
export const FAILING_IMPACTS: readonly string[] = ['moderate', 'serious', 'critical'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** One entry per offending element: its CSS selector, the start of its HTML, what axe found. */
  targets: string[];
}

export interface AxeOptions {
  /** Selectors axe leaves out, each with the reason in the caller. */
  exclude?: readonly string[];
}

/**
 * Runs axe on the whole document against RULE_TAGS and answers its violations. Waits
 * first for finite CSS animations and transitions to end: a panel fading in has, half-way, text
 * too faint for its contrast, which is the animation and not the design.
 */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  await waitInPage(
    page,
    `document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)`,
  );
  if (!(await inPage<boolean>(page, 'typeof window.axe === "object"')))
    await page.evaluate(AXE_SOURCE);
  const context = { include: [['html']], exclude: (options.exclude ?? []).map((s) => [s]) };
  const runOptions = {
    runOnly: { type: 'tag', values: RULE_TAGS },
    resultTypes: ['violations'],
  };
  return inPage<AxeViolation[]>(
    page,
    `axe.run(${JSON.stringify(context)}, ${JSON.stringify(runOptions)}).then((results) =>
      results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map((n) =>
          [n.target.map((t) => [].concat(t).join(' > ')).join(' >>> '),
           n.html.slice(0, 100),
           ...[...n.any, ...n.all, ...n.none].map((check) => check.message)].join(' — ')),
      })))`,
  );
}

/** One line per violation and one indented line per element, for a failure message or a log. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n${v.targets.map((t) => `    at ${t}`).join('\n')}`,
    )
    .join('\n');
}
