// How Korean names and places are written in English, as people actually write them: Revised
// Romanization, McCune–Reischauer (its breves and apostrophes fold away), the surname spellings
// families chose (Lee, Park, Choi, Rhee…), the common given-name syllables (soon, hee, young…)
// and North Korea's initial ㄹ (Ryanggang, Ri). Every syllable gets a set of spellings; a name
// is matched as any combination of them, so nothing has to be listed one by one.
import { romanize } from 'es-hangul';
import { hanjaReadAs } from './hanja';

const SYLLABLE_BASE = 0xac00;
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const VOWELS = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const FINALS = ['', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];

const initialSpellings: Record<string, string[]> = {
  ㄱ: ['g', 'k'], ㄲ: ['kk', 'gg', 'k'], ㄴ: ['n'], ㄷ: ['d', 't'], ㄸ: ['tt', 'dd', 't'], ㄹ: ['r', 'l', 'n'], ㅁ: ['m'], ㅂ: ['b', 'p'],
  ㅃ: ['pp', 'bb', 'p'], ㅅ: ['s', 'sh'], ㅆ: ['ss', 's'], ㅇ: [''], ㅈ: ['j', 'ch'], ㅉ: ['jj', 'tch', 'ch'], ㅊ: ['ch'], ㅋ: ['k'],
  ㅌ: ['t'], ㅍ: ['p'], ㅎ: ['h'],
};

const vowelSpellings: Record<string, string[]> = {
  ㅏ: ['a', 'ah'], ㅐ: ['ae', 'ai', 'e'], ㅑ: ['ya'], ㅒ: ['yae'], ㅓ: ['eo', 'o', 'u', 'uh'], ㅔ: ['e'], ㅕ: ['yeo', 'yo', 'you', 'yu'],
  ㅖ: ['ye'], ㅗ: ['o', 'oh'], ㅘ: ['wa'], ㅙ: ['wae'], ㅚ: ['oe', 'oi', 'we'], ㅛ: ['yo'], ㅜ: ['u', 'oo'], ㅝ: ['wo', 'weo'],
  ㅞ: ['we'], ㅟ: ['wi', 'wee'], ㅠ: ['yu', 'yoo', 'you'], ㅡ: ['eu', 'u'], ㅢ: ['ui', 'eui', 'i', 'ee'], ㅣ: ['i', 'ee'],
};

/** Vowels without a consonant before them are often written differently (우 Woo, 이 Yi). */
const bareVowelSpellings: Record<string, string[]> = { ㅜ: ['woo', 'wu'], ㅣ: ['yi'], ㅡ: ['eu', 'u'], ㅓ: ['eo', 'o', 'u', 'uh'] };

const finalSpellings: Record<string, string[]> = {
  '': [''], ㄱ: ['k', 'g'], ㄲ: ['k', 'kk'], ㄳ: ['k'], ㄴ: ['n'], ㄵ: ['n'], ㄶ: ['n'], ㄷ: ['t', 'd'], ㄹ: ['l', 'r'], ㄺ: ['k', 'lg'],
  ㄻ: ['m'], ㄼ: ['l'], ㄽ: ['l'], ㄾ: ['l'], ㄿ: ['p'], ㅀ: ['l'], ㅁ: ['m'], ㅂ: ['p', 'b'], ㅄ: ['p'], ㅅ: ['t', 's'], ㅆ: ['t', 'ss'],
  ㅇ: ['ng'], ㅈ: ['t', 'j'], ㅊ: ['t'], ㅋ: ['k'], ㅌ: ['t'], ㅍ: ['p'], ㅎ: ['t', 'h'],
};

