// The translation memory's index of one interview, kept on disk beside it (`memory.idx`, stored
// like everything else: encrypted in an encrypted library). It holds what a lookup needs, already
// computed: for every character pair (bigram) of the compared sources, the reviewed segments
// that contain it, as flat arrays; and each segment's texts, decoded only when it is a
// candidate. A cold lookup reads these compact files instead of opening every interview and
// building the same tables again, and the main process holds typed arrays, not interviews.
// library.json records, per interview, the stamp of the index file that matches the interview's
// current file, so an interview changed by any means is indexed again.
import { createHash } from 'node:crypto';
import { atOnce, patiently } from './patient-steps';
import { join } from 'node:path';
import type { Interview } from '../../shared/interview';
import { interviewFolder } from './data-paths';
import type { FileStore } from './storage/file-store';

const MAGIC = 0x494d4454; // "TDMI" little-endian
const VERSION = 1;
const HEADER_WORDS = 7;

/** segment id, source, translation */
export type MemoryPair = [segmentId: string, source: string, translation: string];
export type MemoryPairs = { title: string; pairs: MemoryPair[] };

export type MemoryEntry = { segmentId: string; source: string; translation: string; normalized: string };

/** One interview's lookup tables. Bigrams are sorted by (first, second) code point. */
export type MemoryIndex = {
  title: string;
  entryCount: number;
  gramFirst: Uint32Array;
  gramSecond: Uint32Array;
  /** Entries containing bigram g: postings[postingStart[g] … postingStart[g + 1]). */
  postingStart: Uint32Array;
  postings: Uint32Array;
  /** How many distinct bigrams each entry has (for the Dice coefficient). */
  entryGrams: Uint32Array;
  /** Entry i's texts: JSON in text[textStart[i] … textStart[i + 1]). */
  textStart: Uint32Array;
  text: Uint8Array;
};

export const memoryIndexPath = (dataDir: string, id: string): string => join(interviewFolder(dataDir, id), 'memory.idx');

