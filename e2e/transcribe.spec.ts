import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { closeLikeElectron, createInterview, expect, screenshotPath, test } from './fixtures';
import { onlyInterviewOnDisk } from './interview-on-disk';
import { contrastRatio } from '../src/shared/readable-color';

const sampleRecording = resolve(__dirname, '../resources/sample/recording.ogg');
const rows = (page: Page) => page.getByTestId('transcribe-row');
/** "rgb(47, 93, 138)" as "#2f5d8a". */
const hexOf = (css: string) => `#${(css.match(/\d+/g) ?? []).slice(0, 3).map((part) => Number(part).toString(16).padStart(2, '0')).join('')}`;
const text = (page: Page, number: number) => page.getByLabel(`Text of segment ${number}`, { exact: true });

/** What a reload must reproduce exactly: every row's times, speaker and text. */
async function transcriptSnapshot(page: Page) {
  return rows(page).evaluateAll((elements) =>
    elements.map((row) => ({
      start: row.getAttribute('data-start'),
      end: row.getAttribute('data-end'),
      speaker: (row.querySelector('select') as HTMLSelectElement).selectedOptions[0]?.textContent,
      text: (row.querySelector('textarea') as HTMLTextAreaElement).value,
    })),
  );
}

async function press(page: Page, key: string, times = 1) {
  for (let index = 0; index < times; index += 1) await page.keyboard.press(key);
}

test('transcribe by keyboard: import the recording, Enter at the play-head, Korean, speakers, split, merge, undo; a reload is identical', async ({ launch }) => {
  const first = await launch();
  const { page } = first;
  await page.getByRole('button', { name: 'Create interview' }).first().focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Keyboard transcript');
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Transcribe' }).focus();
  await page.keyboard.press('Enter');

  await first.answerOpenDialog(sampleRecording);
  await page.getByRole('button', { name: 'Import recording…' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('playhead')).toHaveText('00:00:00 / 00:02:04');
  await expect(page.getByTestId('waveform')).toBeVisible();

  await page.getByLabel('New speaker’s name').focus();
  await page.keyboard.type('Interviewer');
  await page.keyboard.press('Enter');
  await page.keyboard.type('지우');
  await page.keyboard.press('Enter');
  await expect(page.locator('.speaker-chip')).toHaveCount(2);

  // Play a moment, then pause: the play-head moves.
  await page.getByTestId('transcribe').focus();
  await page.keyboard.press('Escape');
  await expect.poll(async () => page.getByTestId('playhead').textContent()).not.toMatch(/^00:00:00 /);
  await page.keyboard.press('Escape');
  await page.getByLabel('Jump to (mm:ss)').fill('0:00');
  await page.getByLabel('Jump to (mm:ss)').press('Enter');
  await page.getByTestId('transcribe').focus();

  // Enter starts the first segment at the play-head; type, move the play-head on, Enter again.
  const lines = ['안녕하세요. 오늘 인터뷰에 응해 주셔서 감사합니다.', '저는 양강도의 작은 국경 도시에서 자랐습니다.', '어릴 때 가족의 생활은 어땠나요?', '고난의 행군 때 배급이 끊겼습니다.', '장마당 장사는 어떻게 하셨어요?'];
  await page.keyboard.press('Enter');
  for (const [index, line] of lines.entries()) {
    await expect(text(page, index + 1)).toBeFocused();
    await page.keyboard.type(line);
    await page.keyboard.press(`Alt+${(index % 2) + 1}`);
    await press(page, 'F2', 4); // 6 seconds on
    if (index < lines.length - 1) await page.keyboard.press('Enter');
  }
  await expect(rows(page)).toHaveCount(5);
  await expect(rows(page).nth(1)).toHaveAttribute('data-start', '6');
  await expect(rows(page).nth(0)).toHaveAttribute('data-end', '6');
  await expect(page.getByLabel('Speaker of segment 2', { exact: true })).toHaveValue(/spk-/);

  // Enter while Korean is still being composed must not split.
  await text(page, 5).evaluate((element) => element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true })));
  await expect(rows(page)).toHaveCount(5);

  // Split segment 2 at the cursor, after "저는".
  await text(page, 2).focus();
  await page.keyboard.press('Home');
  await press(page, 'ArrowRight', 2);
  await page.keyboard.press('Control+Shift+Enter');
  await expect(rows(page)).toHaveCount(6);
  // Not playing: the boundary goes to the quietest moment near the text's share, and the app says so.
  await expect(page.getByTestId('transcribe-notice')).toContainText(/^Split at the nearest pause \(00:00:\d\d\.\d\)\./);
  await expect(text(page, 2)).toHaveValue('저는');
  await expect(text(page, 3)).toHaveValue('양강도의 작은 국경 도시에서 자랐습니다.');
  await expect(text(page, 3)).toBeFocused();

  // Merge it back with the previous one, then undo the merge.
  await page.keyboard.press('Control+Alt+M');
  await expect(rows(page)).toHaveCount(5);
  await expect(text(page, 2)).toHaveValue('저는 양강도의 작은 국경 도시에서 자랐습니다.');
  await expect(text(page, 2)).toBeFocused();
  await page.keyboard.press('Control+Z');
  await expect(rows(page)).toHaveCount(6);
  await expect(text(page, 3)).toHaveValue('양강도의 작은 국경 도시에서 자랐습니다.');

  // Tags go in at the cursor with the play-head's time.
  await text(page, 6).focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Alt+L');
  await expect(text(page, 6)).toHaveValue('장마당 장사는 어떻게 하셨어요? [laughs]');

  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('coverage')).toContainText('% transcribed');
  const before = await transcriptSnapshot(page);
  await page.screenshot({ path: screenshotPath('transcribe-en') });
  await first.close();

  const second = await launch();
  await second.page.getByRole('button', { name: 'Keyboard transcript', exact: true }).click();
  await second.page.getByRole('tab', { name: 'Transcribe' }).click();
  await expect(rows(second.page)).toHaveCount(6);
  expect(await transcriptSnapshot(second.page)).toEqual(before);
  expect(second.outsideRequests).toEqual([]);
});

