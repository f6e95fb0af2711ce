import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect, screenshotPath, test } from './fixtures';

async function packageText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const parts = await Promise.all(Object.values(zip.files).filter((entry) => !entry.dir).map((entry) => entry.async('string')));
  return parts.join('\n').normalize('NFC');
}

test('compose an article from the sample translation, redact a term, export DOCX; a leaking file is refused', async ({ launch, dataDir }) => {
  const app = await launch();
  const { page } = app;
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await page.getByRole('tab', { name: 'Edit & Export' }).click();

  await page.getByLabel('Dek (one sentence: who writes, about what)').fill('A woman who grew up selling noodles remembers the market that fed her family.');
  await page.getByLabel('Publication date').fill('2026-11-20');
  await page.getByLabel('Topic (for the bio line)').fill('growing up in the market');
  await page.getByRole('button', { name: 'Add translated segments' }).click();
  const blocks = page.getByTestId('article-block');
  await expect(blocks).toHaveCount(20);
  // Keep the narrator's answers only: drop the interviewer's questions (every other segment).
  for (let index = 0; index < 10; index += 1) {
    await blocks.nth(index).getByRole('button', { name: 'Remove' }).click();
  }
  await expect(blocks).toHaveCount(10);
  await blocks.nth(0).getByRole('button', { name: 'Merge with next' }).click();
  await expect(blocks).toHaveCount(9);
  await blocks.nth(2).getByRole('button', { name: 'Section break after' }).click();
  await expect(blocks.nth(3)).toContainText('Section break');
  await page.getByLabel('Body 2').fill('We rose at five to make the dough, and I helped my mother before school.');
  await page.getByLabel('Closing paragraph').fill('One day I want to care for people from my hometown.');

  // Marked in Korean only: its English spellings are proposed, and caught without typing them.
  await page.getByLabel('In Korean (e.g. 박영희, 회령시)').fill('양강도');
  await expect(page.locator('.redaction-form').getByLabel('Kind')).toHaveValue('place');
  await expect(page.getByTestId('spelling-proposals')).toContainText('Ryanggang Province');
  await page.getByLabel('In Korean text', { exact: true }).fill('[북부 지방]');
  await page.getByLabel('In English text', { exact: true }).fill('a northern province');
  await page.getByLabel('Reason', { exact: true }).fill('narrows down the home town');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('redaction-list')).toContainText('양강도');

  const preview = page.getByTestId('article-preview');
  await expect(preview).toContainText('Ask a North Korean: What did children in North Korea do after school?');
  await expect(preview).toContainText('who was born and raised in a northern province, North Korea,');
  await expect(preview.locator('mark.replaced-term').first()).toBeVisible();
  await expect(preview).not.toContainText('Ryanggang');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.screenshot({ path: screenshotPath('edit-export-en'), fullPage: true });

  const articlePath = join(dataDir, 'exports', 'article.docx');
  await (await import('node:fs/promises')).mkdir(join(dataDir, 'exports'));
  await app.answerSaveDialog(articlePath);
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByTestId('export-outcome')).toContainText('Saved article.docx.');
  const article = await packageText(articlePath);
  for (const term of ['양강도', 'Ryanggang', '최순희', 'choesunhui']) expect(article).not.toContain(term);
  expect(article).toContain('a northern province');
  expect(article).toContain('Lee Ji-woo');
  expect(article).toContain('We rose at five to make the dough, and I helped my mother before school.');
  expect(article).toContain('<w:pStyle w:val="Title"/>');

  const bilingualPath = join(dataDir, 'exports', 'bilingual.docx');
  await app.answerSaveDialog(bilingualPath);
  await page.getByLabel('Format').selectOption('docx-bilingual');
  await page.getByRole('group', { name: 'Extra columns' }).getByLabel('Status').check();
  await page.locator('.export-box').screenshot({ path: screenshotPath('export-bilingual-columns-en') });
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByTestId('export-outcome')).toContainText('Saved bilingual.docx.');
  const bilingual = await packageText(bilingualPath);
  // The status column the editor ticked, on a turned page, in the named table style.
  expect(bilingual).toMatch(/<w:t[^>]*>Status<\/w:t>/);
  expect(bilingual).toContain('w:orient="landscape"');
  expect(bilingual).toContain('<w:tblStyle w:val="BilingualTranscript"/>');
  expect(bilingual.replace(/<[^>]+>/g, '')).toContain('저는 [북부 지방]의 작은 국경 도시에서');
  expect(bilingual).not.toContain('Ryanggang');
  expect(bilingual).not.toContain('양강도');

  // Crafted leak: a romanised real name typed into Settings would land in the file's properties.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Author in exported files').fill('Choe Sun-hui');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: '장마당에서 자란 아이 — Growing up in the market', exact: true }).click();
  await page.getByRole('tab', { name: 'Edit & Export' }).click();
  const leakingPath = join(dataDir, 'exports', 'leaking.docx');
  await app.answerSaveDialog(leakingPath);
  await page.getByRole('button', { name: 'Export…' }).click();
  const refusal = page.getByTestId('export-outcome');
  await expect(refusal).toContainText('Export refused');
  await expect(refusal).toContainText('sensitive term 1 (replaced by “Lee Ji-woo”) in the document properties');
  await expect(refusal).not.toContainText('Choe');
  expect(existsSync(leakingPath)).toBe(false);
  await page.screenshot({ path: screenshotPath('export-refused-en') });
  expect(app.outsideRequests).toEqual([]);
});

test('“Add Ji-woo’s answers” adds only the narrator’s segments, and every block says whose words it holds', async ({ launch }) => {
  const { page } = await launch();
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await page.getByRole('tab', { name: 'Edit & Export' }).click();
  await page.getByRole('button', { name: 'Add Ji-woo’s answers' }).click();
  const blocks = page.getByTestId('article-block');
  await expect(blocks).toHaveCount(10);
  await expect(page.getByTestId('block-speaker')).toHaveCount(10);
  for (const speaker of await page.getByTestId('block-speaker').allTextContents()) expect(speaker).toBe(' · Ji-woo');
});
