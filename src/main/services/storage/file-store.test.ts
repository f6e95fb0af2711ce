// Streams into the library that fail before anything reads them: a missing source, an upload
// cancelled at once. Each must fail quietly (its error met by the write) and leave no file.
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from './file-store';

describe('FileStore streams that fail early', () => {
  it('a copy from a file that does not exist rejects, leaving nothing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'store-missing-'));
    await expect(new FileStore(null).copyIn(join(folder, 'no-such.ogg'), join(folder, 'copy.ogg'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(folder)).toEqual([]);
  });

  it('an upload cancelled before its first piece is written leaves nothing and raises nothing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'store-cancel-'));
    const upload = await new FileStore(null).appendable(join(folder, 'upload.ogg'));
    await upload.abort();
    await new Promise((resolve) => setTimeout(resolve, 50)); // an unheard 'error' would surface here
    expect(await readdir(folder)).toEqual([]);
  });
});