test('messy SRT and WebVTT import what they can and name the skipped lines; bad media is refused, leaving nothing', async ({ launch, dataDir }) => {
  const app = await launch();
  const { page } = app;
  await createInterview(page, 'Imported transcripts');
  await page.getByRole('tab', { name: 'Transcribe' }).click();

  await page.locator('input[type=file][accept*=".srt"]').setInputFiles(join(__dirname, 'data/messy.srt'));
  const notice = page.getByTestId('transcribe-notice');
  await expect(notice).toContainText('Imported 4 segments (SRT).');
  await expect(notice).toContainText('Skipped: line 9 (a cue number with no cue), line 16 (ends before it starts), line 19 (no timing line).');
  await expect(notice).toContainText('Adjusted: line 6 (overlapped the next cue; now ends at 17.000 s).');
  await expect(rows(page)).toHaveCount(4);

  await page.locator('input[type=file][accept*=".srt"]').setInputFiles(join(__dirname, 'data/messy.vtt'));
  await expect(notice).toContainText('Imported 3 segments (VTT).');
  await expect(notice).toContainText('Skipped: line 12 (unreadable time), line 18 (no timing line).');
  await expect(rows(page)).toHaveCount(7);
  await expect(page.locator('.speaker-chip')).toHaveCount(3); // Interviewer, 지우, Ji-woo

  // The two spellings of one narrator: rename one, remove the other (its segments become unassigned).
  await page.locator('.speaker-chip', { hasText: 'Ji-woo' }).click();
  await page.getByLabel('Name of Ji-woo').fill('Narrator');
  await page.getByLabel('Name of Ji-woo').press('Enter');
  await expect(page.locator('.speaker-chip', { hasText: 'Narrator' })).toBeVisible();
  await page.locator('.speaker-chip', { hasText: '지우' }).click();
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.locator('.speaker-chip')).toHaveCount(2);
  await expect(rows(page)).toHaveCount(7);
  await expect(page.getByLabel('Speaker of segment 3', { exact: true }).locator('option:checked')).toHaveText('Unassigned'); // was 지우
  await expect(page.getByLabel('Speaker of segment 4', { exact: true }).locator('option:checked')).toHaveText('Narrator'); // was Ji-woo

  const id = (await readdir(join(dataDir, 'interviews')))[0]!;
  const mediaFolder = join(dataDir, 'interviews', id, 'media');
  const notAudio = join(dataDir, 'notes.mp3');
  await writeFile(notAudio, 'these are interview notes, not a recording');
  await app.answerOpenDialog(notAudio);
  await page.getByRole('button', { name: 'Import recording…' }).click();
  await expect(page.getByTestId('transcribe-notice')).toContainText('This file is not a recording the app can play: no audio was found in it.');
  expect(await readdir(mediaFolder)).toEqual([]);

  const empty = join(dataDir, 'empty.wav');
  await writeFile(empty, '');
  await app.answerOpenDialog(empty);
  await page.getByRole('button', { name: 'Import recording…' }).click();
  await expect(page.getByTestId('transcribe-notice')).toContainText('This file is empty');
  expect(await readdir(mediaFolder)).toEqual([]);
  await expect(page.getByRole('button', { name: 'Import recording…' })).toBeVisible();
  expect(app.outsideRequests).toEqual([]);
});

