// The second leak check, built differently from the replacer on purpose: the replacer enumerates
// spellings (regular expressions over folded text); this check never spells anything. It reduces
// every word, and every listed name, to how it sounds — a key of consonant classes and vowel
// classes — and compares keys. Latin is read letter by letter (Park → P-a-K: the r before a
// consonant is silent; Hoeryong, Hweryong, Heoryong and Hoeryoong all give H-e-L-o-G), Hangul jamo
// by jamo (회령 → H-e-L-o-G), Hanja through its Hangul reading. A spelling nobody foresaw still
// sounds like the name, so it is found here even where the replacer's list has a gap.
import { confusablesMap } from 'confusables';
import { hanjaReadings, isHanja, readHanja } from './hanja';
import type { RedactionTerm } from './redaction';
import { allMatches } from '../text-patterns';

/** A consonant class (one capital letter) or a vowel: a bit set of the vowel classes it may be. */
type Token = string | number;

const VOWEL_A = 1;
const VOWEL_E = 2;
const VOWEL_I = 4;
const VOWEL_O = 8; // o, u, eo, eu: Korean's back and central vowels, which romanisations mix up

// ---- Latin ------------------------------------------------------------------------------------

const VOWEL_LETTERS = new Set(['a', 'e', 'i', 'o', 'u']);
const GLIDES = new Set(['y', 'w']);

/** The vowel classes one run of vowel letters can stand for; transposed letters give the same set. */
function latinVowel(run: string): number {
  const normal = run.replace(/ee/g, 'i').replace(/oo/g, 'u').replace(/(.)\1+/g, '$1');
  const letters = [...new Set(normal)].sort().join('');
  const known: Record<string, number> = {
    a: VOWEL_A, e: VOWEL_E, i: VOWEL_I, o: VOWEL_O, u: VOWEL_O,
    ae: VOWEL_E, ai: VOWEL_E, eo: VOWEL_O | VOWEL_E, eu: VOWEL_O, io: VOWEL_E | VOWEL_O, iu: VOWEL_I, ou: VOWEL_O, ei: VOWEL_E | VOWEL_I,
    ao: VOWEL_A | VOWEL_O, au: VOWEL_A | VOWEL_O, eiu: VOWEL_I | VOWEL_E, aei: VOWEL_E,
  };
  if (known[letters] !== undefined) return known[letters]!;
  let classes = 0;
  for (const letter of letters) classes |= known[letter] ?? 0;
  return classes;
}

/** Consonant spellings, longest first, and their class. N and L are one class (신라 is Silla). */
const CONSONANTS: [string, string][] = [
  ['tch', 'J'], ['ng', 'G'], ['ch', 'J'], ['jj', 'J'], ['sh', 'S'], ['ss', 'S'], ['kk', 'K'], ['gg', 'K'], ['ck', 'K'], ['kh', 'K'], ['tt', 'T'], ['dd', 'T'],
  ['th', 'T'], ['pp', 'P'], ['bb', 'P'], ['ph', 'P'], ['rh', 'N'], ['ll', 'N'], ['rr', 'N'], ['nn', 'N'], ['mm', 'M'], ['zh', 'J'],
  ['k', 'K'], ['g', 'K'], ['c', 'K'], ['q', 'K'], ['t', 'T'], ['d', 'T'], ['p', 'P'], ['b', 'P'], ['f', 'P'], ['v', 'P'], ['j', 'J'], ['z', 'J'],
  ['s', 'S'], ['x', 'S'], ['l', 'N'], ['r', 'N'], ['n', 'N'], ['m', 'M'], ['h', 'H'],
];

