import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';

const run = promisify(execFile);
const bin = resolve(__dirname, '../bin/testimony.cjs');

test('the testimony command waits for the window to close, lists unlisted names, exports what the app made, and refuses a leaking file', async ({ launch, dataDir }) => {
  const app = await launch();
  const { page, outsideRequests } = app;
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await expect(page.getByText('20 segments')).toBeVisible();
  const [id] = (await (await import('node:fs/promises')).readdir(join(dataDir, 'interviews'))) as string[];
  const failure = (error: { code: number; stderr: string }) => error;

  // One writer per library: while the window has it, the command line says who has it.
  const srtPath = join(dataDir, 'sample.srt');
  const exportSrt = ['export', '--data-dir', dataDir, '--interview', id!, '--format', 'srt', '--out', srtPath, '--text', 'target'];
  const whileOpen = await run('node', [bin, ...exportSrt]).then(() => null, failure);
  expect(whileOpen?.code).toBe(1);
  expect(whileOpen?.stderr).toMatch(/This library is open in the Testimony Desk window .*Close it there first/);

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Author in exported files').fill('최순희');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  expect(outsideRequests).toEqual([]);
  await app.close();

  // A name nobody listed stops the export (exit 3) until it is allowed explicitly.
  const unreviewed = await run('node', [bin, ...exportSrt]).then(() => null, failure);
  expect(unreviewed?.code).toBe(3);
  expect(unreviewed?.stderr).toContain('  Ryanggang  (1×)'); // "Province" is an ordinary word: the review names the place itself
  const { stdout, stderr } = await run('node', [bin, ...exportSrt, '--allow-unlisted']);
  expect(stdout.trim()).toBe(srtPath);
  expect(stderr).toContain('--allow-unlisted let through 1 name nobody reviewed:\n  Ryanggang  (1×)');
  const srt = await readFile(srtPath, 'utf8');
  // Subtitle Edit's defaults: two lines of at most 42 characters, long lines split into cues, no names.
  expect(srt).toMatch(/^1\n00:00:00,600 --> 00:00:05,025\nHello, and thank you for\nagreeing to this interview\.\n\n2\n00:00:05,105 --> 00:00:08,830\nFirst, could you tell\nme where you grew up\?\n\n3\n00:00:09,530 --> 00:00:14,926\nI was born/);

  // The real name written into the transcript itself must be caught by redaction, not leak.
  const txtPath = join(dataDir, 'sample.txt');
  await run('node', [bin, 'export', '--data-dir', dataDir, '--interview', id!, '--format', 'txt', '--out', txtPath, '--allow-unlisted']);
  expect(await readFile(txtPath, 'utf8')).not.toContain('최순희');

  // The sample's article has no body yet: refused unless the editor says it is meant to be empty…
  const empty = await run('node', [bin, 'export', '--data-dir', dataDir, '--interview', id!, '--format', 'docx-article', '--out', join(dataDir, 'a.docx')]).then(() => null, failure);
  expect(empty?.code).toBe(3);
  expect(empty?.stderr).toContain('The article has no body yet');
  // …and then still refused, because a listed name is in the document's properties.
  const refused = await run('node', [bin, 'export', '--data-dir', dataDir, '--interview', id!, '--format', 'docx-article', '--out', join(dataDir, 'a.docx'), '--allow-incomplete']).then(() => null, failure);
  expect(refused?.code).toBe(3);
  expect(refused?.stderr).toContain('sensitive term 1 (replaced by “Lee Ji-woo”) in the document properties');
});
