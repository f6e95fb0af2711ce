import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { reusedReads } from '../storage/reused-reads';
import { packFiles, readSmallFile, unpackFiles } from './tar-files';
import { inOneReusedBuffer } from '../storage/test-support/pieces';

const patterned = (length: number, seed: number) => Buffer.from(new Uint8Array(length).map((_, index) => (index * 7919 + seed) % 251));

/** Reads the archive slowly, copying each piece as the sealer would use it. */
async function drain(archive: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const copies: Buffer[] = [];
  let count = 0;
  for await (const piece of archive) {
    copies.push(Buffer.from(piece));
    if (++count % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return Buffer.concat(copies);
}

describe('packing a recording read into a reused buffer', () => {
  it('gives every byte of it, though tar-stream queues what it is given', async () => {
    const recording = patterned(3 * 1024 * 1024 + 4321, 17);
    const archive = await drain(
      packFiles(
        [
          { name: 'manifest.json', bytes: Buffer.from('{"a":1}') },
          { name: 'recording/recording.mp3', size: recording.length, pieces: () => inOneReusedBuffer(recording, 100_000) },
          { name: 'after.json', bytes: Buffer.from('[]') },
        ],
        new Date(0),
      ),
    );
    const files = new Map<string, Buffer>();
    await unpackFiles(Readable.from([archive]), async (name, _size, content) => void files.set(name, await readSmallFile(content, 2 ** 30)));
    expect([...files.keys()]).toEqual(['manifest.json', 'recording/recording.mp3', 'after.json']);
    expect(files.get('recording/recording.mp3')!.equals(recording)).toBe(true);
    // Any tar reads it.
    const folder = await mkdtemp(join(tmpdir(), 'tar-files-'));
    await writeFile(join(folder, 'package.tar'), archive);
    expect(execFileSync('tar', ['-tf', join(folder, 'package.tar')]).toString().trim().split('\n')).toEqual(['manifest.json', 'recording/recording.mp3', 'after.json']);
  });

  it('reads a file range in pieces that stay as they were until the next is asked for', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'reused-reads-'));
    const bytes = patterned(2.5 * 1024 * 1024, 5);
    await writeFile(join(folder, 'recording.mp3'), bytes);
    const whole: Buffer[] = [];
    for await (const piece of reusedReads(join(folder, 'recording.mp3'))) {
      const copy = Buffer.from(piece);
      await new Promise((resolve) => setTimeout(resolve, 2)); // the next read has had time to land
      expect(piece.equals(copy)).toBe(true);
      whole.push(copy);
    }
    expect(Buffer.concat(whole).equals(bytes)).toBe(true);
    const range: Buffer[] = [];
    for await (const piece of reusedReads(join(folder, 'recording.mp3'), 1000, 1_500_000)) range.push(Buffer.from(piece));
    expect(Buffer.concat(range).equals(bytes.subarray(1000, 1_500_001))).toBe(true);
  });
});
