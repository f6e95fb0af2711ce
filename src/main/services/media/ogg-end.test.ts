import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oggIsCutShort } from './ogg-end';

const sample = resolve(__dirname, '../../../../resources/sample/recording.ogg');

describe('a cut-short Ogg recording', () => {
  it('is told apart from a whole one by its last page', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ogg-'));
    const whole = join(folder, 'whole.ogg');
    await copyFile(sample, whole);
    expect(await oggIsCutShort(whole)).toBe(false);
    const bytes = await readFile(sample);
    const cut = join(folder, 'cut.ogg');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.26)));
    expect(await oggIsCutShort(cut)).toBe(true);
  });
});
