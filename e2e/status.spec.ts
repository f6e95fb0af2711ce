// The status tells the truth: judged by the recording's stretches of speech (not the whole
// recording, pauses and all), moving back when work is undone, and saying why on hover.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const badge = (page: Page) => page.getByTestId('status-badge');
const text = (page: Page, number: number) => page.getByLabel(`Text of segment ${number}`, { exact: true });

test('the status follows the work forward and back, judged by the speech in the recording, and says why', async ({ launch }) => {
  const { page, outsideRequests } = await launch();
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  // Every answer has text and a translation, though the pauses leave 15 % of the recording without
  // segments: past transcribing and translating, editing until the last six rows are reviewed.
  await expect(badge(page)).toHaveText('Editing');
  await expect(badge(page)).toHaveAttribute('title', 'Editing: 6 segments not reviewed yet, first segment 15.');

  // Clear one answer: that stretch of speech has no text now, and the status goes back.
  await page.getByRole('tab', { name: 'Transcribe' }).click();
  await text(page, 6).fill('');
  await expect(badge(page)).toHaveText('Transcribing');
  await expect(badge(page)).toHaveAttribute('title', /^Transcribing: 1 stretch of speech without text, at 00:00:3\d\.\nTranscription counts as done when every stretch of speech/);
  await expect(page.getByTestId('coverage')).toContainText('transcribed');

  // Undo the clearing: forward again.
  await page.getByTestId('transcribe').getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(text(page, 6)).not.toHaveValue('');
  await expect(badge(page)).toHaveText('Editing');

  // Back in the library, the saved status is the same.
  await page.getByRole('button', { name: '← Library' }).click();
  await expect(page.getByRole('row', { name: /장마당에서 자란 아이/ })).toContainText('Editing');
  expect(outsideRequests).toEqual([]);
});