test('voice activity proposes segments at the sample’s pauses; accepting adds them, undo takes them back', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await createInterview(page, 'Proposed by voice activity');
  await page.getByRole('tab', { name: 'Transcribe' }).click();
  await app.answerOpenDialog(sampleRecording);
  await page.getByRole('button', { name: 'Import recording…' }).click();
  await expect(page.getByTestId('waveform')).toBeVisible();
  await page.getByLabel('New speaker’s name').fill('Interviewer');
  await page.getByLabel('New speaker’s name').press('Enter');
  await expect(page.locator('.speaker-chip')).toHaveCount(1);

  await page.getByRole('button', { name: 'Propose segments from pauses' }).click();
  const proposal = page.getByTestId('vad-proposal');
  await expect(proposal).toContainText('Voice activity found 20 stretches of speech; 20 fall where there are no segments yet.');
  // The focus waits on the proposal, and after adding it goes to the first new segment: type at once.
  await expect(proposal.getByRole('button', { name: 'Add them as segments' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('20 segments')).toBeVisible();
  await expect(text(page, 1)).toBeFocused();
  // It shows: a 2 px ring in a colour at least 3:1 against the row (WCAG 2.4.7).
  const ring = await text(page, 1).evaluate((field) => {
    const style = getComputedStyle(field);
    return { width: parseFloat(style.outlineWidth), style: style.outlineStyle, color: style.outlineColor, background: getComputedStyle(field.closest('.transcribe-row')!).backgroundColor };
  });
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(ring.style).toBe('solid');
  expect(contrastRatio(hexOf(ring.color), hexOf(ring.background))).toBeGreaterThanOrEqual(3);
  const firstStart = Number(await rows(page).first().getAttribute('data-start'));
  expect(Math.abs(firstStart - 0.6)).toBeLessThan(0.3);
  // Nobody knows yet who speaks in a proposal, and an empty one is nothing to translate.
  await expect(page.getByLabel('Speaker of segment 1', { exact: true }).locator('option:checked')).toHaveText('Unassigned');
  await page.getByTestId('transcribe').focus();
  await page.keyboard.press('Control+Z');
  await expect(page.getByText('No segments yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Propose segments from pauses' }).click();
  await proposal.getByRole('button', { name: 'Add them as segments' }).click();
  await expect(page.getByText('20 segments')).toBeVisible();
  await page.getByRole('tab', { name: 'Translate' }).click();
  await expect(page.getByTestId('translate-progress')).toContainText('0/0 translated');
  expect(app.outsideRequests).toEqual([]);
});

test('closing the window right after typing loses nothing', async ({ launch, dataDir }) => {
  const first = await launch();
  const { page } = first;
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await text(page, 1).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' 마지막 말');
  await closeLikeElectron(page); // straight away: the autosave delay has not passed
  expect((await onlyInterviewOnDisk(dataDir)).segments[0]!.source).toMatch(/ 마지막 말$/);
  await first.close();
});

test('an autosave writes only what changed, as a small file beside interview.json, folded in once the typing stops', async ({ launch, dataDir }) => {
  const first = await launch();
  const { page } = first;
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await expect(text(page, 2)).toBeVisible();
  const [id] = await readdir(join(dataDir, 'interviews'));
  const folder = join(dataDir, 'interviews', id!);
  const whole = await readFile(join(folder, 'interview.json'), 'utf8');

  await text(page, 2).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' 덧붙임');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const changeFiles = await readdir(join(folder, 'changes'));
  expect(changeFiles.length).toBeGreaterThan(0);
  expect(await readFile(join(folder, 'interview.json'), 'utf8')).toBe(whole);
  const last = JSON.parse(await readFile(join(folder, 'changes', changeFiles.at(-1)!), 'utf8')) as { segments: { source: string }[]; order: unknown };
  expect(last.segments).toHaveLength(1);
  expect(last.segments[0]!.source).toMatch(/ 덧붙임$/);
  expect(last.order).toBeNull();
  for (const name of changeFiles) expect((await readFile(join(folder, 'changes', name))).length).toBeLessThan(whole.length / 5);

  // A pause in the typing folds the changes into interview.json and removes them.
  await expect.poll(() => readdir(folder)).not.toContain('changes');
  expect((JSON.parse(await readFile(join(folder, 'interview.json'), 'utf8')) as { segments: { source: string }[] }).segments[1]!.source).toMatch(/ 덧붙임$/);

  // Typing again, then closing at once: the change is read back by the next launch.
  await text(page, 3).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' 하나 더');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await first.close();
  expect(await readdir(folder)).toContain('changes');
  const second = await launch();
  await second.page.getByRole('button', { name: '장마당에서 자란 아이 — Growing up in the market', exact: true }).click();
  await second.page.getByRole('tab', { name: 'Transcribe' }).click();
  await expect(text(second.page, 3)).toHaveValue(/ 하나 더$/);
  await expect(text(second.page, 2)).toHaveValue(/ 덧붙임$/);
  expect(first.outsideRequests).toEqual([]);
  expect(second.outsideRequests).toEqual([]);
});

