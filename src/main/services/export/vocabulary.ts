// Ordinary words, for the review of names nobody listed: a capitalised English dictionary word
// ("Thanks", "Photo", "River") or a Korean dictionary word (지금, 남자, 영화, 국수) is no name.
// English: the `word-list` package (274,000 words, no proper names of people); Korean: the stems of
// the Hunspell Korean dictionary in `dictionary-ko` (about 100,000, stored decomposed, NFD).
//
// Both are read once and looked up where they lie in the file's bytes: a table of where each
// word starts, by hash. Splitting them into 374,000 strings and a Set took ~330 ms a process, a
// third of a command-line export. Reading them as text cost ~70 ms more (decoding 2.8 MB of
// decomposed Hangul, then passes over the characters); the bytes are hashed in one pass, and a
// word looked up is encoded into a reused buffer.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Vocabulary } from '../../../shared/redaction/unlisted-names';

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;
const LONE_SURROGATE = /\p{Cs}/u;

/** A word list in UTF-8, one word a line; a word ends at the line's end or at `stop` (Hunspell's "/flags"). */
export class WordsInBytes {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly encoder = new TextEncoder();
  private scratch = new Uint8Array(64);

  constructor(
    private readonly bytes: Uint8Array,
    private readonly stop: number | null,
  ) {
    // Plain loops over the bytes: Buffer's indexOf costs more per call than a line here does.
    let lines = 1;
    for (let index = 0; index < bytes.length; index += 1) if (bytes[index] === NEWLINE) lines += 1;
    let size = 1;
    while (size < lines * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let start = 0; start < bytes.length; ) {
      let hash = FNV_OFFSET;
      let end = start;
      for (; end < bytes.length; end += 1) {
        const byte = bytes[end]!;
        if (byte === NEWLINE || byte === CARRIAGE_RETURN || byte === stop) break;
        hash = Math.imul(hash ^ byte, FNV_PRIME);
      }
      if (end > start) this.insert(start, hash >>> 0);
      while (end < bytes.length && bytes[end] !== NEWLINE) end += 1;
      start = end + 1;
    }
  }

  private insert(start: number, hash: number): void {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      if (this.slots[slot] === -1) {
        this.slots[slot] = start;
        return;
      }
    }
  }

  /** The word's UTF-8 bytes, in the reused buffer: their length. */
  private encode(word: string): number {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (this.scratch.length < word.length * 3) this.scratch = new Uint8Array(word.length * 3);
    return this.encoder.encodeInto(word, this.scratch).written;
  }

  private endsAt(start: number, end: number): boolean {
    if (end === this.bytes.length) return true;
    const byte = this.bytes[end];
    return byte === NEWLINE || byte === CARRIAGE_RETURN || byte === this.stop;
  }

  has(word: string): boolean {
    // A broken surrogate would be encoded as U+FFFD, which is no word's letter either.
    if (word === '' || LONE_SURROGATE.test(word)) return false;
    const length = this.encode(word);
    let hash = FNV_OFFSET;
    for (let index = 0; index < length; index += 1) hash = Math.imul(hash ^ this.scratch[index]!, FNV_PRIME);
    for (let slot = (hash >>> 0) & this.mask; this.slots[slot] !== -1; slot = (slot + 1) & this.mask) {
      const start = this.slots[slot]!;
      if (start + length > this.bytes.length || !this.endsAt(start, start + length)) continue;
      let same = true;
      for (let index = 0; index < length && same; index += 1) same = this.bytes[start + index] === this.scratch[index];
      if (same) return true;
    }
    return false;
  }
}

/** A package's folder, found the way Node finds packages (word-list exports no package.json). */
function packageFolder(name: string): string {
  const require = createRequire(__filename);
  for (const base of require.resolve.paths(name) ?? []) {
    const folder = join(base, name);
    if (existsSync(join(folder, 'package.json'))) return folder;
  }
  throw new Error(`the ${name} package is missing`);
}

let loaded: Vocabulary | null = null;

export function loadVocabulary(): Vocabulary {
  if (!loaded) {
    const english = new WordsInBytes(readFileSync(join(packageFolder('word-list'), 'words.txt')), null);
    const korean = new WordsInBytes(readFileSync(join(packageFolder('dictionary-ko'), 'index.dic')), '/'.charCodeAt(0));
    loaded = {
      english: { has: (word) => english.has(word) },
      // The dictionary's words are decomposed (NFD); the text's are composed.
      korean: { has: (word) => korean.has(word.normalize('NFD')) },
    };
  }
  return loaded;
}
