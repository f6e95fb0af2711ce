import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readTextFile, writeFileDurably } from './durable-file';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'durable-'));
});

describe('writeFileDurably', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const path = join(folder, 'interview.json');
    await writeFile(path, 'old');
    await writeFileDurably(path, 'new 한국어');
    expect(await readFile(path, 'utf8')).toBe('new 한국어');
    expect(await readdir(folder)).toEqual(['interview.json']);
  });

  it('leaves the previous file intact when the process dies between temp write and rename', async () => {
    const path = join(folder, 'interview.json');
    await writeFile(path, '{"previous":true}');
    let tempSeen = '';
    const crash = writeFileDurably(path, '{"next":true}', {
      beforeRename: async (tempPath) => {
        tempSeen = await readFile(tempPath, 'utf8');
        throw new Error('simulated crash');
      },
    });
    await expect(crash).rejects.toThrow('simulated crash');
    expect(tempSeen).toBe('{"next":true}'); // the new state was fully written and synced first
    expect(await readFile(path, 'utf8')).toBe('{"previous":true}');
    expect(await readdir(folder)).toEqual(['interview.json']);
  });

  it('gives concurrent writers their own temp files, so one never clobbers the other mid-write', async () => {
    const path = join(folder, 'library.json');
    const temps: string[] = [];
    const hooks = { beforeRename: async (tempPath: string) => void temps.push(tempPath) };
    await Promise.all([writeFileDurably(path, 'a', hooks), writeFileDurably(path, 'b', hooks)]);
    expect(new Set(temps).size).toBe(2);
    expect(['a', 'b']).toContain(await readFile(path, 'utf8'));
  });

  it('writes content that arrives in pieces in order, batch after batch, while the next batch is still being made', async () => {
    const path = join(folder, 'package.testimony');
    const pieces = Array.from({ length: 300 }, (_, index) => Buffer.alloc(10_000 + (index % 7) * 1000, index % 251));
    async function* slowly() {
      for (const [index, piece] of pieces.entries()) {
        if (index % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
        yield piece;
      }
    }
    await writeFileDurably(path, slowly());
    expect((await readFile(path)).equals(Buffer.concat(pieces))).toBe(true);
    expect(await readdir(folder)).toEqual(['package.testimony']);
  });

  it('lets a producer refill one buffer for every piece (pieces larger and smaller than a batch)', async () => {
    const path = join(folder, 'recording.mp3');
    const sizes = [3 * 1024 * 1024 + 5, 70_000, 1, 1024 * 1024, 65_552];
    const expected = Buffer.concat(sizes.map((size, index) => Buffer.alloc(size, index + 1)));
    const reused = Buffer.alloc(Math.max(...sizes));
    async function* refilled() {
      for (const [index, size] of sizes.entries()) {
        reused.fill(index + 1, 0, size);
        yield reused.subarray(0, size);
      }
    }
    await writeFileDurably(path, refilled());
    expect((await readFile(path)).equals(expected)).toBe(true);
  });

  it('keeps the previous file and leaves no temp file when the pieces fail half way', async () => {
    const path = join(folder, 'package.testimony');
    await writeFile(path, 'previous');
    async function* failing() {
      for (let index = 0; index < 200; index += 1) yield Buffer.alloc(20_000, 1); // several batches written first
      throw new Error('the recording could not be read');
    }
    await expect(writeFileDurably(path, failing())).rejects.toThrow('the recording could not be read');
    expect(await readFile(path, 'utf8')).toBe('previous');
    expect(await readdir(folder)).toEqual(['package.testimony']);
  });

  it('reads a missing file as null and an existing one as text', async () => {
    expect(await readTextFile(join(folder, 'missing.json'))).toBeNull();
    await writeFile(join(folder, 'x.json'), '탈북');
    expect(await readTextFile(join(folder, 'x.json'))).toBe('탈북');
  });
});