test('a recording dropped on the window is imported; a dropped non-recording is refused', async ({ launch, dataDir }) => {
  const app = await launch();
  const { page } = app;
  await createInterview(page, 'Dropped recording');
  await page.getByRole('tab', { name: 'Transcribe' }).click();

  const drop = async (fileName: string, base64: string, type: string) => {
    const dataTransfer = await page.evaluateHandle(
      ({ name, data, mime }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([Uint8Array.from(atob(data), (char) => char.charCodeAt(0))], name, { type: mime }));
        return transfer;
      },
      { name: fileName, data: base64, mime: type },
    );
    await page.getByTestId('transcribe').dispatchEvent('drop', { dataTransfer });
  };
  const { readFile } = await import('node:fs/promises');
  await drop('broken.mp3', Buffer.from('not audio at all').toString('base64'), 'audio/mpeg');
  await expect(page.getByTestId('transcribe-notice')).toContainText('no audio was found');
  await drop('interview.ogg', (await readFile(sampleRecording)).toString('base64'), 'audio/ogg');
  await expect(page.getByTestId('playhead')).toHaveText('00:00:00 / 00:02:04');
  await expect(page.getByTestId('waveform')).toBeVisible();
  const id = (await readdir(join(dataDir, 'interviews')))[0]!;
  // Beside the recording: its peaks, and its stretches of speech (found quietly for the status).
  await expect.poll(() => readdir(join(dataDir, 'interviews', id, 'media'))).toEqual(['recording.ogg', 'recording.ogg.peaks.json', 'recording.ogg.speech.json']);
  expect(await readdir(join(dataDir, '.uploads'))).toEqual([]);
  expect(app.outsideRequests).toEqual([]);
});

test('row times read in tenths by default, and in milliseconds or frames when Settings say so', async ({ launch }) => {
  const { page } = await launch();
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  const firstTime = page.getByTestId('transcribe-row').nth(1).locator('.time-link');
  await expect(firstTime).toHaveText(/^\d\d:\d\d:\d\d\.\d – \d\d:\d\d:\d\d\.\d$/);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Times in Transcribe rows').selectOption('frames');
  await page.getByLabel('Frames per second').selectOption('25');
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: /Growing up in the market/ }).first().click();
  await page.getByRole('tab', { name: 'Transcribe' }).click();
  await expect(firstTime).toHaveText(/^\d\d:\d\d:\d\d:\d\d – \d\d:\d\d:\d\d:\d\d$/);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Times in Transcribe rows').selectOption('milliseconds');
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: /Growing up in the market/ }).first().click();
  await page.getByRole('tab', { name: 'Transcribe' }).click();
  await expect(firstTime).toHaveText(/^\d\d:\d\d:\d\d\.\d{3} – \d\d:\d\d:\d\d\.\d{3}$/);
});

test('typing without a pause shows every key, and what the interview says afterwards (undo, redo) shows at once', async ({ launch }) => {
  const { page, outsideRequests } = await launch();
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  const row = text(page, 2);
  const before = await row.inputValue();
  await row.click();
  await page.keyboard.press('End');
  // No delay between keys: each one goes through the interview, and none is lost.
  await page.keyboard.type(' 그리고 새벽이 오기 전에 역까지 걸어갔어요', { delay: 0 });
  await expect(row).toHaveValue(`${before} 그리고 새벽이 오기 전에 역까지 걸어갔어요`);
  // Undo straight after: the interview's older text replaces what the field was showing.
  await page.keyboard.press('Control+Z');
  await expect(row).toHaveValue(before);
  await page.keyboard.press('Control+Shift+Z');
  await expect(row).toHaveValue(`${before} 그리고 새벽이 오기 전에 역까지 걸어갔어요`);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  // The Translate view reads the same interview: the typed source is there.
  await page.getByRole('tab', { name: 'Translate' }).click();
  await expect(page.getByTestId('translate-row').nth(1)).toContainText('역까지 걸어갔어요');
  expect(outsideRequests).toEqual([]);
});
