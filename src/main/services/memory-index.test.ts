// The translation memory's index files: written on save when the reviewed pairs change, read on a
// cold lookup without opening the interview, and rebuilt when the interview changed another way.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newSegment, type Interview } from '../../shared/interview';
import { interviewFilePath } from './data-paths';
import { Library } from './library';
import { bigramsOf, buildMemoryIndex, buildMemoryIndexPatiently, decodeMemoryIndex, encodeMemoryIndex, memoryEntry, memoryIndexPath, memorySignature, memorySignaturePatiently, postingsOf, type MemoryPair, type MemoryPairs } from './memory-index';
import { JsonDocumentAdapter } from './storage/json-document';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'memory-index-'));
});
afterEach(() => {
  vi.restoreAllMocks();
});

const rows = (interview: Interview): Interview => ({
  ...interview,
  segments: [
    newSegment({ id: 'seg-1', start: 0, end: 2, source: '강을 건넜어요.', translation: 'I crossed the river.', status: 'reviewed' }),
    newSegment({ id: 'seg-2', start: 2, end: 4, source: '배급이 끊겼어요.', translation: 'The rations stopped.', status: 'draft' }),
  ],
});

describe('translation memory index on disk', () => {
  it('holds the reviewed pairs only, and is not rewritten by a save that does not change them', async () => {
    const library = await Library.open(dataDir);
    const interview = rows(await library.create('Border town'));
    await library.save(interview);
    await library.memoryIndex(interview.id); // what the rebuild after the typing stops does
    const path = memoryIndexPath(dataDir, interview.id);
    const index = decodeMemoryIndex(await readFile(path))!;
    expect(index.title).toBe('Border town');
    expect(index.entryCount).toBe(1);
    expect(memoryEntry(index, 0)).toEqual({ segmentId: 'seg-1', source: '강을 건넜어요.', translation: 'I crossed the river.', normalized: '강을 건넜어요' });
    const before = (await stat(path)).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await library.save({ ...interview, segments: interview.segments.map((segment) => (segment.id === 'seg-2' ? { ...segment, translation: 'Rations stopped.' } : segment)) });
    await library.memoryIndex(interview.id);
    expect((await stat(path)).mtimeMs).toBe(before);
    await library.save({ ...interview, segments: interview.segments.map((segment) => ({ ...segment, status: 'reviewed' as const })) });
    await library.memoryIndex(interview.id);
    expect(decodeMemoryIndex(await readFile(path))!.entryCount).toBe(2);
  });

  it('is rebuilt by itself a few seconds after the last save, not on the autosave path', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const library = await Library.open(dataDir);
      const interview = rows(await library.create('Border town'));
      const path = memoryIndexPath(dataDir, interview.id);
      const before = decodeMemoryIndex(await readFile(path))!;
      expect(before.entryCount).toBe(0); // created empty
      await library.save(interview);
      expect(decodeMemoryIndex(await readFile(path))!.entryCount).toBe(0); // the save did not wait for it
      await vi.advanceTimersByTimeAsync(5_000);
      await vi.waitFor(async () => expect(decodeMemoryIndex(await readFile(path))!.entryCount).toBe(1));
    } finally {
      vi.useRealTimers();
    }
  });

  it('serves a cold lookup from the index file without reading the interview', async () => {
    const library = await Library.open(dataDir);
    const interview = rows(await library.create('Border town'));
    await library.save(interview);
    await library.memoryIndex(interview.id);
    const reopened = await Library.open(dataDir);
    await reopened.list();
    const reads = vi.spyOn(JsonDocumentAdapter.prototype, 'read');
    const index = await reopened.memoryIndex(interview.id);
    expect([index.title, memoryEntry(index, 0).translation]).toEqual(['Border town', 'I crossed the river.']);
    expect(reads).not.toHaveBeenCalled();
  });

  it('is built again when the interview changed on disk by other means, or the index file is damaged', async () => {
    const library = await Library.open(dataDir);
    const interview = rows(await library.create('Border town'));
    await library.save(interview);
    // Another program edits interview.json: the index's stamp no longer matches.
    const file = interviewFilePath(dataDir, interview.id);
    await writeFile(file, (await readFile(file, 'utf8')).replace('I crossed the river.', 'We crossed the river.'));
    const reopened = await Library.open(dataDir);
    expect(memoryEntry(await reopened.memoryIndex(interview.id), 0).translation).toBe('We crossed the river.');
    expect(await readFile(memoryIndexPath(dataDir, interview.id), 'utf8')).toContain('We crossed the river.');
    // A damaged index file is only a cache: refused as it is read, and built again.
    const good = await readFile(memoryIndexPath(dataDir, interview.id));
    const damaged = Buffer.from(good);
    const gramCount = damaged.readUInt32LE(12);
    damaged.writeUInt32LE(999_999, 4 * 7 + 12 + 8 * gramCount + 4); // the second bigram's postings start far outside
    expect(decodeMemoryIndex(damaged)).toBeNull();
    expect(decodeMemoryIndex(good.subarray(0, good.length - 3))).toBeNull();
    await writeFile(memoryIndexPath(dataDir, interview.id), 'not an index');
    const again = await Library.open(dataDir);
    expect(memoryEntry(await again.memoryIndex(interview.id), 0).translation).toBe('We crossed the river.');
  });
});

describe('building the index a few milliseconds at a time', () => {
  const memory: MemoryPairs = {
    title: '장마당 "이야기"',
    pairs: Array.from({ length: 3000 }, (_, index): MemoryPair => [`seg-${index}`, `${index % 7 === 0 ? '가' : `장마당에서 ${index}번째 국수를 팔았어요`}`, `I sold noodles, ${index}.`]),
  };

  it('gives the same index and signature as building it at once, and the signature is the SHA-256 of the pairs’ JSON', async () => {
    const atOnce = buildMemoryIndex(memory);
    const patient = await buildMemoryIndexPatiently(memory);
    expect(encodeMemoryIndex(patient)).toEqual(encodeMemoryIndex(atOnce));
    expect(await memorySignaturePatiently(memory)).toBe(memorySignature(memory));
    expect(memorySignature(memory)).toBe(createHash('sha256').update(JSON.stringify(memory)).digest('base64url').slice(0, 22));
    // A lone character is its own bigram, and the postings find it.
    expect(bigramsOf('가')).toEqual([[0xac00, 0]]);
    const lone = postingsOf(atOnce, 0xac00, 0);
    expect(lone.length).toBe(Math.ceil(3000 / 7));
    expect(memoryEntry(atOnce, lone[0]!).source).toBe('가');
  });

  it('lets other work run while it builds', async () => {
    let turns = 0;
    const ticking = setInterval(() => (turns += 1), 0);
    const big: MemoryPairs = { title: 't', pairs: Array.from({ length: 20 }, () => memory.pairs).flat() };
    await buildMemoryIndexPatiently(big);
    clearInterval(ticking);
    expect(turns).toBeGreaterThan(0);
  });
});
