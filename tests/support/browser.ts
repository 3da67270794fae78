/**
 * Debian's Chromium for the end-to-end tests (never a downloaded browser), with the flags this
 * machine's closed network needs, the viewports the explorer is checked at, and where
 * screenshots go (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results');

export const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'tablet', width: 1024, height: 768 },
] as const;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // Chromium 156 preloads its omnibox popups' WebUI in a renderer of their own for every new
  // browser context: ~1.3 s of CPU per page load on two cores, a cost of headless tests opening a
  // fresh context per load, not of the page (a reader's browser preloads them once, at start).
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

/** Launches Chromium and makes sure the screenshot folder exists. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Evaluates a JavaScript expression in the page and answers its value. A string, because the
 * test files have no DOM types; page.evaluate hands it to DevTools, which the app's CSP allows.
 */
export function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

/**
 * Waits until `expression` is truthy in the page, polling through DevTools. Not
 * page.waitForFunction with a string: it runs the string with eval inside the page when the
 * first check is false, which the app's CSP (no 'unsafe-eval') refuses; CI failed on that.
 */
export async function waitInPage(
  page: Page,
  expression: string,
  { timeout = 15_000, interval = 100 }: { timeout?: number; interval?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    // A navigation between two checks destroys the page's context: check again in the new one.
    const truthy = await inPage<unknown>(page, expression).catch((error: unknown) => {
      if (error instanceof Error && /context was destroyed|navigat/i.test(error.message))
        return false;
      throw error;
    });
    if (truthy) return;
    if (Date.now() >= deadline) {
      throw new Error(`waited ${timeout} ms for the page to make true: ${expression}`);
    }
    await page.waitForTimeout(interval);
  }
}
