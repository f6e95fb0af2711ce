import { describe, expect, it } from 'vitest';
import { newInterview } from '../interview';
import { redactionEntity } from './test-support/redaction-entity';
import { applyRedactions, findLeakedTerms, markReplacement, proposedSpellings, redactionTerms, splitAtTerms } from './index';

const entity = redactionEntity;

const interview = newInterview('abc-123', 'T', '2026-01-01T00:00:00Z');
interview.narrator.pseudonym = 'Lee Ji-woo';
interview.narrator.realName = '최순희';
interview.redactions = [
  entity({ kind: 'person', korean: ['박영희'], replacementKo: '[어머니]', replacementEn: '[her mother]' }),
  entity({ kind: 'place', korean: ['회령시'], replacementKo: '[국경 도시]', replacementEn: 'a border city' }),
  entity({ kind: 'person', english: ['Kim Chol'], replacementKo: '[브로커]', replacementEn: 'a broker' }),
];
const terms = redactionTerms(interview);
const en = (text: string) => applyRedactions(text, terms, { language: 'en' });
const ko = (text: string) => applyRedactions(text, terms, { language: 'ko' });

describe('a name marked only in Korean is found in its English spellings', () => {
  it.each([
    'Park Young-hee', 'Park Younghee', 'Park Young Hee', 'Bak Yeong-hui', 'Bak Yeonghui', 'Pak Yŏng-hŭi', 'Pak Yong-hui', 'PARK YOUNG-HEE',
    'Young-hee Park', 'Yeonghui Bak', 'Young-hee', 'Younghee', 'Yong-hi', 'Pak Yŏnghŭi', 'Bahk Young-hee',
  ])('%s', (spelling) => {
    expect(en(`My mother ${spelling} stayed.`)).toBe('My mother [her mother] stayed.');
  });

  it.each(['Choi Soon-hee', 'Choe Sun-hui', "Ch'oe Sun-hŭi", 'Soon-hee Choi', 'Sun-hui', 'Choi Sunhee'])('the narrator: %s', (spelling) => {
    expect(en(`I am ${spelling}.`)).toBe('I am Lee Ji-woo.');
  });

  it.each(['Hoeryong', 'Hoeryŏng', 'Hoeryong-si', 'Hoeryong City', 'Hoeryong city', 'Hoeryong County', 'Hweryong', 'Hoeryong-shi'])('the place: %s', (spelling) => {
    expect(en(`We lived in ${spelling} then.`)).toBe('We lived in a border city then.');
  });

  it('leaves words that merely contain a spelling alone', () => {
    expect(en('The parkland was young; Hoeryongs are rare; Sparky.')).toBe('The parkland was young; Hoeryongs are rare; Sparky.');
  });
});

describe('tricks are folded away before matching', () => {
  it.each([
    ['left-to-right mark', 'Hoe\u200eryong'],
    ['combining grapheme joiner', 'Hoe\u034fryong'],
    ['variation selector', 'Hoe\ufe0fryong'],
    ['word joiner', 'Hoe\u2060ryong'],
    ['zero-width space', 'Hoe\u200bryong'],
    ['soft hyphen', 'Hoe\u00adryong'],
    ['full-width letters', 'Ｈｏｅｒｙｏｎｇ'],
    ['Cyrillic look-alike', 'Hoeryоng'],
    ['Greek look-alike', 'Ηoeryong'],
    ['combining accent', 'Hoe\u0301ryong'],
    
  ])('%s', (_, spelling) => {
    expect(en(`In ${spelling}.`)).toBe('In a border city.');
  });

  it.each([
    ['Hangul filler', '박\u3164영희'],
    ['NFD Hangul', '박영희'.normalize('NFD')],
    ['spaces', '박 영 희'],
    ['zero-width space', '박\u200b영희'],
  ])('Korean with %s', (_, spelling) => {
    expect(ko(`${spelling}는 아직 북에 있다.`)).toBe('[어머니]는 아직 북에 있다.');
  });
});