/** Surnames whose usual English spelling does not follow from their sound. Most common first. */
const surnameSpellings: Record<string, string[]> = {
  김: ['kim', 'gim'], 이: ['lee', 'yi', 'rhee', 'ri', 'rhie', 'i', 'yee', 'leigh'], 리: ['ri', 'lee', 'rhee', 'li'], 박: ['park', 'pak', 'bak', 'bahk', 'pack'],
  최: ['choi', 'choe', 'chey'], 정: ['jung', 'jeong', 'chung', 'chong', 'joung', 'jeung'], 강: ['kang', 'gang'], 조: ['cho', 'jo', 'joe', 'jho'],
  윤: ['yoon', 'yun'], 장: ['jang', 'chang'], 임: ['lim', 'im', 'rim', 'yim'], 림: ['rim', 'lim', 'im'], 한: ['han'], 오: ['oh', 'o'],
  서: ['seo', 'suh', 'so', 'sur'], 신: ['shin', 'sin'], 권: ['kwon', 'gwon'], 황: ['hwang'], 안: ['ahn', 'an'], 송: ['song'],
  류: ['ryu', 'yoo', 'yu', 'rhyu', 'ryoo', 'you', 'lyu'], 유: ['yoo', 'yu', 'you', 'ryu'], 전: ['jeon', 'chun', 'jun', 'chon', 'jun'],
  홍: ['hong'], 고: ['ko', 'go', 'koh'], 문: ['moon', 'mun'], 양: ['yang', 'ryang'], 량: ['ryang', 'yang'], 손: ['son', 'sohn'],
  배: ['bae', 'pae'], 백: ['baek', 'paek', 'baik', 'paik', 'back'], 허: ['heo', 'hur', 'huh', 'ho'], 남: ['nam'], 노: ['noh', 'roh', 'no', 'ro'],
  로: ['ro', 'roh', 'noh'], 하: ['ha'], 곽: ['kwak', 'gwak'], 성: ['sung', 'seong', 'song'], 차: ['cha'], 주: ['joo', 'ju', 'chu', 'choo'],
  우: ['woo', 'u'], 구: ['koo', 'gu', 'ku'], 민: ['min'], 나: ['na', 'ra'], 라: ['ra', 'na'], 진: ['jin', 'chin'], 지: ['ji', 'chi'],
  엄: ['eom', 'um', 'uhm'], 채: ['chae'], 원: ['won'], 천: ['cheon', 'chun', 'chon'], 방: ['bang', 'pang'], 공: ['kong', 'gong'],
  현: ['hyun', 'hyeon', 'hyon'], 함: ['ham'], 변: ['byun', 'byeon', 'pyon'], 염: ['yeom', 'yum', 'ryom'], 여: ['yeo', 'yuh', 'ryo'],
  추: ['choo', 'chu'], 도: ['do', 'doh', 'to'], 석: ['seok', 'suk', 'sok'], 선: ['sun', 'seon', 'son'], 설: ['seol', 'sul', 'sol'],
  길: ['gil', 'kil'], 연: ['yeon', 'yun', 'yon', 'ryon'], 위: ['wi', 'wee'], 표: ['pyo'], 명: ['myung', 'myeong', 'myong'],
  기: ['ki', 'gi'], 반: ['ban', 'pan'], 왕: ['wang'], 금: ['keum', 'kum', 'geum'], 옥: ['ok'], 육: ['yook', 'yuk', 'ryuk'], 인: ['in'],
  맹: ['maeng'], 제: ['je', 'jeh'], 탁: ['tak'], 국: ['kook', 'guk', 'kuk'], 은: ['eun', 'un'], 편: ['pyeon', 'pyun'], 용: ['yong', 'ryong'],
  경: ['kyung', 'gyeong', 'kyong'], 봉: ['bong', 'pong'], 태: ['tae'], 형: ['hyung', 'hyeong', 'hyong'], 계: ['kye', 'gye'],
  남궁: ['namgoong', 'namgung', 'namkung'], 황보: ['hwangbo'], 제갈: ['jegal', 'chegal'], 선우: ['sunwoo', 'seonu'], 독고: ['dokgo', 'tokko'],
};

/** Syllables of given names with spellings their sound alone does not give. */
const givenSyllableSpellings: Record<string, string[]> = {
  희: ['hee', 'hui', 'hi', 'heui'], 영: ['young', 'yeong', 'yong', 'yung'], 순: ['soon', 'sun'], 숙: ['sook', 'suk'], 정: ['jung', 'jeong', 'chung', 'chong'],
  성: ['sung', 'seong', 'song'], 현: ['hyun', 'hyeon', 'hyon'], 혜: ['hye', 'hae'], 은: ['eun', 'un'], 철: ['chul', 'cheol', 'chol'],
  석: ['suk', 'seok', 'sok'], 명: ['myung', 'myeong', 'myong'], 경: ['kyung', 'gyeong', 'kyong'], 준: ['joon', 'jun'], 수: ['soo', 'su'],
  주: ['joo', 'ju'], 우: ['woo', 'u'], 유: ['yoo', 'yu'], 규: ['kyu', 'gyu'], 근: ['keun', 'geun', 'kun'], 금: ['keum', 'geum', 'kum'],
  선: ['sun', 'seon', 'son'], 연: ['yeon', 'yun', 'yon'], 진: ['jin', 'chin'], 지: ['ji', 'chi'], 기: ['ki', 'gi'], 광: ['kwang', 'gwang'],
  용: ['yong', 'ryong'], 룡: ['ryong', 'yong'], 련: ['ryon', 'yeon'], 례: ['rye', 'ye'], 향: ['hyang'], 복: ['bok', 'pok'],
};

