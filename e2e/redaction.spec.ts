import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { allowEveryListedName, expect, screenshotPath, test } from './fixtures';

async function documentText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const parts = await Promise.all(Object.values(zip.files).filter((entry) => !entry.dir).map((entry) => entry.async('string')));
  return parts.join('\n').replace(/<[^>]+>/g, '').normalize('NFC');
}

test('a Korean name with its proposed spellings is redacted everywhere; the review catches a spelling nobody proposed', async ({ launch, dataDir }) => {
  const app = await launch();
  const { page } = app;
  await page.getByRole('button', { name: 'Open sample interview' }).click();

  // The translator wrote the aunt's name three ways; one of them nobody would foresee.
  await page.getByRole('tab', { name: 'Translate' }).click();
  const translation = page.getByLabel('Translation of segment 4', { exact: true });
  await translation.fill('My aunt Park Young-hee, Younghee to us, sold noodles with Pahk Yunghie’s cousin.');
  await page.getByRole('tab', { name: 'Edit & Export' }).click();
  await page.getByRole('button', { name: 'Add translated segments' }).click();

  await page.getByLabel('In Korean (e.g. 박영희, 회령시)').fill('박영희');
  await expect(page.locator('.redaction-form').getByLabel('Kind')).toHaveValue('person');
  const proposals = page.getByTestId('spelling-proposals');
  for (const spelling of ['Park Young-hee', 'Young-hee Park', 'Young-hee', 'Bak Yeonghui']) await expect(proposals).toContainText(spelling);
  await page.getByLabel('In Korean text', { exact: true }).fill('[고모]');
  await page.getByLabel('In English text', { exact: true }).fill('[my aunt]');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('redaction-row')).toHaveCount(1);

  const preview = page.getByTestId('article-preview');
  await expect(preview).toContainText('My aunt [my aunt], [my aunt] to us, sold noodles');
  await expect(preview).toContainText('Pahk Yunghie');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  const articlePath = join(dataDir, 'exports', 'article.docx');
  await mkdir(join(dataDir, 'exports'));
  await app.answerSaveDialog(articlePath);
  await page.getByRole('button', { name: 'Export…' }).click();

  // The check by sound stops the export: the unforeseen spelling sounds like the aunt's name. The
  // message says where, and quotes nothing but the name it heard.
  const refusal = page.getByRole('alert').filter({ hasText: 'Export refused' });
  await expect(refusal).toContainText('“Pahk Yunghie”, which sounds like sensitive term 2 (replaced by “[my aunt]”)');
  await expect(refusal).toContainText('segment 4 (translation)');
  await expect(refusal).not.toContainText('noodles');
  await page.screenshot({ path: screenshotPath('refused-by-sound'), fullPage: true });
  expect(existsSync(articlePath)).toBe(false);
  // The editor adds the spelling to the aunt's entry; the review then lists the other names, which she allows (A).
  const moreSpellings = page.getByLabel('More spellings of entry 1', { exact: true });
  await moreSpellings.fill('Pahk Yunghie');
  await moreSpellings.blur();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.getByRole('button', { name: 'Export…' }).click();
  const review = page.getByTestId('unlisted-names');
  await expect(review).toBeVisible();
  await page.screenshot({ path: screenshotPath('unlisted-names-review'), fullPage: true });
  await allowEveryListedName(page);
  await expect(page.getByTestId('export-outcome')).toContainText('Saved article.docx.');
  const article = await documentText(articlePath);
  for (const spelling of ['Park Young-hee', 'Younghee', 'Pahk', 'Yunghie', '박영희']) expect(article).not.toContain(spelling);
  expect(article).toContain('My aunt [my aunt], [my aunt] to us, sold noodles with [my aunt]’s cousin.');
  await expect(page.getByTestId('redaction-row')).toHaveCount(1);

  // The Korean subtitles carry only the Korean replacement.
  await page.getByLabel('Format').selectOption('srt');
  await page.locator('.export-box').getByRole('combobox', { name: /^Text/ }).selectOption('source');
  const srtPath = join(dataDir, 'exports', 'korean.srt');
  await app.answerSaveDialog(srtPath);
  await page.getByRole('button', { name: 'Export…' }).click();
  const review2 = page.getByTestId('unlisted-names');
  while (await review2.isVisible().catch(() => false)) {
    const first = review2.getByTestId('unlisted-name').first();
    if ((await first.count()) === 0) break;
    await first.focus();
    await page.keyboard.press('a');
  }
  await expect(page.getByTestId('export-outcome')).toContainText('Saved korean.srt.');
  const srt = await readFile(srtPath, 'utf8');
  expect(srt).not.toContain('[my aunt]');
  expect(srt).not.toContain('박영희');
  expect(app.outsideRequests).toEqual([]);
});

test('the redaction list reflows: replacements readable whole at 1280 and at 900 px', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await page.getByRole('tab', { name: 'Edit & Export' }).click();
  await page.getByLabel('In Korean (e.g. 박영희, 회령시)').fill('박영희');
  await page.getByLabel('In Korean text', { exact: true }).fill('[고모, 어머니의 언니]');
  await page.getByLabel('In English text', { exact: true }).fill('[her aunt, her mother’s sister]');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('redaction-row')).toHaveCount(1);
  for (const [width, height] of [
    [1280, 800],
    [900, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    const replacement = page.getByLabel('English replacement of entry 1', { exact: true });
    await replacement.scrollIntoViewIfNeeded();
    await page.getByTestId('redaction-list').screenshot({ path: screenshotPath(`redaction-list-${width}`) });
    // Wide enough to read the whole replacement: its text fits the field.
    expect(await replacement.evaluate((field: HTMLInputElement) => [field.scrollWidth, field.clientWidth]), `${width} px`).toEqual([expect.any(Number), expect.any(Number)]);
    const [scroll, client] = await replacement.evaluate((field: HTMLInputElement) => [field.scrollWidth, field.clientWidth]);
    expect(scroll, `${width} px: ${scroll} > ${client}`).toBeLessThanOrEqual(client! + 1);
    expect((await replacement.boundingBox())!.width).toBeGreaterThan(180);
  }
  expect(app.outsideRequests).toEqual([]);
});

