// A name on the roads between people and tools: the redaction list travels inside the default
// hand-off package, so the editor's export is redacted though she allows every name the review
// lists; an outside translator's XLIFF carries each name as a placeholder, and the translation
// comes back with the replacement where the name was.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { launchApp } from './harness/launch-app';
import { allowEveryListedName, expect, openPackageSummary, screenshotPath, sendPackage, test } from './fixtures';

const run = promisify(execFile);
const bin = resolve(__dirname, '../bin/testimony.cjs');

async function documentText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const parts = await Promise.all(Object.values(zip.files).filter((entry) => !entry.dir).map((entry) => entry.async('string')));
  return parts.join('\n').replace(/<[^>]+>/g, '').normalize('NFC');
}

/** The sample interview, with the aunt named in segment 4's translation and marked for redaction. */
async function sampleWithTheAuntMarked(page: Page) {
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await page.getByRole('tab', { name: 'Translate' }).click();
  await page.getByLabel('Translation of segment 4', { exact: true }).fill('My aunt Park Young-hee sold noodles at the market.');
  await page.getByRole('tab', { name: 'Edit & Export' }).click();
  await page.getByLabel('In Korean (e.g. 박영희, 회령시)').fill('박영희');
  await page.getByLabel('In Korean text', { exact: true }).fill('[고모]');
  await page.getByLabel('In English text', { exact: true }).fill('[my aunt]');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('redaction-row')).toHaveCount(1);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}

test('the editor receives the default package: the redaction list came with it, and her article names nobody though she allows every name the review lists', async ({ launch }) => {
  const editorDir = await mkdtemp(join(tmpdir(), 'testimony-e2e-editor-'));
  const files = await mkdtemp(join(tmpdir(), 'testimony-e2e-files-'));
  const interviewer = await launch();
  const editor = await launchApp({ dataDir: editorDir });
  try {
    const a = interviewer.page;
    await sampleWithTheAuntMarked(a);
    // The default package: nothing to tick, the dialog says the list travels.
    await interviewer.answerSaveDialog(join(files, 'to-editor.testimony'));
    await a.getByRole('button', { name: 'Send…' }).first().click();
    await expect(a.getByRole('dialog')).toContainText('The redaction list always travels inside the package');
    await a.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await sendPackage(a, 'interviewer', 'told by phone');

    const b = editor.page;
    await editor.answerOpenDialog(join(files, 'to-editor.testimony'));
    const open = await openPackageSummary(b, 'told by phone');
    await expect(open.getByTestId('package-summary')).toContainText('the real name');
    await expect(open.getByTestId('package-summary')).not.toContainText('the redaction list');
    await open.getByRole('button', { name: 'Add', exact: true }).click();
    await open.getByRole('button', { name: 'Open the interview' }).click();
    await b.getByRole('tab', { name: 'Edit & Export' }).click();
    await expect(b.getByTestId('redaction-row')).toHaveCount(1);
    await expect(b.getByTestId('redaction-row')).toContainText('박영희');
    await b.getByRole('button', { name: 'Add translated segments' }).click();
    await expect(b.getByTestId('article-preview')).toContainText('My aunt [my aunt] sold noodles');
    await b.screenshot({ path: screenshotPath('received-redactions'), fullPage: true });

    const articlePath = join(files, 'article.docx');
    await editor.answerSaveDialog(articlePath);
    await b.getByRole('button', { name: 'Export…' }).click();
    // She allows every name the review lists (A, one key each): the list, not the review, protects the aunt.
    const outcome = b.getByTestId('export-outcome');
    await expect(b.getByTestId('unlisted-names').or(outcome)).toBeVisible();
    await allowEveryListedName(b);
    await expect(outcome).toContainText('Saved article.docx.');
    const article = await documentText(articlePath);
    for (const spelling of ['Park Young-hee', 'Young-hee', '박영희', '최순희']) expect(article).not.toContain(spelling);
    expect(article).toContain('My aunt [my aunt] sold noodles at the market.');
    expect(editor.outsideRequests).toEqual([]);
  } finally {
    await editor.close();
    await rm(editorDir, { recursive: true, force: true });
    await rm(files, { recursive: true, force: true });
  }
});

test('an outside translator’s XLIFF carries every name as a placeholder, and her translation comes back with the replacement in its place', async ({ launch, dataDir }) => {
  const app = await launch();
  await sampleWithTheAuntMarked(app.page);
  expect(app.outsideRequests).toEqual([]);
  await app.close();

  const [id] = (await (await import('node:fs/promises')).readdir(join(dataDir, 'interviews'))) as string[];
  const xlf = join(dataDir, 'for-translator.xlf');
  await run('node', [bin, 'xliff', 'export', '--data-dir', dataDir, '--interview', id!, '--out', xlf, '--allow-unlisted']);
  const xliff = await readFile(xlf, 'utf8');
  expect(xliff).toContain('My aunt <x id="r2-1" ctype="x-redacted" equiv-text="[my aunt]"/> sold noodles at the market.');
  for (const name of ['박영희', 'Park Young-hee', '최순희']) expect(xliff).not.toContain(name);
  // The translator rewrites segment 4 in her CAT tool, which keeps the placeholder where she puts it.
  const translated = xliff.replace(
    /(<target xml:lang="en" state="[^"]*">)My aunt <x id="r2-1" ctype="x-redacted" equiv-text="\[my aunt\]"\/> sold noodles at the market\.(<\/target>)/,
    '$1Every morning, <x id="r2-1" ctype="x-redacted" equiv-text="[my aunt]"/> sold noodles at the market.$2',
  );
  expect(translated).not.toBe(xliff);
  await writeFile(xlf, translated);
  const { stderr } = await run('node', [bin, 'xliff', 'import', '--data-dir', dataDir, '--interview', id!, '--in', xlf, '--translator', 'outside translator']);
  expect(stderr).toContain('Merged the XLIFF: 1 translations taken, 0 in conflict.');

  const reopened = await launch();
  await reopened.page.getByRole('button', { name: '장마당에서 자란 아이 — Growing up in the market', exact: true }).click();
  await reopened.page.getByRole('tab', { name: 'Translate' }).click();
  await expect(reopened.page.getByLabel('Translation of segment 4', { exact: true })).toHaveValue('Every morning, [my aunt] sold noodles at the market.');
  await expect(reopened.page.getByLabel('Translation of segment 5', { exact: true })).not.toHaveValue(/\[/);
});
