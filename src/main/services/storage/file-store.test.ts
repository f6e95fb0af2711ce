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

describe('a locked store', () => {
  it('refuses every write once its key is forgotten: nothing late is written in plain text', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'store-locked-'));
    const store = new FileStore(null);
    store.forget();
    await expect(store.writeText(join(folder, 'late.json'), '{"name":"최순희"}')).rejects.toThrow(/locked/);
    await expect(store.writeBytes(join(folder, 'memory.idx'), new Uint8Array(4))).rejects.toThrow(/locked/);
    await expect(store.copyIn(join(folder, 'none'), join(folder, 'copy'))).rejects.toThrow(/locked/);
    expect(await readdir(folder)).toEqual([]);
  });
});