/** Places: administrative suffixes in Korean and how English writes them. */
export const placeSuffixes: Record<string, string[]> = {
  시: ['si', 'shi', 'city'], 군: ['gun', 'kun', 'county'], 구: ['gu', 'ku', 'district'], 동: ['dong', 'tong', 'neighborhood', 'neighbourhood'],
  리: ['ri', 'ni', 'village'], 읍: ['eup', 'up', 'up', 'town'], 면: ['myeon', 'myon'], 도: ['do', 'to', 'province'],
};
/** Spellings of every suffix, for the optional end of any place name. */
export const anyPlaceSuffix = [...new Set(Object.values(placeSuffixes).flat())];

export type Hangul = { initial: string; vowel: string; final: string };

export function decompose(syllable: string): Hangul | null {
  const code = syllable.charCodeAt(0) - SYLLABLE_BASE;
  if (syllable.length !== 1 || code < 0 || code > 11171) return null;
  return { initial: INITIALS[Math.floor(code / 588)]!, vowel: VOWELS[Math.floor((code % 588) / 28)]!, final: FINALS[code % 28]! };
}

function compose({ initial, vowel, final }: Hangul): string {
  return String.fromCharCode(SYLLABLE_BASE + INITIALS.indexOf(initial) * 588 + VOWELS.indexOf(vowel) * 28 + FINALS.indexOf(final));
}

/**
 * The same word as written in the other Korea: the North keeps an initial ㄹ (량강도, 리) where
 * the South drops or softens it (양강도, 이). Only a word's first syllable changes.
 */
export function otherKoreaForms(syllable: string): string[] {
  const parts = decompose(syllable);
  if (!parts) return [];
  const ySound = 'ㅑㅕㅛㅠㅣㅖㅒ'.includes(parts.vowel);
  if (parts.initial === 'ㄹ') return [compose({ ...parts, initial: ySound ? 'ㅇ' : 'ㄴ' })];
  if (parts.initial === 'ㅇ' && ySound) return [compose({ ...parts, initial: 'ㄹ' })];
  if (parts.initial === 'ㄴ' && !ySound) return [compose({ ...parts, initial: 'ㄹ' })];
  return [];
}

/** Every common English spelling of one Hangul syllable, already folded (lower case, no marks). */
export function syllableSpellings(syllable: string, role: 'surname' | 'given' | 'place' = 'given'): string[] {
  const parts = decompose(syllable);
  if (!parts) return [];
  const spellings = new Set<string>();
  const vowels = parts.initial === 'ㅇ' ? [...vowelSpellings[parts.vowel]!, ...(bareVowelSpellings[parts.vowel] ?? [])] : vowelSpellings[parts.vowel]!;
  for (const initial of initialSpellings[parts.initial]!) {
    for (const vowel of vowels) {
      for (const final of finalSpellings[parts.final]!) spellings.add(`${initial}${vowel}${final}`);
    }
  }
  // "sh" belongs before i and wi (shin, shi); elsewhere it only adds noise.
  for (const spelling of [...spellings]) if (spelling.startsWith('sh') && !/^sh(i|wi|ee)/.test(spelling)) spellings.delete(spelling);
  const special = role === 'surname' ? surnameSpellings[syllable] : givenSyllableSpellings[syllable];
  return [...new Set([...(special ?? []), ...spellings])];
}

/** The official Revised Romanization of a word (sound changes applied), folded. */
export const revisedRomanization = (korean: string): string => romanize(korean).toLowerCase().replace(/[^a-z]/g, '');

/** Splits a Korean personal name into surname and given name (two-syllable surnames known). */
export function splitKoreanName(name: string): { surname: string; given: string } {
  const compact = name.replace(/\s+/g, '');
  if (compact.length >= 4 && surnameSpellings[compact.slice(0, 2)]) return { surname: compact.slice(0, 2), given: compact.slice(2) };
  if (compact.length >= 2) return { surname: compact.slice(0, 1), given: compact.slice(1) };
  return { surname: '', given: compact };
}

/** Surname syllables people commonly carry, for spotting Korean names nobody listed. */
export const commonSurnames = new Set(Object.keys(surnameSpellings).filter((surname) => surname.length === 1));
export const isKnownSurname = (syllables: string) => surnameSpellings[syllables] !== undefined;

// ---- From a romanised name back to Korean -------------------------------------------------------
// A name entered only in English ("Kim Chol", "Young-hee Park") is read back into the Hangul
// syllables it can spell, so it gets everything a Korean entry gets: every other romanisation, the
// given name alone, Western order, Hangul and Hanja.

/** Syllables that Korean given names are mostly made of (North and South). */
export const GIVEN_NAME_SYLLABLES = new Set([
  ...'영희순숙철호민수정은미자옥남일성광혁진현경선화애란향금복석준용춘명길학국동혜지연주원윤우재기훈빈봉실녀덕식환태송룡련',
  ...'혁권창근규하상도범찬승훈세종택모청평만오영례분월심',
  ...Object.keys(givenSyllableSpellings),
]);

