import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchApp } from './harness/launch-app';
import { expect, openPackageSummary, screenshotPath, sendPackage, test, translateFirstSegment } from './fixtures';

async function openPackage(page: Page, passphrase: string, action: 'Add' | 'Merge') {
  const dialog = await openPackageSummary(page, passphrase);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog.getByTestId('package-received')).toBeVisible();
  return dialog;
}

test('interviewer and translator hand an interview back and forth; one same-field edit is one conflict, resolved as theirs and, after undo, as mine', async ({ launch }) => {
  const translatorDir = await mkdtemp(join(tmpdir(), 'testimony-e2e-translator-'));
  const packages = await mkdtemp(join(tmpdir(), 'testimony-e2e-packages-'));
  const interviewer = await launch();
  const translator = await launchApp({ dataDir: translatorDir });
  try {
    const a = interviewer.page;
    await a.getByRole('button', { name: 'Open sample interview' }).click();
    await expect(a.getByText('20 segments')).toBeVisible();
    await interviewer.answerSaveDialog(join(packages, 'to-translator.testimony'));
    await sendPackage(a, 'interviewer', 'told by phone 1');

    // The translator drops the file on the library window.
    const b = translator.page;
    const packageBytes = (await readFile(join(packages, 'to-translator.testimony'))).toString('base64');
    const transfer = await b.evaluateHandle((data) => {
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([Uint8Array.from(atob(data), (char) => char.charCodeAt(0))], 'to-translator.testimony'));
      return dataTransfer;
    }, packageBytes);
    await b.locator('section.library').dispatchEvent('drop', { dataTransfer: transfer });
    const added = b.getByRole('dialog');
    await expect(added.getByTestId('dropped-package')).toHaveText('to-translator.testimony');
    await added.getByLabel('Package passphrase').fill('told by phone 1');
    await added.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(added.getByTestId('package-summary')).toContainText('interviewer');
    await added.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(added).toContainText('Added, with 20 segments.');
    await added.getByRole('button', { name: 'Open the interview' }).click();
    await translateFirstSegment(b, 'Translator wording');
    await translator.answerSaveDialog(join(packages, 'back.testimony'));
    await sendPackage(b, 'translator', 'told by phone 2');

    await translateFirstSegment(a, 'Interviewer wording');
    await a.getByRole('button', { name: '← Library' }).click().catch(() => undefined);
    await a.getByRole('button', { name: 'Library', exact: true }).click();
    await interviewer.answerOpenDialog(join(packages, 'back.testimony'));
    const merged = await openPackage(a, 'told by phone 2', 'Merge');
    await expect(merged).toContainText('1 to choose in the Translate view');
    await merged.getByRole('button', { name: 'Open the interview' }).click();
    await a.getByRole('tab', { name: 'Translate' }).click();
    const conflicts = a.getByTestId('conflict');
    await expect(conflicts).toHaveCount(1);
    await expect(conflicts.first().getByTestId('mine')).toHaveText('Interviewer wording');
    await expect(conflicts.first().getByTestId('theirs')).toHaveText('Translator wording');
    await a.screenshot({ path: screenshotPath('handoff-conflict'), fullPage: true });
    // Undo the merge: the interview and its base go back; merging again asks again.
    await a.getByRole('button', { name: 'Undo the merge' }).click();
    await expect(conflicts).toHaveCount(0);
    await expect(a.getByLabel('Translation of segment 1', { exact: true })).toHaveValue('Interviewer wording');
    await a.getByRole('button', { name: 'Library', exact: true }).click();
    await interviewer.answerOpenDialog(join(packages, 'back.testimony'));
    const remerged = await openPackage(a, 'told by phone 2', 'Merge');
    await remerged.getByRole('button', { name: 'Open the interview' }).click();
    await a.getByRole('tab', { name: 'Translate' }).click();
    await expect(conflicts).toHaveCount(1);
    await conflicts.first().focus();
    await a.keyboard.press('t');
    await expect(conflicts).toHaveCount(0);
    await expect(a.getByLabel('Translation of segment 1', { exact: true })).toHaveValue('Translator wording');
    await expect(a.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

    // Resolved the other way: undo that merge (through the same channel the button uses), merge, keep mine.
    await a.getByRole('button', { name: 'Library', exact: true }).click();
    await interviewer.answerOpenDialog(join(packages, 'back.testimony'));
    type Desk = Record<string, (args: object) => Promise<{ ok: boolean; value: { interviews: { id: string }[] } }>>;
    const id = await a.evaluate(async () => (await (window as unknown as { desk: Desk }).desk['library.list']!({})).value.interviews[0]!.id);
    await a.evaluate(async (interviewId) => (window as unknown as { desk: Desk }).desk['interview.undoMerge']!({ id: interviewId }), id);
    const again = await openPackage(a, 'told by phone 2', 'Merge');
    await again.getByRole('button', { name: 'Open the interview' }).click();
    await a.getByRole('tab', { name: 'Translate' }).click();
    await expect(conflicts).toHaveCount(1);
    await conflicts.first().focus();
    await a.keyboard.press('m');
    await expect(conflicts).toHaveCount(0);
    await expect(a.getByLabel('Translation of segment 1', { exact: true })).toHaveValue('Interviewer wording');
    expect(translator.outsideRequests).toEqual([]);
  } finally {
    await translator.close();
    await rm(translatorDir, { recursive: true, force: true });
    await rm(packages, { recursive: true, force: true });
  }
});
