// Every way a name is written, as classes: scripts (Hangul, Hanja, Latin), any separator between
// syllables or letters, English endings on places, entries made only in English, and the
// near-spellings a hurried translator writes. The replacer removes all but the near-spellings; the
// check by sound hears all of them, and keeps hearing them when the replacer is weakened.
import { describe, expect, it } from 'vitest';
import { newInterview } from '../interview';
import { redactionEntity } from './test-support/redaction-entity';
import { applyRedactions, findLeakedTerms, redactionTerms, type RedactionTerm } from './index';
import { findSoundAlikes, soundIndexFor } from './sound-check';
import { ORDINARY_SENTENCES } from './test-support/names-corpus';

const entity = redactionEntity;

const interview = newInterview('classes', 'T', '2026-01-01T00:00:00Z');
interview.narrator.pseudonym = 'Lee Ji-woo';
interview.narrator.realName = '최순희';
interview.redactions = [
  entity({ kind: 'person', korean: ['박영희'], replacementKo: '[어머니]', replacementEn: '[her mother]' }),
  entity({ kind: 'place', korean: ['회령시'], replacementKo: '[국경 도시]', replacementEn: 'a border city' }),
  entity({ kind: 'person', english: ['Kim Chol'], replacementKo: '[브로커]', replacementEn: 'a broker' }),
  entity({ kind: 'place', english: ['Hyesan'], replacementKo: '[고향]', replacementEn: 'her home town' }),
];
const terms = redactionTerms(interview);
const sound = soundIndexFor(terms);
const NARRATOR = 1;
const MOTHER = 2;
const TOWN = 3;
const BROKER = 4;
const HOME = 5;

/** [class, text, term] — each text holds one listed name, written the class's way. */
const replacedClasses: [string, string, number][] = [
  // Scripts
  ['Hangul', '어머니 박영희는 남았다.', MOTHER],
  ['Hangul, given name', '영희가 왔어요.', MOTHER],
  ['Hanja', '母親 朴英姬는 남았다.', MOTHER],
  ['Hanja, spaced', '朴 英 姬', MOTHER],
  ['Hanja place', '會寧市에서 자랐다.', TOWN],
  ['Hanja place without suffix', '會寧에 살았다.', TOWN],
  ['Hanja narrator', '崔順姬입니다.', NARRATOR],
  ['Hanja, English-only entry', '金哲이 도와줬다.', BROKER],
  ['Hangul, English-only entry', '김철이 도와줬다.', BROKER],
  ['Hangul, English-only place', '혜산에서 왔다.', HOME],
  ['Latin, McCune–Reischauer', 'Pak Yŏng-hŭi stayed.', MOTHER],
  ['Latin, lower case', 'it was park young-hee who stayed.', MOTHER],
  // Separators
  ['one-dot leader U+2027', '박‧영‧희', MOTHER],
  ['katakana middle dot U+30FB', '박・영・희', MOTHER],
  ['slash', '박/영/희', MOTHER],
  ['plus', '박+영+희', MOTHER],
  ['minus sign U+2212', 'Young−hee Park', MOTHER],
  ['slash in Latin', 'Young/hee', MOTHER],
  ['plus in Latin', 'Young+hee', MOTHER],
  ['middle dot in Latin', 'Hoe·ryong', TOWN],
  ['letter by letter with hyphens', 'H-o-e-r-y-o-n-g', TOWN],
  ['letter by letter with spaces', 'We lived in H o e r y o n g then.', TOWN],
  ['letter by letter with dots', 'K.I.M. C.H.O.L.', BROKER],
  ['letters and a name', 'P a r k Young-hee', MOTHER],
  // English endings on places
  ['-ite', 'a proud Hoeryongite', TOWN],
  ['-er', 'every Hoeryonger knew it', TOWN],
  ['-ese', 'the Hoeryongese dialect', TOWN],
  ['-ite on an English-only place', 'a Hyesanite', HOME],
  // Entered only in English
  ['English-only, as entered', 'Kim Chol paid.', BROKER],
  ['English-only, Western order', 'Chol Kim paid.', BROKER],
  ['English-only, other romanisation', 'Gim Cheol paid.', BROKER],
  ['English-only, another', 'Kim Chul paid.', BROKER],
  ['English-only place, other romanisation', 'Hyesan-si, Hyesan City', HOME],
];

