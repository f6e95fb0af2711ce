import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';

const run = promisify(execFile);
const bin = resolve(__dirname, '../bin/testimony.cjs');

test('the testimony command exports what the app made, and refuses a leaking file', async ({ launch, dataDir }) => {
  const { page, outsideRequests } = await launch();
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await expect(page.getByText('20 segments')).toBeVisible();
  const [id] = (await (await import('node:fs/promises')).readdir(join(dataDir, 'interviews'))) as string[];

  const srtPath = join(dataDir, 'sample.srt');
  const { stdout } = await run('node', [bin, 'export', '--data-dir', dataDir, '--interview', id!, '--format', 'srt', '--out', srtPath, '--text', 'target']);
  expect(stdout.trim()).toBe(srtPath);
  const srt = await readFile(srtPath, 'utf8');
  expect(srt).toMatch(/^1\n00:00:00,600 --> 00:00:08,830\nInterviewer: Hello, and thank you/);

  // The real name written into the transcript itself must be caught by redaction, not leak.
  const txtPath = join(dataDir, 'sample.txt');
  await run('node', [bin, 'export', '--data-dir', dataDir, '--interview', id!, '--format', 'txt', '--out', txtPath]);
  expect(await readFile(txtPath, 'utf8')).not.toContain('최순희');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Author in exported files').fill('최순희');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  const refused = await run('node', [bin, 'export', '--data-dir', dataDir, '--interview', id!, '--format', 'docx-article', '--out', join(dataDir, 'a.docx')]).then(
    () => null,
    (error: { code: number; stderr: string }) => error,
  );
  expect(refused?.code).toBe(3);
  expect(refused?.stderr).toContain('sensitive term 1 (replaced by “Lee Ji-woo”) in the document properties');
  expect(outsideRequests).toEqual([]);
});
