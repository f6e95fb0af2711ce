// Specs get a fresh data folder and `launch()`, which starts the app on it (again and again, for
// relaunch tests). After each test: nothing may have left the app, and every app is closed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { launchApp, type LaunchedApp } from './harness/launch-app';

type Fixtures = {
  dataDir: string;
  launch: (options?: { firstRun?: boolean; now?: Date }) => Promise<LaunchedApp>;
};

export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern, so it must be one.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'testimony-e2e-'));
    await use(dir);
    // Work a test leaves running (a waveform's peaks still being written after a last import) may
    // add a file while the folder is removed: removal retries rather than failing the test.
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  },
  launch: async ({ dataDir }, use, testInfo) => {
    const launched: LaunchedApp[] = [];
    await use(async (options = {}) => {
      const app = await launchApp({ dataDir, ...options });
      testInfo.annotations.push({ type: 'transport', description: app.transport });
      if (launched.length === 0) console.log(`[e2e] ${testInfo.title}: running on ${app.transport}`);
      launched.push(app);
      return app;
    });
    for (const app of launched) await app.close().catch(() => undefined);
    expect(launched.flatMap((app) => app.outsideRequests), 'requests that left the app').toEqual([]);
  },
});

export { expect };

export const screenshotPath = (name: string) => join(__dirname, '..', 'e2e-artifacts', 'screenshots', `${name}.png`);

/**
 * Closes the window as Electron does when its close button is pressed: beforeunload runs, and a
 * handler that prevents it keeps the window open until the app closes it itself (window.close(),
 * once it has saved). Headless Chromium closes a page whose beforeunload was prevented anyway,
 * without a dialog, and ignores window.close() on a page it did not open by script: that cut short
 * the very save a test of closing is there to check (seen failing 1 run in 6 under load).
 */
export async function closeLikeElectron(page: Page): Promise<void> {
  const keptOpen = await page.evaluate(() => {
    const flags = window as unknown as { closedByApp?: boolean };
    window.close = () => void (flags.closedByApp = true);
    return !window.dispatchEvent(new Event('beforeunload', { cancelable: true }));
  });
  if (keptOpen) await page.waitForFunction(() => (window as unknown as { closedByApp?: boolean }).closedByApp === true, undefined, { timeout: 30_000 });
  await page.close();
}

/** Creates an interview from the library, as a person would, and waits for it to open. */
export async function createInterview(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Create interview' }).first().click();
  await page.getByRole('dialog').getByLabel('Title').fill(title);
  await page.getByRole('dialog').getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByTestId('save-state')).toBeVisible();
}

/** Sends the open interview as a package locked with `passphrase`, as "Send…" does; the save dialog must be answered first. */
export async function sendPackage(page: Page, sender: string, passphrase: string): Promise<void> {
  await page.getByRole('button', { name: 'Send…' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('You, as the receiver will see it').fill(sender);
  await dialog.getByLabel('Package passphrase').fill(passphrase);
  await dialog.getByRole('button', { name: 'Send…' }).click();
  await expect(dialog.getByRole('status')).toContainText('Saved');
  await dialog.getByRole('button', { name: 'Close' }).click();
}

/** Opens a package from the library (the open dialog answered first) up to its summary; returns the dialog. */
export async function openPackageSummary(page: Page, passphrase: string) {
  await page.getByRole('button', { name: 'Open package…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Package passphrase').fill(passphrase);
  await dialog.getByRole('button', { name: 'Choose the file…' }).click();
  await expect(dialog.getByTestId('package-summary')).toBeVisible();
  return dialog;
}

/** The editor allows (A, one key each) every name the review before an export lists, until none is left. */
export async function allowEveryListedName(page: Page): Promise<void> {
  const review = page.getByTestId('unlisted-names');
  while ((await review.getByTestId('unlisted-name').count()) > 0) {
    const first = review.getByTestId('unlisted-name').first();
    const name = (await first.locator('.name').textContent()) ?? '';
    await first.focus();
    await page.keyboard.press('a');
    await expect(review.getByTestId('unlisted-name').filter({ hasText: name })).toHaveCount(0);
  }
}

/** Types a translation for segment 1 in the Translate view and waits until it is saved. */
export async function translateFirstSegment(page: Page, text: string): Promise<void> {
  await page.getByRole('tab', { name: 'Translate' }).click();
  await page.getByLabel('Translation of segment 1', { exact: true }).fill(text);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}
