import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli';
import { exportFixture } from './services/export/export-fixture';
import { Library } from './services/library';

let dataDir: string;
let interviewId: string;
let output: { out: string[]; err: string[] };
const io = () => ({ out: (line: string) => output.out.push(line), err: (line: string) => output.err.push(line) });

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cli-'));
  const library = await Library.open(dataDir);
  interviewId = (await library.addCopy(exportFixture().interview, null)).id;
  output = { out: [], err: [] };
});

describe('testimony export', () => {
  it('writes the export and prints where', async () => {
    const out = join(dataDir, 'subs.vtt');
    const code = await runCli(['export', '--data-dir', dataDir, '--interview', interviewId, '--format', 'vtt', '--out', out, '--text', 'target'], io());
    expect(code).toBe(0);
    expect(output.out).toEqual([out]);
    const vtt = await readFile(out, 'utf8');
    expect(vtt).toContain('<v Lee Ji-woo>I grew up in my neighbourhood.');
    expect(vtt).not.toContain('최순희');
  });

  it('exits 3 with a clear message when the leak check refuses, writing nothing', async () => {
    await (await Library.open(dataDir)).updateSettings({ documentAuthor: '최순희' });
    const out = join(dataDir, 'article.docx');
    const code = await runCli(['export', '--data-dir', dataDir, '--interview', interviewId, '--format', 'docx-article', '--out', out], io());
    expect(code).toBe(3);
    expect(output.err.join('\n')).toMatch(/Nothing was written: .*sensitive term 1 .*document properties/);
    expect(output.err.join('\n')).not.toContain('최순희');
    expect(existsSync(out)).toBe(false);
  });

  it('explains wrong usage (exit 2) and a missing interview or folder (exit 1)', async () => {
    expect(await runCli([], io())).toBe(2);
    expect(await runCli(['export', '--data-dir', dataDir, '--format', 'pdf', '--out', 'x'], io())).toBe(2);
    expect(output.err.join('\n')).toMatch(/Missing --interview.*Give a --format/s);
    expect(await runCli(['export', '--data-dir', dataDir, '--interview', 'abc-999', '--format', 'txt', '--out', join(dataDir, 'x.txt')], io())).toBe(1);
    expect(output.err.at(-1)).toBe('That interview does not exist.');
    expect(await runCli(['export', '--data-dir', join(dataDir, 'nope'), '--interview', 'abc-999', '--format', 'txt', '--out', 'x'], io())).toBe(1);
  });
});
