// A translator's second package arriving after her third must not undo the third: the app says the
// package is older than the copy it has, and takes nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchApp } from './harness/launch-app';
import { expect, openPackageSummary, screenshotPath, sendPackage, test, translateFirstSegment } from './fixtures';

async function openPackage(page: Page) {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  return openPackageSummary(page, 'told by phone');
}

test('an older package received after a newer one takes nothing and says so; the newer translation stays', async ({ launch }) => {
  const translatorDir = await mkdtemp(join(tmpdir(), 'testimony-e2e-translator-'));
  const packages = await mkdtemp(join(tmpdir(), 'testimony-e2e-packages-'));
  const interviewer = await launch();
  const translator = await launchApp({ dataDir: translatorDir });
  try {
    const a = interviewer.page;
    await a.getByRole('button', { name: 'Open sample interview' }).click();
    await expect(a.getByText('20 segments')).toBeVisible();
    await interviewer.answerSaveDialog(join(packages, 'first.testimony'));
    await sendPackage(a, 'interviewer', 'told by phone');

    const b = translator.page;
    await translator.answerOpenDialog(join(packages, 'first.testimony'));
    const added = await openPackage(b);
    await added.getByRole('button', { name: 'Add', exact: true }).click();
    await added.getByRole('button', { name: 'Open the interview' }).click();
    await translateFirstSegment(b, 'Second version');
    await translator.answerSaveDialog(join(packages, 'second.testimony'));
    await sendPackage(b, 'translator', 'told by phone');
    await translateFirstSegment(b, 'Third version');
    await translator.answerSaveDialog(join(packages, 'third.testimony'));
    await sendPackage(b, 'translator', 'told by phone');

    await interviewer.answerOpenDialog(join(packages, 'third.testimony'));
    const third = await openPackage(a);
    await third.getByRole('button', { name: 'Merge', exact: true }).click();
    await third.getByRole('button', { name: 'Open the interview' }).click();
    await a.getByRole('tab', { name: 'Translate' }).click();
    await expect(a.getByLabel('Translation of segment 1', { exact: true })).toHaveValue('Third version');

    await interviewer.answerOpenDialog(join(packages, 'second.testimony'));
    const second = await openPackage(a);
    await second.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(second.getByRole('alert')).toContainText(/This package is older than your copy: made .* by translator, who has sent a newer one since .*Nothing was taken\./);
    await a.screenshot({ path: screenshotPath('older-package-refused'), fullPage: true });
    await second.getByRole('button', { name: 'Close' }).click();
    await a.getByRole('button', { name: '장마당에서 자란 아이 — Growing up in the market', exact: true }).click();
    await a.getByRole('tab', { name: 'Translate' }).click();
    await expect(a.getByLabel('Translation of segment 1', { exact: true })).toHaveValue('Third version');
    expect(translator.outsideRequests).toEqual([]);
  } finally {
    await translator.close();
    await rm(translatorDir, { recursive: true, force: true });
    await rm(packages, { recursive: true, force: true });
  }
});