/** The sound key of a run of Latin letters (already lower case, marks removed). */
export function latinKey(letters: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  const isVowel = (char: string | undefined) => char !== undefined && VOWEL_LETTERS.has(char);
  while (index < letters.length) {
    const char = letters[index]!;
    if (isVowel(char) || GLIDES.has(char)) {
      let end = index;
      let run = '';
      while (end < letters.length && (isVowel(letters[end]) || GLIDES.has(letters[end]!))) {
        if (!GLIDES.has(letters[end]!)) run += letters[end];
        end += 1;
      }
      // "oh", "ah": an h closing a vowel before a consonant or the end is silent.
      if (letters[end] === 'h' && !isVowel(letters[end + 1]) && !GLIDES.has(letters[end + 1] ?? '')) end += 1;
      if (run) tokens.push(latinVowel(run));
      index = end;
      continue;
    }
    // English r after a vowel and before a consonant or the end is silent (Park, Hur).
    if (char === 'r' && isVowel(letters[index - 1]) && !isVowel(letters[index + 1]) && !GLIDES.has(letters[index + 1] ?? '')) {
      index += 1;
      continue;
    }
    const consonant = CONSONANTS.find(([spelling]) => letters.startsWith(spelling, index));
    if (!consonant) {
      index += 1;
      continue;
    }
    if (tokens.at(-1) !== consonant[1]) tokens.push(consonant[1]);
    index += consonant[0].length;
  }
  return tokens;
}

// ---- Hangul -----------------------------------------------------------------------------------

const INITIAL_CLASSES = ['K', 'K', 'N', 'T', 'T', 'N', 'M', 'P', 'P', 'S', 'S', '', 'J', 'J', 'J', 'K', 'T', 'P', 'H'];
const VOWEL_CLASSES = [VOWEL_A, VOWEL_E, VOWEL_A, VOWEL_E, VOWEL_O, VOWEL_E, VOWEL_O, VOWEL_E, VOWEL_O, VOWEL_A, VOWEL_E, VOWEL_E, VOWEL_O, VOWEL_O, VOWEL_O, VOWEL_E, VOWEL_I, VOWEL_O, VOWEL_O, VOWEL_I, VOWEL_I];
const FINAL_CLASSES = ['', 'K', 'K', 'K', 'N', 'N', 'N', 'T', 'N', 'K', 'M', 'N', 'N', 'N', 'P', 'N', 'M', 'P', 'P', 'T', 'T', 'G', 'T', 'T', 'K', 'T', 'P', 'T'];

/** The sound key of one Hangul syllable: initial, vowel, final. */
export function hangulSyllableKey(syllable: string): Token[] {
  const code = syllable.charCodeAt(0) - 0xac00;
  if (code < 0 || code > 11171) return [];
  const tokens: Token[] = [];
  const initial = INITIAL_CLASSES[Math.floor(code / 588)]!;
  if (initial) tokens.push(initial);
  tokens.push(VOWEL_CLASSES[Math.floor((code % 588) / 28)]!);
  const final = FINAL_CLASSES[code % 28]!;
  if (final) tokens.push(final);
  return tokens;
}

/** One key for several readings of a character: the same consonants, the vowels of any of them (金: K-i|o-M); otherwise the first. */
function mergedKey(keys: Token[][]): Token[] {
  const [first, ...others] = keys;
  if (!first) return [];
  return first.map((token, index) => {
    if (typeof token === 'string') return token;
    let vowels = token;
    for (const other of others) if (other.length === first.length && typeof other[index] === 'number') vowels |= other[index] as number;
    return vowels;
  });
}

// ---- Names ------------------------------------------------------------------------------------

export type SoundName = {
  termNumber: number;
  /** Each way the name may be said: whole, in either order, given name alone, place without suffix. */
  keys: Token[][];
  /** Keys from English spellings only: these are also listened for in Hangul text (Kim Chol in 김철). */
  latinKeys: Token[][];
  /** The Korean forms as syllables (Hanja read), compared in Korean text syllable for syllable. */
  hangul: string[];
};

const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/u;
const PLACE_SUFFIX_SYLLABLES = new Set(['시', '군', '구', '동', '리', '읍', '면', '도']);
const PLACE_SUFFIX_WORDS = new Set(['si', 'shi', 'city', 'gun', 'kun', 'county', 'gu', 'ku', 'district', 'dong', 'ri', 'ni', 'village', 'eup', 'up', 'town', 'myeon', 'myon', 'do', 'to', 'province']);

const flat = (parts: Token[][]): Token[] => parts.flat();

/** A first syllable may start with ㄹ in the North and with ㄴ or nothing in the South (리/이, 량/양, 로/노). */
function withInitialVariants(key: Token[]): Token[][] {
  const variants = [key];
  if (key[0] === 'N') variants.push(key.slice(1));
  else if (typeof key[0] === 'number') variants.push(['N', ...key]);
  return variants;
}

