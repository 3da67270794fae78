/**
 * Signing in for a browser test: from the app's header, as a person does (the sign-in dialog, then
 * the account shown, spelled out in the header or, on a phone, behind the avatar: account-menu),
 * or from the test program, behind the page's back, to set up and clean up what a test needs.
 */
import type { Page } from 'playwright-core';

/** Signs `account` in from the header and waits until the page shows it signed in. */
export async function signIn(
  page: Page,
  account: { name: string; password: string },
  timeout = 15_000,
): Promise<void> {
  await page.click('[data-testid="sign-in"]');
  await page.fill('[data-testid="sign-in-dialog"] input[name="name"]', account.name);
  await page.fill('[data-testid="sign-in-dialog"] input[name="password"]', account.password);
  await page.click('[data-testid="sign-in-dialog"] button[type="submit"]');
  await page
    .locator('[data-testid="signed-in"]:visible, [data-testid="account-menu"]:visible')
    .first()
    .waitFor({ timeout });
}

/** A call of the app's API in the session of a signed-in account: cookie and CSRF header sent. */
export type ApiCall = (method: string, path: string, body?: unknown) => Promise<Response>;

/** Signs `account` in to the app at `appUrl` from the test program (behind the page's back). */
export async function apiSession(
  appUrl: string,
  account: { name: string; password: string },
): Promise<ApiCall> {
  const session = await fetch(new URL('/api/auth/session', appUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (session.status !== 201)
    throw new Error(`sign-in.ts: ${account.name} could not sign in (${session.status})`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const cookie = session.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return (method, path, body) =>
    fetch(new URL(path, appUrl), {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}