/** Spellings the replacer does not list: found by sound, and the export is refused. */
const heardOnly: [string, string, number][] = [
  ['two vowels swapped', 'We lived in Heoryong.', TOWN],
  ['a vowel doubled', 'We lived in Hoeryoong.', TOWN],
  ['vowels swapped in a given name', 'Yuonghee stayed.', MOTHER],
  ['doubled vowel in a surname', 'Paark Young-hee stayed.', MOTHER],
];

describe('the replacer removes every class', () => {
  it.each(replacedClasses)('%s: %s', (_, text, term) => {
    const redacted = applyRedactions(text, terms);
    expect(findLeakedTerms(text, terms).map((leak) => leak.termNumber)).toContain(term);
    expect(findLeakedTerms(redacted, terms)).toEqual([]);
    expect(findSoundAlikes(redacted, sound)).toEqual([]);
  });
});

describe('the check by sound hears every class, near-spellings included', () => {
  it.each([...replacedClasses, ...heardOnly])('%s: %s', (_, text, term) => {
    expect(findSoundAlikes(text, sound).map((found) => found.termNumber)).toContain(term);
  });

  it('says only what it heard, never the words around it', () => {
    expect(findSoundAlikes('Then my mother, Heoryong born, left.', sound)).toEqual([{ termNumber: TOWN, heard: 'Heoryong' }]);
  });
});

describe('independence: a weakened replacer misses, the check by sound still hears', () => {
  /**
   * The replacer knowing one exact spelling per name, as if its spelling tables had a gap (the
   * Korean form is one nobody writes, so nothing is derived from the English either).
   */
  const weakened: RedactionTerm[] = terms.map((term) => ({
    ...term,
    kind: 'other',
    korean: ['뷁뷁뷁'],
    english: [term.english[0] ?? { [NARRATOR]: 'Choi Soon-hee', [MOTHER]: 'Park Young-hee', [TOWN]: 'Hoeryong' }[term.number]!],
  }));

  it('every sentence of the class corpus the weakened replacer lets through is still caught', () => {
    const corpus = [...replacedClasses, ...heardOnly];
    let missedByReplacer = 0;
    for (const [name, text, term] of corpus) {
      const afterWeakReplacer = applyRedactions(text, weakened);
      const nameRemains = findLeakedTerms(afterWeakReplacer, terms).length > 0 || heardOnly.some(([, heard]) => heard === text);
      if (!nameRemains) continue;
      missedByReplacer += 1;
      expect(findSoundAlikes(afterWeakReplacer, sound).map((found) => found.termNumber), name).toContain(term);
    }
    // The test has teeth only if the weakened replacer really misses most of the corpus.
    expect(missedByReplacer / corpus.length).toBeGreaterThan(0.75);
  });
});

describe('the check by sound stays quiet on ordinary text', () => {
  it('on the whole ordinary corpus of the names review, with English spellings of the names added', () => {
    const withSpellings = redactionTerms({
      narrator: interview.narrator,
      redactions: interview.redactions.map((redaction) => (redaction.kind === 'person' && redaction.korean.length ? { ...redaction, english: ['Pahk Yunghie', 'Younghee'] } : redaction)),
    });
    const heard = ORDINARY_SENTENCES.flatMap((text) => findSoundAlikes(text, soundIndexFor(withSpellings)).map((found) => `${found.heard} in “${text}”`));
    expect(heard).toEqual([]);
    expect(findSoundAlikes('오늘 인터뷰에 응해 주셔서 감사합니다.', soundIndexFor(withSpellings))).toEqual([]);
  });

  const ordinary = [
    'I was hearing the young soldiers singing in the park; a parking lot stood where the market had been.',
    'He sang a song about the river, and we ate kimchi and rice cakes at the hearing.',
    'Hassan and Mason came from the city; the chorus sang in the hall.',
    'Hello, thanks for the photo. The young people are leaving; hearing that, my heart sank.',
    '우리는 장마당에서 옥수수를 팔았어요. 영화를 보고 용수철을 샀어요. 영수증은 없었어요.',
    '어머니는 아직 북에 계세요. 회사에 다녔고 회의가 많았어요.',
  ];
  it.each(ordinary)('%s', (text) => {
    expect(findSoundAlikes(text, sound)).toEqual([]);
  });
});