/** Words of a Latin spelling, lower case without marks, each as its letters. */
const latinWordsOf = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z\uac00-\ud7a3]+/u)
    .filter(Boolean);

/** What the check knows of one listed name, from its Korean forms and its English spellings. */
export function soundName(termNumber: number, kind: 'person' | 'place' | 'other', korean: string[], english: string[]): SoundName {
  const keys: Token[][] = [];
  const hangul: string[] = [];
  for (const form of korean) {
    const syllables = [...readHanja(form.normalize('NFC')).replace(/[^\uac00-\ud7a3]/gu, '')];
    if (syllables.length === 0) continue;
    const perSyllable = syllables.map(hangulSyllableKey);
    const firstForms = [syllables[0]!, ...otherInitials(syllables[0]!)];
    const whole = (from: number, to = syllables.length) => firstForms.map((first) => (from === 0 ? first + syllables.slice(1, to).join('') : syllables.slice(from, to).join('')));
    if (kind === 'person' && syllables.length >= 2) {
      const surnameLength = syllables.length >= 4 ? 2 : 1;
      const surname = flat(perSyllable.slice(0, surnameLength));
      const given = flat(perSyllable.slice(surnameLength));
      for (const family of withInitialVariants(surname)) keys.push([...family, ...given], [...given, ...family]);
      hangul.push(...whole(0));
      if (syllables.length - surnameLength >= 2) {
        keys.push(given);
        hangul.push(syllables.slice(surnameLength).join(''));
      }
    } else if (kind === 'place' && syllables.length >= 3 && PLACE_SUFFIX_SYLLABLES.has(syllables.at(-1)!)) {
      keys.push(...withInitialVariants(flat(perSyllable)), ...withInitialVariants(flat(perSyllable.slice(0, -1))));
      hangul.push(...whole(0), ...whole(0, syllables.length - 1));
    } else {
      keys.push(...withInitialVariants(flat(perSyllable)));
      hangul.push(...whole(0));
    }
  }
  const latinKeys: Token[][] = [];
  /** Whole English spellings, in either order: the keys also listened for in Korean text. */
  const wholeLatinKeys: Token[][] = [];
  for (const spelling of english) {
    const words = latinWordsOf(spelling).filter((word) => !HANGUL_SYLLABLE.test(word));
    if (words.length === 0) continue;
    const wordKeys = words.map(latinKey);
    wholeLatinKeys.push(...withInitialVariants(flat(wordKeys)));
    if (words.length >= 2) {
      wholeLatinKeys.push(...withInitialVariants(flat([...wordKeys].reverse())));
      if (kind === 'place' && PLACE_SUFFIX_WORDS.has(words.at(-1)!)) latinKeys.push(...withInitialVariants(flat(wordKeys.slice(0, -1))));
      // A person's given name alone: the first or the last word could be the surname.
      if (kind === 'person') latinKeys.push(flat(wordKeys.slice(1)), flat(wordKeys.slice(0, -1)));
    }
  }
  return {
    termNumber,
    keys: [...keys, ...wholeLatinKeys, ...latinKeys].filter(isDistinctive),
    // In Korean text two syllables make a window; a key from English is listened for there only
    // when it is a whole spelling with three consonants or more (Kim Chol → 김철, not 응해 for "Yunghie").
    latinKeys: wholeLatinKeys.filter((key) => isDistinctive(key) && key.filter((token) => typeof token === 'string').length >= 3),
    hangul: [...new Set(hangul)].filter((form) => form.length >= 2),
  };
}

/** The same syllable as the other Korea writes it at the start of a word: 리/이, 량/양, 로/노. */
function otherInitials(syllable: string): string[] {
  const code = syllable.charCodeAt(0) - 0xac00;
  if (code < 0 || code > 11171) return [];
  const initial = Math.floor(code / 588);
  const rest = code % 588;
  const vowel = Math.floor(rest / 28);
  const ySound = [2, 3, 6, 7, 12, 17, 20].includes(vowel); // ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ
  const make = (newInitial: number) => String.fromCharCode(0xac00 + newInitial * 588 + rest);
  const RIEUL = 5;
  const NIEUN = 2;
  const IEUNG = 11;
  if (initial === RIEUL) return [make(ySound ? IEUNG : NIEUN)];
  if (initial === IEUNG && ySound) return [make(RIEUL)];
  if (initial === NIEUN) return ySound ? [make(IEUNG), make(RIEUL)] : [make(RIEUL)];
  return [];
}

