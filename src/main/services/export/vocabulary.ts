// Ordinary words, for the review of names nobody listed: a capitalised English dictionary word
// ("Thanks", "Photo", "River") or a Korean dictionary word (지금, 남자, 영화, 국수) is no name.
// English: the `word-list` package (274,000 words, no proper names of people); Korean: the stems of
// the Hunspell Korean dictionary in `dictionary-ko` (about 100,000, stored decomposed, NFD).
//
// Both are read once and looked up where they lie in the file's text: a table of where each word
// starts, by hash. Splitting them into 374,000 strings and a Set took ~330 ms a process, a third of
// a command-line export; this takes a few tens.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Vocabulary } from '../../../shared/redaction/unlisted-names';

/** A word list as one text, one word a line; a word ends at the line's end or at `stop` (Hunspell's "/flags"). */
class WordsInText {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly text: string,
    private readonly stop: number | null,
  ) {
    let lines = 1;
    for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) === 10) lines += 1;
    let size = 1;
    while (size < lines * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let start = 0; start < text.length; ) {
      const end = this.wordEnd(start);
      if (end > start) this.insert(start, end);
      const newline = text.indexOf('\n', start);
      start = newline < 0 ? text.length : newline + 1;
    }
  }

  private wordEnd(start: number): number {
    let end = start;
    while (end < this.text.length) {
      const code = this.text.charCodeAt(end);
      if (code === 10 || code === 13 || code === this.stop) break;
      end += 1;
    }
    return end;
  }

  private hash(source: string, start: number, end: number): number {
    let hash = 2166136261;
    for (let index = start; index < end; index += 1) hash = Math.imul(hash ^ source.charCodeAt(index), 16777619);
    return hash >>> 0;
  }

  private insert(start: number, end: number): void {
    for (let slot = this.hash(this.text, start, end) & this.mask; ; slot = (slot + 1) & this.mask) {
      if (this.slots[slot] === -1) {
        this.slots[slot] = start;
        return;
      }
    }
  }

  has(word: string): boolean {
    if (word === '') return false;
    for (let slot = this.hash(word, 0, word.length) & this.mask; this.slots[slot] !== -1; slot = (slot + 1) & this.mask) {
      const start = this.slots[slot]!;
      if (this.text.startsWith(word, start) && this.wordEnd(start) === start + word.length) return true;
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
    const english = new WordsInText(readFileSync(join(packageFolder('word-list'), 'words.txt'), 'utf8'), null);
    const korean = new WordsInText(readFileSync(join(packageFolder('dictionary-ko'), 'index.dic'), 'utf8'), '/'.charCodeAt(0));
    loaded = {
      english: { has: (word) => english.has(word) },
      // The dictionary's words are decomposed (NFD); the text's are composed.
      korean: { has: (word) => korean.has(word.normalize('NFD')) },
    };
  }
  return loaded;
}
