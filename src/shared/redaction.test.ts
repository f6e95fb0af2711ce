import { describe, expect, it } from 'vitest';
import { newInterview } from './interview';
import { applyRedactions, findLeakedTerms, markReplacement, redactionTerms, spellingsOf, splitAtTerms, type RedactionTerm } from './redaction';

const interview = newInterview('abc-123', 'T', '2026-01-01T00:00:00Z');
interview.narrator.pseudonym = 'Lee Ji-woo';
interview.narrator.realName = '최순희';
interview.redactions = [
  { id: 'red-1', term: '혜산시 연봉동', replacement: 'a border town', variants: ['Yonbong-dong'], reason: 'home town' },
  { id: 'red-2', term: 'Kim Chol', replacement: 'a broker', variants: [], reason: 'broker' },
];
const terms = redactionTerms(interview);

describe('redaction terms', () => {
  it('always start with the real name, replaced by the pseudonym', () => {
    expect(terms[0]).toMatchObject({ number: 1, term: '최순희', replacement: 'Lee Ji-woo' });
    expect(terms).toHaveLength(3);
  });

  it('include romanised spellings of Korean terms', () => {
    expect(spellingsOf(terms[0]!).sort()).toEqual(['choesunhui', '최순희']);
  });
});

describe('applyRedactions', () => {
  it.each([
    ['최순희는 2014년에 떠났다.', 'Lee Ji-woo는 2014년에 떠났다.'],
    ['최 순희 씨', 'Lee Ji-woo 씨'],
    ['최\u200b순희', 'Lee Ji-woo'],
    ['최순희'.normalize('NFD'), 'Lee Ji-woo'],
    ['I am Choe Sun-hui.', 'I am Lee Ji-woo.'],
    ['CHOESUNHUI', 'Lee Ji-woo'],
    ['We lived in 혜산시 연봉동 then.', 'We lived in a border town then.'],
    ['We lived in Yonbong dong.', 'We lived in a border town.'],
    ['The broker, kim  chol, waited. Kim Chol’s car.', 'The broker, a broker, waited. a broker’s car.'],
  ])('%s', (text, expected) => {
    expect(applyRedactions(text, terms)).toBe(expected);
  });

  it('leaves words that merely contain a Latin term alone', () => {
    const lee: RedactionTerm[] = [{ number: 1, term: 'Lee', replacement: 'X', variants: [] }];
    expect(applyRedactions('A sleeve, Leeds and Lee.', lee)).toBe('A sleeve, Leeds and X.');
  });
});

describe('findLeakedTerms', () => {
  it('finds every term by any spelling and names it by number, not by the term', () => {
    expect(findLeakedTerms('clean text', terms)).toEqual([]);
    expect(findLeakedTerms('<w:t>최</w:t><w:t>순희</w:t>'.replace(/<[^>]+>/g, ''), terms)).toEqual([{ termNumber: 1, replacement: 'Lee Ji-woo' }]);
    expect(findLeakedTerms('Kim-Chol and yonbong-dong', terms).map((leak) => leak.termNumber)).toEqual([2, 3]);
  });
});

describe('highlighting', () => {
  it('splits text where terms occur', () => {
    expect(splitAtTerms('저는 최순희예요, Choe Sun-hui.', terms)).toEqual([
      { text: '저는 ', sensitive: false },
      { text: '최순희', sensitive: true },
      { text: '예요, ', sensitive: false },
      { text: 'Choe Sun-hui', sensitive: true },
      { text: '.', sensitive: false },
    ]);
  });

  it('marks replacements when asked', () => {
    expect(applyRedactions('최순희 said', terms, markReplacement)).toBe('\ue000Lee Ji-woo\ue001 said');
  });
});
