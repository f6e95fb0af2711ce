import { describe, expect, it } from 'vitest';
import { allMatches } from './text-patterns';

describe('every match of a global pattern', () => {
  it('gives what matchAll gives, empty matches and characters outside the Basic Plane included, and leaves the pattern as it found it', () => {
    const cases: [RegExp, string][] = [
      [/[^\t-\u007f\uac00-\ud7a3]/gu, 'Pak Yŏng-hŭi 박영희 𝒜 — ok'],
      [/\p{Ll}+(?:-\p{Ll}+)+/gu, 'soon-ja and young-hee, not Bye-bye'],
      [/x*/g, 'axxbx'],
      [/x*/gu, '𝒜x𝒜'],
      [/(a)|(b)/g, 'cab'],
    ];
    for (const [pattern, text] of cases) {
      const expected = [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((match) => [match.index, [...match]]);
      expect(allMatches(pattern, text).map((match) => [match.index, [...match]])).toEqual(expected);
      expect(pattern.lastIndex).toBe(0);
    }
  });
});
