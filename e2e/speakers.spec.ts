// Who spoke when: segments proposed from the sample's pauses arrive with nobody speaking them;
// "Find speakers…" tells its two voices apart, each row shows its proposal (Alt+Y takes one),
// Accept all gives the rest a speaker in one step, and Ctrl+Z takes that step back.
import { join } from 'node:path';
import { createInterview, expect, screenshotPath, test } from './fixtures';
import { onlyInterviewOnDisk } from './interview-on-disk';

const sampleRecording = join(__dirname, '..', 'resources', 'sample', 'recording.ogg');

test('Find speakers tells the sample’s two voices apart; a row’s proposal taken with Alt+Y; Accept all is one step, undone by Ctrl+Z', async ({ launch, dataDir }) => {
  const app = await launch();
  const { page } = app;
  await createInterview(page, 'Two voices');
  await page.getByRole('tab', { name: 'Transcribe' }).click();
  await app.answerOpenDialog(sampleRecording);
  await page.getByRole('button', { name: 'Import recording…' }).click();
  await expect(page.getByTestId('waveform')).toBeVisible();
  await page.getByRole('button', { name: 'Propose segments from pauses' }).click();
  await page.getByTestId('vad-proposal').getByRole('button', { name: 'Add them as segments' }).click();
  await expect(page.getByText('20 segments')).toBeVisible();
  const speakerOf = (number: number) => page.getByLabel(`Speaker of segment ${number}`, { exact: true }).locator('option:checked');
  await expect(speakerOf(1)).toHaveText('Unassigned');

  await page.getByRole('button', { name: 'Find speakers…' }).click();
  const proposals = page.getByTestId('speaker-proposals');
  await expect(proposals).toContainText('2 voices told apart.');
  await expect(proposals).toContainText('20 segments would change speaker');
  // Each row shows its proposal, shaded by confidence; Alt+Y in a row takes it.
  const rowProposal = (number: number) => page.getByTestId('transcribe-row').nth(number - 1).getByTestId('row-speaker-proposal');
  await expect(rowProposal(1)).toHaveText(/^→ Speaker [12] \(\d+ %\)$/);
  await page.screenshot({ path: screenshotPath('find-speakers-en') });
  await page.getByLabel('Text of segment 2', { exact: true }).focus();
  await page.keyboard.press('Alt+y');
  await expect(speakerOf(2)).not.toHaveText('Unassigned');
  await expect(rowProposal(2)).toHaveCount(0);
  await expect(proposals).toContainText('19 segments would change speaker');
  await proposals.getByRole('button', { name: 'Accept all' }).click();
  await expect(proposals).toHaveCount(0);

  // The sample alternates interviewer and narrator, turn by turn, in two espeak-ng voices: as saved.
  await expect(speakerOf(1)).toHaveText('Speaker 1');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const saved = await onlyInterviewOnDisk(dataDir);
  const nameOf = new Map(saved.speakers.map((speaker) => [speaker.id, speaker.name]));
  const names = saved.segments.map((segment) => nameOf.get(segment.speakerId ?? '') ?? 'Unassigned');
  expect(names).toHaveLength(20);
  expect(new Set(names)).toEqual(new Set(['Speaker 1', 'Speaker 2']));
  const alternating = names.filter((name, index) => name === (index % 2 === 0 ? names[0] : names[1])).length;
  expect(alternating).toBeGreaterThanOrEqual(19);
  expect(names[0]).not.toBe(names[1]);

  // One undo step takes back every speaker Accept all gave; the one taken with Alt+Y stays.
  await page.getByLabel('Text of segment 1', { exact: true }).focus();
  await page.keyboard.press('Control+z');
  await expect(speakerOf(1)).toHaveText('Unassigned');
  await expect(speakerOf(3)).toHaveText('Unassigned');
  await expect(speakerOf(2)).not.toHaveText('Unassigned');
  expect(app.outsideRequests).toEqual([]);
});
