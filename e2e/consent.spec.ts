// The narrator decides what is published: a review copy made for them, two passages they withdrew
// entered back, the article refusing the paragraphs built on them, the transcript saying they were
// withdrawn; and an embargo that refuses every publishable export until its day comes (the main
// side's clock set by the test, the app relaunched on the day).
import { mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { electronBinary } from './harness/launch-app';
import { expect, screenshotPath, test } from './fixtures';

const MARK = '[withdrawn at the narrator’s request]';

async function documentText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ').normalize('NFC');
}

test.skip(electronBinary() !== null, 'the main side’s clock is set through the Chromium bridge');

test('a review copy, two withdrawn passages, an article that refuses them, a transcript that says so, and an embargo until its day', async ({ launch, dataDir }) => {
  const exports = join(dataDir, 'exports');
  await mkdir(exports);
  let app = await launch({ now: new Date(2027, 0, 5, 10, 0) });
  let { page } = app;
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await page.getByRole('tab', { name: 'Details' }).click();

  // The review copy: Korean, numbered passages, a column to tick, the real name nowhere.
  const review = page.getByTestId('narrator-review');
  const reviewPath = join(exports, 'review.docx');
  await app.answerSaveDialog(reviewPath);
  await review.getByRole('button', { name: 'Export review copy…' }).click();
  // Redacted as it would be published: the names review stops at the province nobody listed.
  const unlisted = review.getByTestId('unlisted-name').filter({ hasText: '양강도' });
  await unlisted.getByRole('button', { name: 'Redact' }).click();
  await expect(review.getByTestId('review-export-outcome')).toContainText('Saved review.docx.');
  const copy = await documentText(reviewPath);
  expect(copy).toContain('구술 검토본');
  expect(copy).toContain('장마당에서 국수를 팔기 시작하셨어요');
  expect(copy).toMatch(/☐\s*게재\s*☐\s*수정\s*☐\s*철회/);
  expect(copy).not.toContain('최순희');
  expect(copy).not.toContain('양강도');
  expect(copy).toContain('저는 [비공개]의 작은 국경 도시에서');
  await expect(review.getByLabel('Review copy sent on')).not.toHaveValue('');

  // The narrator withdrew passages 2 and 4; entered back by number, with Enter.
  await review.getByLabel('Passages (segment numbers, e.g. 3, 7-9)').fill('2, 4');
  await review.getByLabel('Passages (segment numbers, e.g. 3, 7-9)').press('Enter');
  await expect(review.getByTestId('review-entered')).toHaveText('Entered for segment(s) 2, 4.');
  await expect(review.getByTestId('review-summary')).toContainText('Withdrawn: 2, 4');
  // A number past the end is refused in words, and nothing changes.
  await review.getByLabel('Passages (segment numbers, e.g. 3, 7-9)').fill('21');
  await review.getByRole('button', { name: 'Enter answer' }).click();
  await expect(review.getByTestId('review-entered')).toHaveText('There is no segment 21: the interview has 20.');
  await expect(page.getByTestId('consent-history')).toContainText('Changes to this record (2)');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.getByTestId('consent-record').screenshot({ path: screenshotPath('consent-record-en') });

  // The article built from every translated segment refuses the paragraphs on withdrawn passages.
  await page.getByRole('tab', { name: 'Edit & Export' }).click();
  await page.getByRole('button', { name: 'Add translated segments' }).click();
  await expect(page.getByTestId('article-block')).toHaveCount(20);
  const articlePath = join(exports, 'article.docx');
  await app.answerSaveDialog(articlePath);
  await page.getByRole('button', { name: 'Export…' }).click();
  const outcome = page.getByTestId('export-outcome');
  await expect(outcome).toContainText('Export refused');
  await expect(outcome).toContainText('paragraphs 2, 4 of the article are built on passages the narrator withdrew');
  expect(existsSync(articlePath)).toBe(false);
  // The two paragraphs say why; removed, the article is made.
  const onWithdrawn = page.getByTestId('article-block').filter({ has: page.getByTestId('withdrawn-note') });
  await expect(onWithdrawn).toHaveCount(2);
  await onWithdrawn.first().getByRole('button', { name: 'Remove' }).click();
  await onWithdrawn.first().getByRole('button', { name: 'Remove' }).click();
  await expect(onWithdrawn).toHaveCount(0);
  await app.answerSaveDialog(articlePath);
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(outcome).toContainText('Saved article.docx.');
  const article = await documentText(articlePath);
  expect(article).not.toContain('Arduous March');
  expect(article).toContain('How did the market trade work?');

  // The translated transcript says where the passages were, and nothing of them.
  const transcriptPath = join(exports, 'transcript.txt');
  await app.answerSaveDialog(transcriptPath);
  await page.getByLabel('Format').selectOption('txt');
  await page.getByRole('combobox', { name: /^Text/ }).selectOption('target');
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(outcome).toContainText('Saved transcript.txt.');
  const transcript = await readFile(transcriptPath, 'utf8');
  expect(transcript.split(MARK)).toHaveLength(3);
  expect(transcript).not.toContain('Arduous March');
  expect(transcript).not.toContain('small border town');
  expect(transcript).toContain('How did the market trade work?');

  // An embargo until the 10th: every publishable export refused, naming it.
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByLabel('Embargo until').fill('2027-01-10');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.getByRole('tab', { name: 'Edit & Export' }).click();
  await page.getByLabel('Format').selectOption('txt');
  const embargoedPath = join(exports, 'embargoed.txt');
  await app.answerSaveDialog(embargoedPath);
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(outcome).toContainText('under embargo until 2027-01-10 at the narrator’s request');
  expect(existsSync(embargoedPath)).toBe(false);
  await page.screenshot({ path: screenshotPath('consent-embargo-refused-en') });
  await app.close();

  // On the 10th the same export is made.
  app = await launch({ now: new Date(2027, 0, 10, 9, 0) });
  page = app.page;
  await page.getByRole('button', { name: '장마당에서 자란 아이 — Growing up in the market', exact: true }).click();
  await page.getByRole('tab', { name: 'Edit & Export' }).click();
  await page.getByLabel('Format').selectOption('txt');
  await app.answerSaveDialog(embargoedPath);
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByTestId('export-outcome')).toContainText('Saved embargoed.txt.');
  expect(existsSync(embargoedPath)).toBe(true);
});
