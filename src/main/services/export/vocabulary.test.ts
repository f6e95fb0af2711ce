import { describe, expect, it } from 'vitest';
import { findUnlistedNames } from '../../../shared/redaction/unlisted-names';
import { loadVocabulary, WordsInBytes } from './vocabulary';

const listOf = (text: string, stop: string | null = null) => new WordsInBytes(Buffer.from(text, 'utf8'), stop === null ? null : stop.charCodeAt(0));

describe('a word list looked up in its bytes', () => {
  it('finds each whole word and nothing shorter, longer or in between', () => {
    const words = listOf('aa\naah\naahed\nriver\r\nthanks\nlast');
    for (const word of ['aa', 'aah', 'aahed', 'river', 'thanks', 'last']) expect(words.has(word), word).toBe(true);
    for (const word of ['a', 'aahe', 'aaheds', 'rive', 'river\r', 'ast', 'thanks\nlast', '', 'Thanks']) expect(words.has(word), JSON.stringify(word)).toBe(false);
  });

  it('ends a word at its flags, and reads decomposed Hangul as the dictionary stores it', () => {
    const nfd = (word: string) => word.normalize('NFD');
    const words = listOf(`101598\n${nfd('지금')}/25\n${nfd('남자')}/30\n${nfd('영화')}\n`, '/');
    expect(words.has(nfd('지금'))).toBe(true);
    expect(words.has(nfd('남자'))).toBe(true);
    expect(words.has(nfd('영화'))).toBe(true);
    expect(words.has(`${nfd('지금')}/25`)).toBe(false);
    expect(words.has('지금')).toBe(false); // composed: not how the list is written
    expect(words.has(nfd('지'))).toBe(false);
  });

  it('takes characters outside the Basic Plane whole and never matches a broken surrogate', () => {
    const words = listOf('𝒜bc\n\ufffd\n');
    expect(words.has('𝒜bc')).toBe(true);
    expect(words.has('\ud835')).toBe(false);
    expect(words.has('\ufffd')).toBe(true);
  });

  it('knows the packaged lists: English words and Korean stems, not names', () => {
    const vocabulary = loadVocabulary();
    for (const word of ['thanks', 'photo', 'river', 'zymurgy']) expect(vocabulary.english.has(word), word).toBe(true);
    expect(vocabulary.english.has('hoeryong')).toBe(false);
    for (const word of ['지금', '남자', '영화', '국수']) expect(vocabulary.korean.has(word), word).toBe(true);
    expect(vocabulary.korean.has('회령')).toBe(false);
  });

  it('with the packaged lists, leaves adverbs before a kinship title alone and still finds a name that is also a word', () => {
    const vocabulary = loadVocabulary();
    const names = (text: string) => findUnlistedNames(text, { known: [], vocabulary }).map((found) => found.name);
    expect(names('지금 언니는 한국에 살아요. 자주 오빠가 왔어요. 종종 이모가 왔어요. 금일 삼촌이 왔어요.')).toEqual([]);
    expect(names('지혜 언니가 왔어요. 은혜 오빠는 한국에 있어요.').sort()).toEqual(['은혜', '지혜'].sort());
  });
});
