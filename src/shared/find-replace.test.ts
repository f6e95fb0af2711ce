import { describe, expect, it } from 'vitest';
import { findMatches, matchFrom, replaceAll, replaceOne, type SearchOptions } from './find-replace';
import { refitParticle } from './korean-particles';
import { newSegment } from './interview';
import { isStale, writeTranslation } from './translation';

const options = (query: string, extra: Partial<SearchOptions> = {}): SearchOptions => ({ query, scope: 'source', wholeWord: false, matchCase: false, ...extra });

describe('find: Korean words keep their particles', () => {
  const rows = [newSegment({ id: 'k-1', start: 0, end: 1, source: '장마당에서 장마당을 봤고 장마당이 컸다' }), newSegment({ id: 'k-2', start: 1, end: 2, source: '장마당세 장마' })];

  it('finds a whole Korean word with particles attached, never inside a longer word', () => {
    expect(findMatches(rows, options('장마당', { wholeWord: true })).map((match) => [match.segmentId, match.start])).toEqual([
      ['k-1', 0],
      ['k-1', 6],
      ['k-1', 14],
    ]);
    expect(findMatches(rows, options('장마', { wholeWord: true })).map((match) => match.segmentId)).toEqual(['k-2']);
    // Without "whole word" it is a plain substring search.
    expect(findMatches(rows, options('장마'))).toHaveLength(5);
  });

  it('brings the particle after a Korean replacement into agreement', () => {
    const people = [newSegment({ id: 'p-1', start: 0, end: 1, source: '철수가 왔고 철수를 보고 철수는 웃었다. 철수와 철수로 철수예요.' })];
    const result = replaceAll(people, options('철수', { wholeWord: true }), '김철');
    expect(result.segments[0]!.source).toBe('김철이 왔고 김철을 보고 김철은 웃었다. 김철과 김철로 김철이에요.');
    expect(result.replaced).toBe(6);
    // A vowel-final replacement goes the other way; 으로 after a final ㄹ stays 로.
    expect(refitParticle('영희', '이 왔다')).toEqual({ from: '이', to: '가' });
    expect(refitParticle('서울', '으로 갔다')).toEqual({ from: '으로', to: '로' });
    expect(refitParticle('평양', '로 갔다')).toEqual({ from: '로', to: '으로' });
    // An English replacement, or a syllable that only looks like a particle, is left alone.
    expect(refitParticle('Cheol-su', '가 왔다')).toBeNull();
    expect(refitParticle('김철', '가방')).toBeNull();
  });
});

describe('replace one, and where the search goes on', () => {
  const rows = [
    writeTranslation(newSegment({ id: 'r-1', start: 0, end: 1, source: '시장' }), 'the market and the market'),
    writeTranslation(newSegment({ id: 'r-2', start: 1, end: 2, source: '시장' }), 'a market'),
  ];
  const inTranslation = options('market', { scope: 'translation' });

  it('replaces only the match asked for and resumes after the replacement', () => {
    const matches = findMatches(rows, inTranslation);
    const done = replaceOne(rows, inTranslation, matches[1]!, 'the big market');
    expect(done!.segments[0]!.translation).toBe('the market and the the big market');
    expect(done!.segments[1]).toBe(rows[1]);
    // The replacement contains the query; the next match is the one after it, not inside it.
    const after = findMatches(done!.segments, inTranslation);
    const next = after[matchFrom(after, done!.segments, done!.resumeAt)]!;
    expect([next.segmentId, next.start]).toEqual(['r-2', 2]);
  });

  it('does nothing when the match has gone (the text changed since it was found)', () => {
    const gone = { segmentId: 'r-1', field: 'translation' as const, start: 30, end: 36 };
    expect(replaceOne(rows, inTranslation, gone, 'x')).toBeNull();
  });

  it('wraps round to the first match after the last', () => {
    const matches = findMatches(rows, inTranslation);
    expect(matchFrom(matches, rows, { segmentId: 'r-2', field: 'translation', offset: 5 })).toBe(0);
    expect(matchFrom(matches, rows, { segmentId: 'r-1', field: 'source', offset: 0 })).toBe(0);
    expect(matchFrom(matches, rows, { segmentId: 'r-1', field: 'translation', offset: 5 })).toBe(1);
  });

  it('marks a translated row stale when one match in its source is replaced', () => {
    const done = replaceOne(rows, options('시장'), findMatches(rows, options('시장'))[0]!, '장마당');
    expect(isStale(done!.segments[0]!)).toBe(true);
  });
});
