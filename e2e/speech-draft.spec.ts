import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterview, expect, screenshotPath, test } from './fixtures';
import { interviewOnDisk } from './interview-on-disk';
import { TINY_MULTILINGUAL, writeRandomWhisperModel } from '../src/main/services/speech/test-support/random-whisper-model';

const sampleRecording = resolve(__dirname, '../resources/sample/recording.ogg');

test('a speech model is added in Settings; Draft transcript… shows progress, stops, drafts the untyped stretches, and its proposals are accepted and undone', async ({ launch, dataDir }) => {
  test.setTimeout(300_000); // two drafts of a two-minute recording, each given up to 90 s below
  // A random-weight model in the real file format: its text is gibberish, its timing real.
  const models = await mkdtemp(join(tmpdir(), 'models-'));
  const model = join(models, 'ggml-random.bin');
  const englishOnly = join(models, 'ggml-random.en.bin');
  await writeRandomWhisperModel(model);
  await writeRandomWhisperModel(englishOnly, { ...TINY_MULTILINGUAL, vocabulary: 51_864 });
  try {
    const app = await launch();
    const { page } = app;

    // Settings → Speech models: an English-only file is refused, the multilingual one is added.
    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByTestId('speech-models');
    await expect(section).toContainText('No models added yet.');
    await app.answerOpenDialog(englishOnly);
    await section.getByRole('button', { name: 'Add model file…' }).click();
    await expect(section.getByRole('alert')).toContainText('ggml-random.en.bin: ggml-random.en.bin is an English-only model');
    await app.answerOpenDialog(model);
    await section.getByRole('button', { name: 'Add model file…' }).click();
    await expect(section.getByTestId('speech-model')).toHaveCount(1);
    await expect(section.getByTestId('speech-model')).toContainText(/ggml-random\.bin\s*custom · f16 · 2\.\d MB · Korean/);
    await expect(section.getByRole('radio', { name: 'Use for drafts: ggml-random.bin' })).toBeChecked();
    // Faster drafts for the test: no retries at higher temperatures.
    await section.getByLabel('Retry hard passages (slower, usually better)').uncheck();
    await page.screenshot({ path: screenshotPath('speech-models-settings') });

    // An interview with its recording and one typed segment at the start.
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await createInterview(page, 'Machine draft');
    await page.getByRole('tab', { name: 'Transcribe' }).click();
    await app.answerOpenDialog(sampleRecording);
    await page.getByRole('button', { name: 'Import recording…' }).click();
    await expect(page.getByTestId('playhead')).toHaveText('00:00:00 / 00:02:04');
    await page.getByTestId('transcribe').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('제가 직접 쓴 첫 문장입니다.');
    const rows = page.getByTestId('transcribe-row');
    await expect(rows).toHaveCount(1);

    // Start, watch it progress, stop it: nothing proposed, nothing changed.
    await page.getByRole('button', { name: 'Draft transcript…' }).click();
    const dialog = page.getByTestId('draft-dialog');
    await expect(dialog.getByRole('radio', { name: 'Only stretches no segment covers yet' })).toBeChecked();
    await expect(dialog.getByLabel('Speech model')).toHaveValue(model);
    await dialog.getByRole('button', { name: 'Start draft' }).click();
    const progress = page.getByTestId('draft-progress');
    await expect(progress).toContainText(/Drafting… \d+% · \d\d:\d\d elapsed/, { timeout: 20_000 });
    await progress.getByRole('button', { name: 'Stop' }).click();
    await expect(progress).toBeHidden();
    await expect(page.getByTestId('draft-failed')).toBeHidden();
    await expect(rows).toHaveCount(1);

    // Again, to the end; the transcriber keeps typing in the first row meanwhile.
    await page.getByRole('button', { name: 'Draft transcript…' }).click();
    await page.getByTestId('draft-dialog').getByRole('button', { name: 'Start draft' }).click();
    await expect(progress).toBeVisible();
    await page.getByLabel('Text of segment 1', { exact: true }).focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' 계속');
    const review = page.getByTestId('draft-proposal');
    await expect(review).toContainText(/Draft finished in \d\d:\d\d: \d+ proposals\./, { timeout: 90_000 });
    await expect(review.getByRole('list', { name: 'Proposed text' }).getByRole('listitem').first()).toBeVisible();
    await page.screenshot({ path: screenshotPath('speech-draft-review') });
    const summary = /(\d+) proposed segments from the model; (\d+) fall where there are no segments yet\./.exec((await review.textContent()) ?? '');
    expect(summary).not.toBeNull();
    const fresh = Number(summary![2]);
    expect(fresh).toBeGreaterThan(2);
    await review.getByRole('button', { name: 'Add them as segments' }).click();
    await expect(page.getByText(`${fresh + 1} segments`, { exact: true })).toBeVisible();
    await expect(page.getByLabel('Text of segment 1', { exact: true })).toHaveValue('제가 직접 쓴 첫 문장입니다. 계속');
    await expect(page.getByLabel('Speaker of segment 2', { exact: true })).toHaveValue('');

    // Saved to disk with the model's text.
    const interviewsDir = join(dataDir, 'interviews');
    const [folder] = await readdir(interviewsDir);
    const onDisk = () => interviewOnDisk(dataDir, folder!);
    await expect.poll(async () => (await onDisk()).segments.length).toBe(fresh + 1);
    const saved = await onDisk();
    expect(saved.segments[0]!.source).toBe('제가 직접 쓴 첫 문장입니다. 계속');
    expect(saved.segments.slice(1).every((segment) => segment.source.trim() !== '' && segment.start > 0)).toBe(true);

    // One undo takes the whole draft back.
    await page.getByTestId('transcribe').focus();
    await page.keyboard.press('Control+Z');
    await expect(rows).toHaveCount(1);
    await expect.poll(async () => (await onDisk()).segments.length).toBe(1);
  } finally {
    await rm(models, { recursive: true, force: true });
  }
});