/** Compared form of a source: NFC, lower case, punctuation and extra spaces removed. */
export function normalizeForMemory(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A bigram as one number (first · 0x110000 + second: exact in a double), for maps and numeric sorts. */
const GRAM_BASE = 0x110000;

/** The distinct bigrams of a compared source as keys (a lone character is its own, with 0 after it). */
function bigramKeysOf(text: string): number[] {
  const points = Array.from(text, (char) => char.codePointAt(0)!);
  if (points.length === 1) return [points[0]! * GRAM_BASE];
  const keys = new Set<number>();
  for (let index = 0; index < points.length - 1; index += 1) keys.add(points[index]! * GRAM_BASE + points[index + 1]!);
  return [...keys];
}

/** The distinct bigrams of a compared source, as [first, second] code points (a lone character is its own). */
export function bigramsOf(text: string): [number, number][] {
  return bigramKeysOf(text).map((key) => [Math.floor(key / GRAM_BASE), key % GRAM_BASE]);
}

/** What the memory takes from an interview: its reviewed, translated segments. */
export function memoryPairsOf(interview: Interview): MemoryPairs {
  const pairs: MemoryPair[] = [];
  for (const segment of interview.segments) {
    if (segment.status === 'reviewed' && segment.translation.trim() !== '' && segment.source.trim() !== '') pairs.push([segment.id, segment.source, segment.translation]);
  }
  return { title: interview.title, pairs };
}

/**
 * A short signature of the pairs, to skip writing an index that would not change: the SHA-256 of
 * `JSON.stringify(memory)`, hashed pair by pair (so it can pause between them) to the same digest.
 */
function* signatureSteps(memory: MemoryPairs): Generator<void, string> {
  const hash = createHash('sha256').update(`{"title":${JSON.stringify(memory.title)},"pairs":[`);
  for (let index = 0; index < memory.pairs.length; index += 1) {
    hash.update(index === 0 ? JSON.stringify(memory.pairs[index]) : `,${JSON.stringify(memory.pairs[index])}`);
    yield;
  }
  return hash.update(']}').digest('base64url').slice(0, 22);
}

/**
 * The index, built a step at a time: every yield is a point where the caller may let other work
 * run (see `patiently`). At 10,000 reviewed segments the whole build takes a quarter of a second.
 */
function* memoryIndexSteps(memory: MemoryPairs): Generator<void, MemoryIndex> {
  const encoder = new TextEncoder();
  const entries: { texts: Uint8Array; grams: number[] }[] = [];
  for (const [segmentId, source, translation] of memory.pairs) {
    const normalized = normalizeForMemory(source);
    if (!normalized || translation.trim() === '') continue;
    entries.push({ texts: encoder.encode(JSON.stringify([segmentId, source, translation, normalized])), grams: bigramKeysOf(normalized) });
    yield;
  }
  const lists = new Map<number, number[]>();
  for (let index = 0; index < entries.length; index += 1) {
    for (const key of entries[index]!.grams) {
      const list = lists.get(key);
      if (list) list.push(index);
      else lists.set(key, [index]);
    }
    yield;
  }
  // Sorted as numbers (a typed array's own sort): the same order as by (first, second).
  const keys = Float64Array.from(lists.keys()).sort();
  yield;
  const postingStart = new Uint32Array(keys.length + 1);
  for (let index = 0; index < keys.length; index += 1) postingStart[index + 1] = postingStart[index]! + lists.get(keys[index]!)!.length;
  const postings = new Uint32Array(postingStart[keys.length]!);
  for (let index = 0; index < keys.length; index += 1) {
    postings.set(lists.get(keys[index]!)!, postingStart[index]!);
    if (index % 4096 === 0) yield;
  }
  const textStart = new Uint32Array(entries.length + 1);
  entries.forEach((entry, index) => (textStart[index + 1] = textStart[index]! + entry.texts.length));
  const text = new Uint8Array(textStart[entries.length]!);
  entries.forEach((entry, index) => text.set(entry.texts, textStart[index]!));
  return {
    title: memory.title,
    entryCount: entries.length,
    gramFirst: Uint32Array.from(keys, (key) => Math.floor(key / GRAM_BASE)),
    gramSecond: Uint32Array.from(keys, (key) => key % GRAM_BASE),
    postingStart,
    postings,
    entryGrams: Uint32Array.from(entries, (entry) => entry.grams.length),
    textStart,
    text,
  };
}

export const memorySignature = (memory: MemoryPairs): string => atOnce(signatureSteps(memory));
export const buildMemoryIndex = (memory: MemoryPairs): MemoryIndex => atOnce(memoryIndexSteps(memory));

/** The same, a few milliseconds at a time: the main process keeps answering the window meanwhile. */
export const memorySignaturePatiently = (memory: MemoryPairs): Promise<string> => patiently(signatureSteps(memory));
export const buildMemoryIndexPatiently = (memory: MemoryPairs): Promise<MemoryIndex> => patiently(memoryIndexSteps(memory));

/** The texts of entry `index`, decoded when it is a candidate. */
export function memoryEntry(index: MemoryIndex, entry: number): MemoryEntry {
  const [segmentId, source, translation, normalized] = JSON.parse(new TextDecoder().decode(index.text.subarray(index.textStart[entry], index.textStart[entry + 1]))) as string[];
  return { segmentId: segmentId!, source: source!, translation: translation!, normalized: normalized! };
}

/** The range of postings of one bigram, found by binary search; empty when no entry has it. */
export function postingsOf(index: MemoryIndex, first: number, second: number): Uint32Array {
  let low = 0;
  let high = index.gramFirst.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const order = index.gramFirst[middle]! - first || index.gramSecond[middle]! - second;
    if (order === 0) return index.postings.subarray(index.postingStart[middle], index.postingStart[middle + 1]);
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return new Uint32Array(0);
}

/** The file: a header of seven words, the title, then the arrays, each on a 4-byte boundary. */
export function encodeMemoryIndex(index: MemoryIndex): Uint8Array {
  const title = new TextEncoder().encode(index.title);
  const arrays = [index.gramFirst, index.gramSecond, index.postingStart, index.postings, index.textStart, index.entryGrams];
  const padded = (length: number) => Math.ceil(length / 4) * 4;
  const size = HEADER_WORDS * 4 + padded(title.length) + arrays.reduce((sum, array) => sum + array.byteLength, 0) + index.text.length;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  [MAGIC, VERSION, index.entryCount, index.gramFirst.length, index.postings.length, title.length, index.text.length].forEach((word, at) => view.setUint32(at * 4, word, true));
  let offset = HEADER_WORDS * 4;
  bytes.set(title, offset);
  offset += padded(title.length);
  for (const array of arrays) {
    new Uint32Array(bytes.buffer, offset, array.length).set(array);
    offset += array.byteLength;
  }
  bytes.set(index.text, offset);
  return bytes;
}

/** Reads an index file back; null when it is not one or does not add up (it is then built again). */
export function decodeMemoryIndex(file: Uint8Array): MemoryIndex | null {
  if (file.length < HEADER_WORDS * 4) return null;
  // Typed-array views need a 4-byte-aligned start.
  const bytes = file.byteOffset % 4 === 0 ? file : file.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [magic, version, entryCount, gramCount, postingCount, titleLength, textLength] = Array.from({ length: HEADER_WORDS }, (_, at) => view.getUint32(at * 4, true));
  if (magic !== MAGIC || version !== VERSION) return null;
  let offset = HEADER_WORDS * 4 + Math.ceil(titleLength! / 4) * 4;
  const words = gramCount! * 2 + (gramCount! + 1) + postingCount! + (entryCount! + 1) + entryCount!;
  if (offset + words * 4 + textLength! !== bytes.length) return null;
  const take = (length: number) => {
    const array = new Uint32Array(bytes.buffer, bytes.byteOffset + offset, length);
    offset += length * 4;
    return array;
  };
  const title = new TextDecoder().decode(bytes.subarray(HEADER_WORDS * 4, HEADER_WORDS * 4 + titleLength!));
  const index: MemoryIndex = {
    title,
    entryCount: entryCount!,
    gramFirst: take(gramCount!),
    gramSecond: take(gramCount!),
    postingStart: take(gramCount! + 1),
    postings: take(postingCount!),
    textStart: take(entryCount! + 1),
    entryGrams: take(entryCount!),
    text: bytes.subarray(offset, offset + textLength!),
  };
  return isConsistent(index) ? index : null;
}

/** Every offset inside its array: a damaged file must not send a lookup out of bounds. */
function isConsistent(index: MemoryIndex): boolean {
  const { postingStart, postings, textStart, text, entryCount } = index;
  if (postingStart[0] !== 0 || postingStart[postingStart.length - 1] !== postings.length) return false;
  for (let at = 1; at < postingStart.length; at += 1) if (postingStart[at]! < postingStart[at - 1]!) return false;
  for (let at = 0; at < postings.length; at += 1) if (postings[at]! >= entryCount) return false;
  if (textStart[0] !== 0 || textStart[entryCount] !== text.length) return false;
  for (let at = 1; at < textStart.length; at += 1) if (textStart[at]! < textStart[at - 1]!) return false;
  return true;
}

export async function readMemoryIndex(store: FileStore, dataDir: string, id: string): Promise<MemoryIndex | null> {
  const bytes = await store.readBytes(memoryIndexPath(dataDir, id)).catch(() => null);
  return bytes ? decodeMemoryIndex(bytes) : null;
}