type ReverseIndex = Map<string, string[]>;
const reverseIndexes = new Map<string, ReverseIndex>();

/** Spelling → the syllables it can be, for one role over a set of syllables. */
function reverseIndex(role: 'surname' | 'given' | 'place'): ReverseIndex {
  const known = reverseIndexes.get(role);
  if (known) return known;
  const index: ReverseIndex = new Map();
  const add = (spelling: string, syllable: string) => {
    const list = index.get(spelling) ?? [];
    if (!list.includes(syllable)) list.push(syllable);
    index.set(spelling, list);
  };
  if (role === 'surname') {
    for (const [surname, spellings] of Object.entries(surnameSpellings)) for (const spelling of spellings) add(spelling, surname);
  } else {
    // Place names are Sino-Korean: their syllables are those some Hanja reads as (no 뵹 or 횔).
    const pool = role === 'given' ? [...GIVEN_NAME_SYLLABLES] : Array.from({ length: 11172 }, (_, code) => String.fromCharCode(SYLLABLE_BASE + code)).filter((syllable) => hanjaReadAs(syllable) !== '');
    for (const syllable of pool) {
      // A place's syllables: only their usual spellings, or every long name reads back a thousand ways.
      const spellings = syllableSpellings(syllable, role);
      for (const spelling of role === 'place' ? spellings.slice(0, 3) : spellings) add(spelling, syllable);
    }
  }
  reverseIndexes.set(role, index);
  return index;
}

/** Every way one romanised word splits into syllables of a role, fewest syllables first. */
function readBack(word: string, role: 'given' | 'place', maxSyllables: number, limit: number): string[] {
  const index = reverseIndex(role);
  const results: string[][] = [];
  const walk = (from: number, picked: string[]) => {
    if (results.length >= limit * 4) return;
    if (from === word.length) {
      results.push(picked);
      return;
    }
    if (picked.length >= maxSyllables) return;
    for (let end = Math.min(word.length, from + 6); end > from; end -= 1) {
      for (const syllable of index.get(word.slice(from, end)) ?? []) walk(end, [...picked, syllable]);
    }
  };
  walk(0, []);
  return [...new Set(results.sort((a, b) => a.length - b.length).map((syllables) => syllables.join('')))].slice(0, limit);
}

const latinWords = (written: string): string[] =>
  written
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘ʼ`]/g, '')
    .split(/[^a-z]+/)
    .filter(Boolean);

/**
 * The Korean forms a romanised name can be: "Kim Chol" → 김철, "Young-hee Park" → 박영희,
 * "Hoeryong-si" → 회령시. A few candidates at most, commonest readings first; none when the
 * spelling is not romanised Korean.
 */
export function koreanFormsOf(written: string, kind: 'person' | 'place' | 'other', limit = 4): string[] {
  const words = latinWords(written);
  if (words.length === 0) return [];
  if (kind === 'person') {
    const surnames = reverseIndex('surname');
    const forms: string[] = [];
    const orders: [string | undefined, string[]][] = [
      [words[0], words.slice(1)],
      [words.at(-1), words.slice(0, -1)],
    ];
    for (const [surnameWord, givenWords] of orders) {
      const surnameOptions = surnameWord ? surnames.get(surnameWord) : undefined;
      if (!surnameOptions || givenWords.length === 0) continue;
      for (const given of readBack(givenWords.join(''), 'given', 3, limit)) for (const surname of surnameOptions.slice(0, 2)) forms.push(surname + given);
    }
    if (forms.length === 0) forms.push(...readBack(words.join(''), 'given', 3, limit).filter((given) => given.length >= 2));
    return [...new Set(forms)].slice(0, limit);
  }
  const suffixWord = words.length > 1 ? words.at(-1)! : '';
  const suffix = Object.entries(placeSuffixes).find(([, spellings]) => spellings.includes(suffixWord))?.[0] ?? '';
  const base = (suffix ? words.slice(0, -1) : words).join('');
  return readBack(base, 'place', 4, limit).map((form) => form + suffix);
}

/** Every common English spelling of a Korean surname (park, lee, choi…): such a capitalised word stays a name. */
export const romanizedSurnames = new Set(Object.values(surnameSpellings).flat());

let nameSyllableSpellings: Set<string> | null = null;

/** The usual spellings of the syllables names are made of (young, soon, hee, chol…), and of surnames. */
export function romanizedNameSyllables(): Set<string> {
  nameSyllableSpellings ??= new Set([...romanizedSurnames, ...[...GIVEN_NAME_SYLLABLES].flatMap((syllable) => syllableSpellings(syllable, 'given').slice(0, 4))]);
  return nameSyllableSpellings;
}