/**
 * A key long enough to tell a name from ordinary words: four sounds and two consonants at least
 * (Kim alone, or Lee, is left to the replacer's list and the names review).
 */
const isDistinctive = (key: Token[]) => key.length >= 4 && key.filter((token) => typeof token === 'string').length >= 2;

const skeleton = (key: Token[]): string => key.map((token) => (typeof token === 'string' ? token : '.')).join('');

function sameSound(text: Token[], name: Token[]): boolean {
  if (text.length !== name.length) return false;
  for (let index = 0; index < text.length; index += 1) {
    const a = text[index]!;
    const b = name[index]!;
    if (typeof a === 'string' || typeof b === 'string' ? a !== b : (a & b) === 0) return false;
  }
  return true;
}

// ---- Searching a text -------------------------------------------------------------------------

export type SoundFinding = { termNumber: number; heard: string };

/** English endings that make a person or an adjective of a place: Pyongyangite, Hoeryonger. */
const DEMONYM = /(?:ites?|ers?|ese|ians?|ans?)$/;

/** A word in Latin letters, lower case, marks removed, look-alikes from other scripts read as Latin; null for other scripts. */
function asLatinLetters(word: string): string | null {
  if (ASCII_LETTERS.test(word)) return word.toLowerCase();
  if (OTHER_SCRIPTS.test(word)) return null;
  const plain = word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  if (/^[a-z]+$/.test(plain)) return plain;
  const read = [...plain].map((char) => (/[a-z]/.test(char) ? char : (confusablesMap.get(char) ?? char).toLowerCase())).join('');
  return /^[a-z]+$/.test(read) ? read : null;
}

