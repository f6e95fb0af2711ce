// A recording that can be published without giving anyone away: the editor lists a place the
// narrator names aloud, listens to the stretch proposed for it, is refused while it is undecided,
// confirms it with one key, and publishes: the saved Ogg file is silent over that stretch.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pcmChunks } from '../src/main/services/media/ffmpeg';
import { expect, screenshotPath, test } from './fixtures';

async function rmsBetween(path: string, start: number, end: number): Promise<number> {
  const rate = 16_000;
  let sum = 0;
  let count = 0;
  let at = 0;
  for await (const chunk of pcmChunks(path, rate)) {
    for (const sample of chunk) {
      const seconds = at / rate;
      if (seconds >= start && seconds < end) {
        sum += sample * sample;
        count += 1;
      }
      at += 1;
    }
  }
  return Math.sqrt(sum / Math.max(1, count));
}

test('a spoken place listened to, refused while undecided, confirmed with a key, and published silent there', async ({ launch, dataDir }) => {
  await mkdir(join(dataDir, 'exports'));
  const app = await launch();
  const { page } = app;
  await page.getByRole('button', { name: 'Open sample interview' }).click();

  // The narrator agreed to the audio being published.
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByRole('checkbox', { name: 'Audio' }).check();
  await page.getByRole('checkbox', { name: 'Transcript text' }).check();

  // A name the transcript does not show, marked with a key in Transcribe as it is heard.
  await page.getByRole('tab', { name: 'Transcribe' }).click();
  await page.getByLabel('Text of segment 1', { exact: true }).focus();
  await page.keyboard.press('Alt+M');
  await expect(page.getByTestId('transcribe-notice')).toContainText('as a spoken name');

  // The province the narrator names in segment 2, listed.
  await page.getByRole('tab', { name: 'Edit & Export' }).click();
  await page.getByLabel('In Korean (e.g. 박영희, 회령시)').fill('양강도');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('redaction-list')).toContainText('양강도');

  const panel = page.getByTestId('publish-recording');
  await expect(panel.getByTestId('spoken-names-count')).toHaveText('1 spoken name in the transcript, 1 not yet decided.');
  await expect(panel.getByTestId('marked-stretches').getByRole('listitem')).toHaveCount(1);
  const row = panel.getByTestId('spoken-name');
  await expect(row).toHaveAttribute('data-state', 'undecided');
  await expect(row.locator('mark')).toHaveText('양강도');

  // Listening plays the proposed stretch of the recording.
  const start = Number(await row.getByLabel('From (seconds)').inputValue());
  const end = Number(await row.getByLabel('To (seconds)').inputValue());
  expect(end).toBeGreaterThan(start);
  await row.getByRole('button', { name: 'Listen' }).click();
  await page.waitForFunction((from) => {
    const player = document.querySelector<HTMLAudioElement>('.publish-recording audio');
    return player !== null && !player.paused && player.currentTime >= from - 0.05;
  }, start);

  // Undecided: refused, nothing written.
  const target = join(dataDir, 'exports', 'published.ogg');
  await app.answerSaveDialog(target);
  await panel.getByRole('button', { name: 'Publish recording…' }).click();
  await expect(panel.getByTestId('publish-recording-outcome')).toContainText('1 spoken name is not yet confirmed or waived (segment 2)');

  // Confirmed with C on the focused row.
  await row.focus();
  await page.keyboard.press('c');
  await expect(row).toHaveAttribute('data-state', 'confirmed');
  await expect(panel.getByTestId('publish-recording-outcome')).toHaveCount(0);
  await expect(panel.getByTestId('spoken-names-count')).toHaveText('1 spoken name in the transcript, 0 not yet decided.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await panel.screenshot({ path: screenshotPath('publish-recording-en') });

  // The disguise heard before publishing: 15 s as they would be published, played in the app.
  await panel.getByLabel('Voice disguise').selectOption('4');
  await panel.getByRole('button', { name: 'Listen as published (15 s)' }).click();
  await page.waitForFunction(() => {
    const player = document.querySelector<HTMLAudioElement>('.publish-recording audio');
    return player?.dataset.preview === 'true' && player.src.startsWith('blob:') && !player.paused && player.currentTime > 0.2;
  });
  await panel.getByLabel('Voice disguise').selectOption('0');

  await app.answerSaveDialog(target);
  await panel.getByRole('button', { name: 'Publish recording…' }).click();
  await expect(panel.getByTestId('publish-recording-outcome')).toContainText('Saved published.ogg: 2 stretches covered.');
  expect((await readFile(target)).subarray(0, 4).toString('latin1')).toBe('OggS');
  const sample = join(__dirname, '../resources/sample/recording.ogg');
  expect(await rmsBetween(sample, start, end)).toBeGreaterThan(0.01);
  expect(await rmsBetween(target, start + 0.02, end - 0.02)).toBeLessThan(0.002);
  expect(app.outsideRequests).toEqual([]);
});
