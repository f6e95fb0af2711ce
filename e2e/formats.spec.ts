// Every format exported from the window, as an editor would, and each file checked by its own
// standard: ELAN against EAFv3.0.xsd, OHMS as well-formed XML whose sync lines the Nunn Center's
// viewer can place, subtitles within their line limits with dashes only on two-speaker cues,
// Word files that unzip with a page-numbered footer, Markdown and text that read as written.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { validateXML } from 'xmllint-wasm';
import { exportFormats } from '../src/shared/contract';
import { allowEveryListedName, expect, test } from './fixtures';

const schemas = join(__dirname, '..', 'test-fixtures', 'schemas');
const extensions: Record<string, string> = { 'docx-article': 'docx', 'docx-bilingual': 'docx', 'docx-transcript': 'docx', srt: 'srt', vtt: 'vtt', txt: 'txt', md: 'md', eaf: 'eaf', ohms: 'xml' };

/** Exports the open interview in `format`, allowing (A) whatever names the review lists. */
async function exportAs(page: Page, answerSaveDialog: (path: string) => Promise<void>, format: string, path: string) {
  await page.getByLabel('Format').selectOption(format);
  await answerSaveDialog(path);
  await page.getByRole('button', { name: 'Export…' }).click();
  const outcome = page.getByTestId('export-outcome');
  await expect(page.getByTestId('unlisted-names').or(outcome)).toBeVisible();
  await allowEveryListedName(page);
  await expect(outcome).toContainText(`Saved ${path.split('/').pop()}.`);
}

test('every format exported from the window is valid by its own standard', async ({ launch, dataDir }) => {
  const app = await launch();
  const { page } = app;
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await page.getByRole('tab', { name: 'Edit & Export' }).click();
  await page.getByRole('button', { name: 'Add translated segments' }).click();
  await mkdir(join(dataDir, 'exports'));
  const files = new Map<string, string>();
  // The editor's choice of OHMS index points: the first question found is unticked.
  await page.getByLabel('Format').selectOption('ohms');
  const indexPoints = page.getByTestId('index-points');
  const ticked = await indexPoints.getByRole('checkbox', { checked: true }).count();
  expect(ticked).toBeGreaterThan(1);
  await indexPoints.getByRole('checkbox', { checked: true }).first().uncheck();
  await expect(indexPoints.getByRole('checkbox', { checked: true })).toHaveCount(ticked - 1);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  for (const format of exportFormats) {
    const path = join(dataDir, 'exports', `sample-${format}.${extensions[format]}`);
    await exportAs(page, app.answerSaveDialog, format, path);
    files.set(format, path);
  }

  const eaf = await readFile(files.get('eaf')!, 'utf8');
  const validation = await validateXML({
    xml: [{ fileName: 'sample.eaf', contents: eaf }],
    schema: [{ fileName: 'EAFv3.0.xsd', contents: await readFile(join(schemas, 'EAFv3.0.xsd'), 'utf8') }],
  });
  expect(validation.errors).toEqual([]);

  const ohms = await readFile(files.get('ohms')!, 'utf8');
  expect(XMLValidator.validate(ohms)).toBe(true);
  const record = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'point' }).parse(ohms).ROOT.record;
  expect(record.index.point).toHaveLength(ticked - 1);
  const lines = (record.transcript as string).split('\n');
  // The viewer puts minute n's anchor on line number n of the transcript split at newlines (from 0).
  for (const stamp of (record.sync as string).split('|').slice(1)) expect(lines[Number(stamp.split('(')[0])]?.trim()).toBeTruthy();

  for (const format of ['srt', 'vtt'] as const) {
    const cues = (await readFile(files.get(format)!, 'utf8')).split(/\n\n/).map((block) => block.split('\n').filter((line) => line && !/^\d+$/.test(line) && !line.includes('-->') && line !== 'WEBVTT'));
    for (const cue of cues) {
      const text = cue.map((line) => line.replace(/<\/?v[^>]*>/g, ''));
      expect(text.length, format).toBeLessThanOrEqual(2);
      // The sample's source is Korean: 20 characters a line (Settings' default), dashes inside the limit.
      for (const line of text) expect([...line].length, `${format}: ${line}`).toBeLessThanOrEqual(20);
      if (text.some((line) => line.startsWith('- '))) expect(text.every((line) => line.startsWith('- ')), format).toBe(true);
    }
  }

  for (const format of ['docx-article', 'docx-bilingual', 'docx-transcript'] as const) {
    const zip = await JSZip.loadAsync(await readFile(files.get(format)!));
    const footer = await Promise.all(Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')));
    expect(footer.join(''), format).toMatch(/PAGE.*NUMPAGES/s);
  }
  expect(await readFile(files.get('md')!, 'utf8')).toMatch(/^# /);
  expect(await readFile(files.get('txt')!, 'utf8')).toContain('[00:00:00]');
  for (const path of files.values()) expect((await readFile(path)).includes(Buffer.from('최순희')), path).toBe(false);
  expect(app.outsideRequests).toEqual([]);
});