const ASCII_LETTERS = /^[A-Za-z]+$/;
/** Hangul, kana and Han: never read as Latin (and costly to decompose only to find so). */
const OTHER_SCRIPTS = /[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;

/** What may stand inside a name: up to three characters that are not letters (or are invisible), on one line. */
const GAP_CHAR = '(?:[^\\p{L}\\p{N}\\n]|[\\p{Default_Ignorable_Code_Point}\\u115f\\u1160\\u3164\\uffa0])';
const SHORT_GAP = new RegExp(`^${GAP_CHAR}{1,3}$`, 'u');
const SHORT_GAP_OR_NONE = new RegExp(`^${GAP_CHAR}{0,3}$`, 'u');

/** A word's sound, and its consonant skeleton (what the index is looked up by): made once per distinct word. */
type WordSound = { key: Token[]; skeleton: string; demonymStem?: WordSound | null };
const wordSounds = new Map<string, WordSound>();
function soundOf(letters: string): WordSound {
  let sound = wordSounds.get(letters);
  if (!sound) {
    const key = latinKey(letters);
    sound = { key, skeleton: skeleton(key) };
    if (wordSounds.size > 50_000) wordSounds.clear();
    wordSounds.set(letters, sound);
  }
  return sound;
}

type Word = { letters: string; start: number; end: number; sound: WordSound; joinsPrevious: boolean };

/** A run of letters that are neither Hangul nor Han. */
const LETTER_RUN = /[^\P{L}\p{Script=Hangul}\p{Script=Han}]+/gu;

/**
 * Latin words of the text, with words spelled out letter by letter (H-o-e-r-y-o-n-g, P a r k)
 * joined back into one: single letters with a short run of non-letters between them.
 */
function latinWords(text: string): Word[] {
  const words: Word[] = [];
  // A run of letters ends where Hangul or Hanja begins: a Korean particle written straight after a
  // romanised name ("Heoryong을") must not hide the name inside one unreadable word.
  for (const match of allMatches(LETTER_RUN, text)) {
    const letters = asLatinLetters(match[0]);
    if (letters === null) continue;
    const previous = words.at(-1);
    const end = match.index + match[0].length;
    const joinsPrevious = previous !== undefined && isShortGap(text, previous.end, match.index);
    if (previous && joinsPrevious && letters.length === 1 && isSpelledOut(previous, text)) {
      previous.letters += letters;
      previous.end = end;
      previous.sound = soundOf(previous.letters);
      continue;
    }
    words.push({ letters, start: match.index, end, sound: soundOf(letters), joinsPrevious });
  }
  return words;
}

/** Is text[from, to) a short run of non-letters on one line? A single space, the commonest, is decided at once. */
function isShortGap(text: string, from: number, to: number): boolean {
  if (to - from === 1 && text.charCodeAt(from) === 32) return true;
  return to - from >= 1 && to - from <= 6 && SHORT_GAP.test(text.slice(from, to));
}

/** Is this word a spelled-out run so far (single letters joined), or a single letter itself? */
const SPELLED_OUT = new RegExp(`^(?:\\p{L}(?:${GAP_CHAR}{1,3}|$))+$`, 'u');
const isSpelledOut = (word: { start: number; end: number }, text: string) => SPELLED_OUT.test(text.slice(word.start, word.end));

/** A syllable of the text: its readings (one for Hangul; a Hanja may have several, 金 김/금), their key, where it stands. */
type Syllable = { readings: string[]; sound: WordSound; start: number; end: number };

const syllableSounds = new Map<string, { readings: string[]; sound: WordSound }>();
function syllableSound(char: string): { readings: string[]; sound: WordSound } {
  let known = syllableSounds.get(char);
  if (!known) {
    const readings = isHanja(char) ? hanjaReadings(char) : [char];
    const key = mergedKey(readings.map(hangulSyllableKey));
    known = { readings, sound: { key, skeleton: skeleton(key) } };
    syllableSounds.set(char, known);
  }
  return known;
}

/** The Hangul (and Hanja, read) syllables of the text; `gapBefore` breaks where more than a short separator stands. */
function hangulSyllables(text: string): Syllable[][] {
  const runs: Syllable[][] = [];
  let run: Syllable[] = [];
  let lastEnd = -1;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    // Hangul syllables, CJK ideographs (extension A and the main block), compatibility ideographs.
    if (!((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff))) continue;
    const { readings, sound } = syllableSound(text[at]!);
    if (sound.key.length === 0) continue;
    if (run.length > 0 && lastEnd !== at && !SHORT_GAP_OR_NONE.test(text.slice(lastEnd, at))) {
      runs.push(run);
      run = [];
    }
    run.push({ readings, sound, start: at, end: at + 1 });
    lastEnd = at + 1;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

type KeyIndex = Map<string, { key: Token[]; termNumber: number }[]>;

/** What a text is searched with: keys by their consonant skeleton (looked up, not compared one by one), Korean forms by their first syllable. */
export type SoundIndex = {
  latin: KeyIndex;
  inHangul: KeyIndex;
  hangul: Map<string, { form: string; termNumber: number }[]>;
  empty: boolean;
  /** Every beginning of a skeleton in `latin` / `inHangul`: a window whose skeleton begins no name's is not widened. */
  latinBeginnings: Set<string>;
  hangulBeginnings: Set<string>;
};

const beginnings = (keys: KeyIndex): Set<string> => {
  const found = new Set<string>();
  for (const whole of keys.keys()) for (let length = 1; length <= whole.length; length += 1) found.add(whole.slice(0, length));
  return found;
};

function keyIndex(entries: { key: Token[]; termNumber: number }[]): KeyIndex {
  const index: KeyIndex = new Map();
  for (const entry of entries) {
    const list = index.get(skeleton(entry.key));
    if (list) list.push(entry);
    else index.set(skeleton(entry.key), [entry]);
  }
  return index;
}

export function soundIndex(names: SoundName[]): SoundIndex {
  const hangul: SoundIndex['hangul'] = new Map();
  for (const name of names) {
    for (const form of name.hangul) {
      const list = hangul.get(form[0]!) ?? [];
      list.push({ form, termNumber: name.termNumber });
      hangul.set(form[0]!, list);
    }
  }
  const latin = keyIndex(names.flatMap((name) => name.keys.map((key) => ({ key, termNumber: name.termNumber }))));
  const inHangul = keyIndex(names.flatMap((name) => name.latinKeys.map((key) => ({ key, termNumber: name.termNumber }))));
  return {
    latin,
    inHangul,
    hangul,
    empty: names.every((name) => name.keys.length === 0 && name.hangul.length === 0),
    latinBeginnings: beginnings(latin),
    hangulBeginnings: beginnings(inHangul),
  };
}

/** The sound of a word without its English ending (Pyongyangite → Pyongyang), or null; kept with the word's sound. */
function demonymStem(word: Word): WordSound | null {
  if (word.sound.demonymStem === undefined) {
    const ending = DEMONYM.exec(word.letters);
    word.sound.demonymStem = ending && word.letters.length - ending[0].length >= 4 ? soundOf(word.letters.slice(0, -ending[0].length)) : null;
  }
  return word.sound.demonymStem;
}

/** How many words (Latin) or syllables (Hangul) a name may span. */
const MAX_WORDS = 4;
const MAX_SYLLABLES = 6;

/** Which listed names the text contains by sound, each with what was heard (the name's stretch only). */
export function findSoundAlikes(input: string, index: SoundIndex, allowed: ReadonlySet<string> = new Set()): SoundFinding[] {
  if (index.empty) return [];
  const text = input.normalize('NFC');
  const findings = new Map<string, SoundFinding>();
  const found = (termNumber: number, start: number, end: number) => {
    const heard = text.slice(start, end);
    if (!allowed.has(heard.toLowerCase())) findings.set(`${termNumber}\u0000${heard}`, { termNumber, heard });
  };
  /** The window first..last of sounds, looked up by its skeleton; compared in full only when some name has that skeleton. */
  const check = (keys: KeyIndex, sounds: () => WordSound[], skeletonOf: string, start: number, end: number) => {
    const candidates = keys.get(skeletonOf);
    if (!candidates) return;
    const key = sounds().flatMap((sound) => sound.key);
    for (const candidate of candidates) if (sameSound(key, candidate.key)) found(candidate.termNumber, start, end);
  };
  const words = latinWords(text);
  for (let first = 0; first < words.length; first += 1) {
    let window = '';
    for (let last = first; last < Math.min(words.length, first + MAX_WORDS); last += 1) {
      if (last > first && !words[last]!.joinsPrevious) break;
      const before = window;
      window += words[last]!.sound.skeleton;
      const sounds = () => words.slice(first, last + 1).map((word) => word.sound);
      const stem = demonymStem(words[last]!);
      if (stem) check(index.latin, () => [...sounds().slice(0, -1), stem], before + stem.skeleton, words[first]!.start, words[last]!.end);
      if (!index.latinBeginnings.has(window)) break;
      check(index.latin, sounds, window, words[first]!.start, words[last]!.end);
    }
  }
  for (const run of hangulSyllables(text)) {
    for (let first = 0; first < run.length; first += 1) {
      for (const reading of run[first]!.readings) {
        for (const { form, termNumber } of index.hangul.get(reading) ?? []) {
          if (first + form.length > run.length) continue;
          if ([...form].every((syllable, offset) => run[first + offset]!.readings.includes(syllable))) found(termNumber, run[first]!.start, run[first + form.length - 1]!.end);
        }
      }
      if (index.inHangul.size === 0) continue;
      let window = '';
      for (let last = first; last < Math.min(run.length, first + MAX_SYLLABLES); last += 1) {
        window += run[last]!.sound.skeleton;
        if (!index.hangulBeginnings.has(window)) break;
        if (last > first) check(index.inHangul, () => run.slice(first, last + 1).map((syllable) => syllable.sound), window, run[first]!.start, run[last]!.end);
      }
    }
  }
  return [...findings.values()];
}

/**
 * Where the check by sound never joins words: line breaks and ASCII digits. Digits are neither
 * letters nor separators, so a word ends at one and no name is joined across one; a window never
 * spans a line. A text is therefore heard as its stretches between these are, each heard alone:
 * a caller may hear each distinct stretch once (ELAN's time slots and subtitle times differ only
 * in their numbers), and a document whose paragraphs run into one long line is heard a stretch at
 * a time instead of as one line of megabytes. Global: reset `lastIndex` after use.
 */
export const HEARING_BREAKS = /[\n0-9]+/g;

/** The index of every listed name of an interview (the real name and the redaction list). */
export const soundIndexFor = (terms: readonly RedactionTerm[]): SoundIndex => soundIndex(terms.map((term) => soundName(term.number, term.kind, term.korean, term.english)));