it('Markdown emphasis inside a name does not hide it', () => {
  expect(en('In Hoe**ryong**.')).toBe('In a border city**.');
});

describe('each language gets its own replacement', () => {
  it('Korean text gets the Korean replacement, with particles kept', () => {
    expect(applyRedactions('지금도 회령에 계세요. 박영희는 어머니예요.', terms)).toBe('지금도 [국경 도시]에 계세요. [어머니]는 어머니예요.');
  });
  it('an English spelling inside Korean text still gets the Korean replacement', () => {
    expect(applyRedactions('지금도 Hoeryong에 계세요.', terms)).toBe('지금도 [국경 도시]에 계세요.');
  });
  it('English text gets the English replacement', () => {
    expect(applyRedactions('She still lives in 회령.', terms)).toBe('She still lives in a border city.');
  });
  it('North Korean spellings with an initial ㄹ are the same place', () => {
    const yanggang = redactionTerms({ narrator: interview.narrator, redactions: [entity({ kind: 'place', korean: ['양강도'], replacementKo: '[북부]', replacementEn: 'the north' })] });
    expect(applyRedactions('I grew up in Ryanggang Province, Yanggang-do to some.', yanggang, { language: 'en' })).toBe('I grew up in the north, the north to some.');
    expect(applyRedactions('량강도에서 자랐다', yanggang)).toBe('[북부]에서 자랐다');
  });
});

describe('removed proposals', () => {
  it('are not replaced, other spellings still are', () => {
    const withRejection = redactionTerms({ narrator: { ...interview.narrator, realName: '' }, redactions: [entity({ kind: 'person', korean: ['박영희'], rejected: ['Young-hee'] })] });
    expect(applyRedactions('Young-hee and Park Young-hee', withRejection, { language: 'en' })).toBe('Young-hee and [redacted]');
  });
});

describe('proposed spellings', () => {
  it('for a person: official, McCune–Reischauer, popular, Western order, given name alone', () => {
    const shown = proposedSpellings({ kind: 'person', korean: ['박영희'] });
    for (const spelling of ['Park Young-hee', 'Young-hee Park', 'Young-hee', 'Bak Yeonghui']) expect(shown).toContain(spelling);
    expect(shown.some((spelling) => /^Pak /.test(spelling))).toBe(true);
  });
  it('for common surnames', () => {
    expect(proposedSpellings({ kind: 'person', korean: ['이순희'] })).toContain('Lee Soon-hee');
    expect(proposedSpellings({ kind: 'person', korean: ['최정호'] })).toContain('Choi Jung-ho');
    expect(proposedSpellings({ kind: 'person', korean: ['정영호'] })).toContain('Jung Young-ho');
  });
  it('for places: with their administrative suffixes', () => {
    const shown = proposedSpellings({ kind: 'place', korean: ['회령시'] });
    expect(shown).toEqual(expect.arrayContaining(['Hoeryeong', 'Hoeryeong-si', 'Hoeryeong City']));
  });
  it('every proposed spelling is caught by the patterns', () => {
    for (const redaction of interview.redactions.filter((item) => item.korean.length > 0)) {
      for (const spelling of proposedSpellings(redaction)) expect(findLeakedTerms(`x ${spelling} x`, terms).length, spelling).toBeGreaterThan(0);
    }
  });
});

describe('leak check and highlighting', () => {
  it('names the term by number, not by the term', () => {
    expect(findLeakedTerms('clean text', terms)).toEqual([]);
    expect(findLeakedTerms('Kim-Chol and Hoeryong', terms).map((leak) => leak.termNumber)).toEqual([4, 3]);
  });
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
    expect(applyRedactions('최순희 said', terms, { language: 'en', mark: markReplacement })).toBe('\ue000Lee Ji-woo\ue001 said');
  });
});
