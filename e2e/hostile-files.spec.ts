import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterview, expect, test } from './fixtures';
import { interviewOnDisk } from './interview-on-disk';

const sampleRecording = resolve(__dirname, '../resources/sample/recording.ogg');

/** 34.6 MB of garbled "subtitles": noise in several scripts, with the odd cue-like block. */
function garbledSrt(targetBytes: number): Buffer {
  let state = 11;
  const random = () => ((state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
  const alphabet = '가나다라마바사아자차카타파하뷁쀍ЖЯЮßøΩ漢字あいう@#$%^&*0123456789abcdefXYZ';
  const parts: string[] = [];
  let size = 0;
  while (size < targetBytes) {
    const line = Array.from({ length: 30 + Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const block = random() < 0.1 ? `${Math.floor(random() * 99)}\n00:0${Math.floor(random() * 9)}:10,000 --> 00:0${Math.floor(random() * 9)}:12,000\n${line}\n\n` : `${line}\n\n`;
    parts.push(block);
    size += Buffer.byteLength(block);
  }
  return Buffer.from(parts.join(''), 'utf8');
}

test('a 34.6 MB garbled SRT is refused from its first look with a short summary, the app stays responsive; a transcript longer than the recording asks first', async ({ launch, dataDir }) => {
  const app = await launch();
  const { page } = app;
  await createInterview(page, 'Hostile files');
  await page.getByRole('tab', { name: 'Transcribe' }).click();
  await app.answerOpenDialog(sampleRecording);
  await page.getByRole('button', { name: 'Import recording…' }).click();
  await expect(page.getByTestId('playhead')).toHaveText('00:00:00 / 00:02:04');

  const garbage = garbledSrt(34.6 * 1024 * 1024);
  // Timed in the page, from the moment the file is chosen (the test's own hand-over of 34.6 MB
  // to the browser is not the app's time) to the refusal on screen.
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('input[type=file][accept*=".srt"]')!;
    input.addEventListener('change', () => ((window as unknown as { __chosenAt: number }).__chosenAt = performance.now()), { capture: true, once: true });
  });
  await page.locator('input[type=file][accept*=".srt"]').setInputFiles({ name: 'interview.srt', mimeType: 'application/x-subrip', buffer: garbage });
  const notice = page.getByTestId('transcribe-notice');
  await expect(notice).toContainText(/mostly unreadable as subtitles: \d+ of its first \d+ blocks have no timing line\. Nothing was imported\./, { timeout: 30_000 });
  const took = await page.evaluate(() => performance.now() - (window as unknown as { __chosenAt: number }).__chosenAt);
  // Reported, not asserted: how fast is the benchmarks' business (bench/garbage-transcript.bench.ts);
  // a time limit here would fail on a busy machine, not on a slow app.
  console.log(`garbled 34.6 MB SRT refused ${took.toFixed(0)} ms after it was chosen`);
  expect((await notice.textContent())!.length).toBeLessThan(500);
  // Still responsive: a segment can be started and typed into at once.
  await page.getByTestId('transcribe').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('여전히 됩니다');
  await expect(page.getByLabel('Text of segment 1', { exact: true })).toHaveValue('여전히 됩니다');
  await expect(page.getByTestId('transcribe-row')).toHaveCount(1);

  // A transcript that runs to 3 h 30 on a 2-minute recording: asked first, imported only on "Import anyway".
  const long = Buffer.from('1\n00:00:30,000 --> 00:00:33,000\n시작\n\n2\n03:30:00,000 --> 03:30:02,000\n끝\n', 'utf8');
  await page.locator('input[type=file][accept*=".srt"]').setInputFiles({ name: 'long.srt', mimeType: 'application/x-subrip', buffer: long });
  await expect(notice).toContainText('This transcript looks wrong for this interview: it runs to 3:30:02, past the end of the 2:04 recording. Import it anyway?');
  await expect(page.getByTestId('transcribe-row')).toHaveCount(1);
  await notice.getByRole('button', { name: 'Import anyway' }).click();
  await expect(notice).toContainText('Imported 2 segments (SRT).');
  const [folder] = await readdir(join(dataDir, 'interviews'));
  await expect
    .poll(async () => (await interviewOnDisk(dataDir, folder!)).segments.length)
    .toBe(3);

  // Replacing the recording asks first, naming the one in use; cancelling keeps it.
  await app.answerOpenDialog(sampleRecording);
  await page.getByRole('button', { name: 'Replace recording…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace the recording?' });
  await expect(dialog).toContainText('This interview’s recording is “recording.ogg” (00:02:04).');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Replace recording…' })).toBeFocused();
  await page.getByRole('button', { name: 'Replace recording…' }).click();
  await dialog.getByRole('button', { name: 'Replace recording' }).click();
  await expect(page.getByTestId('playhead')).toHaveText('00:00:00 / 00:02:04');
  await expect(page.getByTestId('transcribe-notice')).toBeHidden();
});

test('a recording cut short asks first: "cut off at …", and Import anyway keeps what is there', async ({ launch, dataDir }) => {
  const app = await launch();
  const { page } = app;
  await createInterview(page, 'Cut-off recording');
  await page.getByRole('tab', { name: 'Transcribe' }).click();
  // The sample, cut to a quarter as an interrupted copy would leave it.
  const bytes = await readFile(sampleRecording);
  const cut = join(dataDir, 'cut-short.ogg');
  await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.26)));
  await app.answerOpenDialog(cut);
  await page.getByRole('button', { name: 'Import recording…' }).click();
  const notice = page.getByTestId('transcribe-notice');
  await expect(notice).toContainText(/This recording seems cut off at 00:00:\d\d: the file ends without its closing page, so the rest is missing\. Import the 00:00:\d\d that is there\?/);
  await expect(page.getByTestId('playhead')).toHaveCount(0);
  await notice.getByRole('button', { name: 'Import anyway' }).click();
  await expect(page.getByTestId('playhead')).toHaveText(/^00:00:00 \/ 00:00:[23]\d$/);
});
