/**
 * Signing in from the app's header in a browser test, as a person does: the sign-in dialog, then
 * the account shown, spelled out in the header or, on a phone, behind the avatar (account-menu).
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
