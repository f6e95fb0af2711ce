// Names nobody listed: before a file leaves the app, every proper noun and every Korean personal
// or place name in it that is neither in the glossary nor allowed for this interview is shown
// to the editor. It is what protects a narrator when a translator spelled a name in a way
// nobody foresaw. It leans towards asking (an allowed name is asked about once), but it must not
// cry wolf: measured on a labelled corpus (names-review.test.ts), it finds ≥ 95 % of names and
// stops at no more than one ordinary word in a thousand.
import { foldSpelling } from './folding';
import { hanjaReadings, isHanja } from './hanja';
import { commonSurnames, GIVEN_NAME_SYLLABLES, isKnownSurname, romanizedNameSyllables, romanizedSurnames, syllableSpellings } from './romanization';
import { finalOf, PARTICLES } from '../korean-particles';
import { allMatches } from '../text-patterns';

export type UnlistedName = { name: string; script: 'latin' | 'hangul'; count: number };

/**
 * Ordinary words of each language (see services/export/vocabulary.ts): an English dictionary word
 * capitalised, or a common Korean word with a particle, is no name. Without it the review asks more.
 */
export type Vocabulary = { english: WordList; korean: WordList };
export type WordList = { has(word: string): boolean };

/** Words that start sentences or stand capitalised without naming anyone. */
const COMMON_WORDS = new Set(
  `a about above after again against all also although always am an and another any are as at back be because been before being below
  between both but by can could did do does doing down during each even every few first for from further had has have having he her here
  hers herself him himself his how however i if in into is it its itself just last later let like many maybe me might more most much must
  my myself never next no nor not now of off often on once one only or other our ours ourselves out over own perhaps please same she should
  since so some still such than that the their theirs them themselves then there these they this those though through thus to today
  tomorrow too under until up us very was we well were what when where whether which while who whom whose why will with within without
  would yes yesterday yet you your yours yourself yourselves dear oh okay ok well sometimes once afterwards eventually instead meanwhile
  mother father sister brother grandmother grandfather aunt uncle mom dad everyone everything nobody nothing someone something people
  life years year day days night morning evening people children child men women man woman got get go went come came said say says
  interviewer narrator translator speaker page note notes question answer today's got`.split(/\s+/),
);

/**
 * Capitalised words that are never a private person or place in these interviews: the calendar,
 * countries and capitals, the public geography of the crossing (rivers, mountains, cities on the
 * routes), the institutions and holidays everyone names, and Korean words English has taken in.
 */
const ALWAYS_ALLOWED = new Set(
  `i i'm i've i'd i'll mr mrs ms dr january february march april may june july august september october november december monday tuesday
  wednesday thursday friday saturday sunday north south east west korea korean koreans china chinese japan japanese russia russian
  america american americans united states us un english god christmas new year lunar chuseok seollal internet tv dvd cd usb pyongyang seoul
  kim il sung jong un party workers' workers juche songbun jangmadang bowibu arduous march ask hanawon unification ministry
  laos lao thailand thai vietnam vietnamese mongolia mongolian cambodia myanmar burma philippines canada britain uk europe germany france
  beijing shanghai shenyang harbin changchun qingdao guangzhou kunming bangkok vientiane hanoi ulaanbaatar tokyo moscow busan incheon
  tumen yalu amnok taedong imjin paektu baekdu kumgang chongchon
  kimchi bibimbap bulgogi naengmyeon tteok tteokbokki kimbap gimbap soju makgeolli hanbok kimjang doenjang gochujang ramyeon hangul taekwondo
  youtube netflix facebook google instagram twitter kakao kakaotalk naver samsung lg hyundai iphone android whatsapp telegram wechat zoom skype`.split(/\s+/),
);

/** Capitalised Latin words in a row; a Korean particle on a Latin name (Ji-woo의, Hoeryong에) is not part of it. */
const CAPITALIZED_RUN = /\p{Lu}[\p{Script=Latin}'’-]*(?:[ \u00a0]\p{Lu}[\p{Script=Latin}'’-]*)*/gu;
const SENTENCE_START = /(^|[.!?:;"“”‘’()·•|\u2014\u2013\n]\s*)$/u;

/** Titles and kinship words that follow a name (영희 언니, 김 선생님) or end one (영희씨); longest first. */
const TITLES = [
  '선생님', '할아버지', '할머니', '아주머니', '아저씨', '외삼촌', '큰아버지', '작은아버지', '큰어머니', '작은어머니', '사장님', '동무', '동지', '선생',
  '언니', '오빠', '누나', '형님', '삼촌', '이모', '고모', '아줌마', '선배', '후배', '반장', '조장', '씨', '님', '형', '군', '양',
].sort((a, b) => b.length - a.length);

/** North Korean provinces and larger cities: a home town is the commonest way a narrator is found. */
const NORTH_KOREAN_PLACES = [...'평양 청진 함흥 혜산 회령 신의주 남포 원산 개성 사리원 강계 무산 온성 김책 단천 나선 라선 해주 평성 순천 안주 덕천 구성 만포 삼지연 대홍단 보천 운흥 갑산 풍서 김형직 백암 삼수 양강도 량강도 함경북도 함경남도 자강도 평안북도 평안남도 황해북도 황해남도 강원도 새별 경원 경성 부령 연사 명간 어랑 길주 화대 명천'.split(' ')];

/**
 * A North Korean province or city (with or without 시/군/도): such a name stays a question for the
 * editor in every export even when the glossary has its English spelling, because a home town is
 * how a narrator is found. The glossary says how to spell it, not that it is safe to print.
 */
export function isNorthKoreanPlaceName(korean: string): boolean {
  const bare = korean.trim().replace(/(시|군|구역)$/u, '');
  return NORTH_KOREAN_PLACES.includes(bare);
}

export type NameCheckContext = {
  /** Glossary terms (both languages), the allow list, pseudonym, speakers, series text. */
  known: string[];
  vocabulary?: Vocabulary;
};

/** Suffixes that end place names and rarely anything else (면 and 도 also end verbs and particles). */
const PLACE_ENDINGS = new Set(['시', '군', '구', '동', '리', '읍']);
/** 도 ends a province name only in these (a closed list); elsewhere it is mostly the particle "also". */
const PROVINCES = ['양강도', '량강도', '함경북도', '함경남도', '자강도', '평안북도', '평안남도', '황해북도', '황해남도', '강원도', '경기도', '충청북도', '충청남도', '전라북도', '전라남도', '경상북도', '경상남도', '제주도'];

const NO_VOCABULARY: Vocabulary = { english: new Set(), korean: new Set() };

const hasFinal = (syllable: string) => (syllable.charCodeAt(0) - 0xac00) % 28 !== 0;
const isGivenSyllable = (syllable: string) => GIVEN_NAME_SYLLABLES.has(syllable);

function stripParticles(word: string): { stem: string; stripped: boolean } {
  for (const particle of PARTICLES) if (word.length > particle.length + 1 && word.endsWith(particle)) return { stem: word.slice(0, -particle.length), stripped: true };
  return { stem: word, stripped: false };
}

/** Titles that follow people, not subjects or places (수학 선생님 is a maths teacher; 순자 언니 is someone). */
const PERSONAL_TITLES = new Set(['동무', '동지', '씨', '님', '언니', '오빠', '누나', '형', '형님', '삼촌', '이모', '고모', '외삼촌']);
/**
 * Words that stand before a kinship title in speech without being a name there ("지금 언니는 한국에
 * 살아요": now my sister lives in Korea): adverbs of time and manner, pronouns, counted numbers.
 * Several are shaped like a given name and in the dictionary, which a name may be too (지혜 언니),
 * so the dictionary cannot tell them apart; this closed list can. Only words no one is called:
 * 현재 stays a question, since it is also a given name; and no single syllable, since 이 and 제
 * before a title may be a surname (이 선생님: this teacher, or Teacher Lee).
 */
const NEVER_A_NAME = new Set([
  ...'지금 이제 요즘 요새 아직 벌써 이미 다시 그때 그땐 당시 예전 옛날 처음 나중 마침 방금 금방 아까 금일 오늘 어제 내일 매일 매번 항상 자주 종종 가끔 이따금 계속 결국 드디어 우선 먼저 일단 원래 같이 함께 혼자 서로 직접 몰래 진짜 정말 너무 아주 특히 제일 가장 자기 우리 저희 그런 이런 저런 어떤 다른 모든 여기 거기 저기 이번 저번 지난번 다음번'.split(' '),
  ...'한번 두번 세번 네번 둘이 셋이 넷이 둘째 셋째 넷째 막내'.split(' '),
]);

/** ㅆ as a final consonant, the past tense's and 있다's (갔, 했, 었, 있): no name's syllable ends in it. */
const SSANG_SIOS_FINAL = 20;
/**
 * Endings of a verb or adjective, looked for in words of three syllables or more: two-syllable
 * names end in them too (민서; 미요, 지요, 가요 are Japanese given names, which families of
 * returnees from Japan carry).
 */
const LONG_PREDICATE_ENDINGS = ['요', '니다', '는데', '죠', '다', '니까', '지만', '거든', '면서', '어서', '아서', '해서'];
/** Two-syllable verbs with their ending that no one is called (past tenses are told by their ㅆ). */
const TWO_SYLLABLE_PREDICATES = new Set(['해요', '봐요', '와요', '돼요', '줘요', '래요', '대요', '세요', '네요', '해서', '해도']);

/**
 * A verb or adjective with its ending (갔어요, 좋아요, 먹었다, 했습니다, 왔는데, 그랬죠, 해요): a machine
 * draft or a quick transcript often has no comma before the title that follows it ("갔어요 언니"),
 * and it is never a name there. Checked after place names, which may carry such endings (청진에서요).
 */
function isPredicate(word: string): boolean {
  if (TWO_SYLLABLE_PREDICATES.has(word)) return true;
  if (word.length >= 3 && LONG_PREDICATE_ENDINGS.some((ending) => word.endsWith(ending))) return true;
  return [...word].some((syllable) => finalOf(syllable) === SSANG_SIOS_FINAL);
}

/**
 * A one-syllable noun of time or place with the particle 에 (밤에, 집에, 강에): particles are taken
 * off stems of two syllables or more only, so these stay whole. A closed list, not every word
 * ending in 에: Japanese given names do (리에, 미에, 치에), and families of returnees from Japan
 * are among the narrators' own.
 */
const ONE_SYLLABLE_PLACES_AND_TIMES = new Set([...'밤낮집방문밖안뒤앞옆위속때곳땅물강산길배차날해봄역들논밭숲굴']);
const isOneSyllableWithE = (word: string) => word.length === 2 && word.endsWith('에') && ONE_SYLLABLE_PLACES_AND_TIMES.has(word[0]!);

/** Endings only a name takes: the vocative (순자야, 영남아). */
const VOCATIVES = ['야', '아'];

type KoreanWord = {
  /** The word without particles, titles and the 이 that follows a given name ending in a consonant. */
  bare: string;
  /** A title or kinship word is part of the word (영희씨, 철수삼촌). */
  titled: boolean;
  /** Something was attached: a particle, a copula, the name's 이. */
  inflected: boolean;
  /** The word is itself a title or kinship word: the next-word rule looks for these. */
  isTitle: boolean;
  /** A name or place by its own shape, whatever stands around it. */
  nameOrPlace: string | null;
  /** Shaped like a given name, though also a dictionary word (순자, 성호, 영남): a name where only a name fits. */
  givenShaped: boolean;
  /** Called by it (순자야) or with a name's 이 (영남이가): only names are spoken so. */
  calledAsName: boolean;
  /** What stands before a title without naming anyone (지금, 갔어요, 밤에), unless it is a name or place by its shape. */
  neverAName: boolean;
};

function looksLikePlace(word: string): boolean {
  if (PROVINCES.some((province) => word.endsWith(province))) return true;
  return word.length >= 3 && word.length <= 5 && PLACE_ENDINGS.has(word.at(-1)!);
}

/** Surname and given syllables: 김영희, 남궁민수; not a common word (이제는 → 이제). */
function isFullName(word: string, vocabulary: Vocabulary): boolean {
  if (vocabulary.korean.has(word)) return false;
  const surnameLength = word.length === 4 && isKnownSurname(word.slice(0, 2)) ? 2 : 1;
  const given = word.slice(surnameLength);
  return word.length >= 3 && word.length <= 4 && (surnameLength === 2 || commonSurnames.has(word[0]!)) && given.length === 2 && [...given].every(isGivenSyllable);
}

/** Two syllables a given name is made of, that are not a common word (영희, not 영화 or 지금). */
const isGivenName = (word: string, vocabulary: Vocabulary) => word.length === 2 && [...word].every(isGivenSyllable) && !vocabulary.korean.has(word);

/** A title or kinship word standing alone, with its particles (씨가, 언니는, 선생님이). */
const isTitleWord = (word: string) => TITLES.some((title) => word === title || (word.startsWith(title) && PARTICLES.includes(word.slice(title.length))));

/** What one Korean word says by itself (the same word is weighed once per text, however often it occurs). */
function weighKoreanWord(word: string, vocabulary: Vocabulary): KoreanWord {
  const isTitle = isTitleWord(word);
  const { stem, stripped } = stripParticles(word);
  const title = TITLES.find((candidate) => stem.endsWith(candidate) && stem.length > candidate.length);
  let bare = title ? stem.slice(0, -title.length) : stem;
  let inflected = stripped;
  const givenShape = (candidate: string) => candidate.length === 2 && [...candidate].every(isGivenSyllable);
  // A given name ending in a consonant takes 이 before particles and in speech: 영숙이가, 영숙이.
  let calledAsName = false;
  if (bare.length === 3 && bare.endsWith('이') && hasFinal(bare[1]!) && givenShape(bare.slice(0, 2))) {
    bare = bare.slice(0, 2);
    inflected = true;
    calledAsName = true;
  }
  if (!calledAsName && word.length === 3 && givenShape(word.slice(0, 2)) && VOCATIVES.includes(word[2]!) && (word[2] === '아') === hasFinal(word[1]!)) {
    bare = word.slice(0, 2);
    calledAsName = true;
  }
  let nameOrPlace: string | null = null;
  if (isFullName(bare, vocabulary)) nameOrPlace = bare;
  else if (looksLikePlace(bare) && !vocabulary.korean.has(bare)) nameOrPlace = bare;
  else nameOrPlace = NORTH_KOREAN_PLACES.find((name) => bare.startsWith(name)) ?? null;
  const neverAName = NEVER_A_NAME.has(bare) || isPredicate(bare) || isOneSyllableWithE(bare);
  return { bare, titled: title !== undefined, inflected, isTitle, nameOrPlace, givenShaped: givenShape(bare), calledAsName, neverAName };
}

function koreanNameCandidates(text: string, vocabulary: Vocabulary): string[] {
  const found: string[] = [];
  // The runs of Hangul syllables, by a scan of the text's units (a long interview has hundreds of
  // thousands: match objects for each were most of this function's time).
  const words: string[] = [];
  // A title only belongs to the word before it when nothing but spaces stands between them: in
  // "…일했어요. 언니는…" the title begins a new sentence and says nothing about the verb before it.
  const joinedToNext: boolean[] = [];
  let onlySpacesSince = false;
  for (let at = 0; at < text.length; ) {
    const code = text.charCodeAt(at);
    if (code >= 0xac00 && code <= 0xd7a3) {
      let end = at + 1;
      while (end < text.length && text.charCodeAt(end) >= 0xac00 && text.charCodeAt(end) <= 0xd7a3) end += 1;
      if (words.length > 0) joinedToNext[words.length - 1] = onlySpacesSince;
      words.push(text.slice(at, end));
      joinedToNext.push(false);
      onlySpacesSince = true;
      at = end;
      continue;
    }
    // Between two words: spaces (ordinary or no-break) keep them joined, anything else parts them;
    // an empty stretch cannot occur (two runs of syllables next to each other are one run).
    if (code !== 0x20 && code !== 0xa0) onlySpacesSince = false;
    at += 1;
  }
  const weighed = new Map<string, KoreanWord>();
  const weigh = (word: string) => {
    let known = weighed.get(word);
    if (!known) weighed.set(word, (known = weighKoreanWord(word, vocabulary)));
    return known;
  };
  for (let index = 0; index < words.length; index += 1) {
    const word = weigh(words[index]!);
    if (word.isTitle) continue;
    const next = joinedToNext[index] ? words[index + 1]! : '';
    const followedByTitle = next !== '' && weigh(next).isTitle;
    const followedByPersonalTitle = followedByTitle && [...PERSONAL_TITLES].some((title) => next === title || (next.startsWith(title) && PARTICLES.includes(next.slice(title.length))));
    if (word.nameOrPlace) found.push(word.nameOrPlace);
    else if (word.neverAName) continue;
    else if (word.givenShaped && (word.calledAsName || (followedByPersonalTitle && !word.inflected))) found.push(word.bare);
    // A name before a title stands bare (영희 언니; not 추석마다 할아버지).
    else if ((word.titled || (followedByTitle && !word.inflected)) && word.bare.length >= 2 && word.bare.length <= 4 && !vocabulary.korean.has(word.bare)) found.push(word.bare);
    else if (followedByTitle && !word.inflected && word.bare.length === 1 && commonSurnames.has(word.bare)) found.push(`${word.bare} ${words[index + 1]}`);
    else if ((word.inflected || word.titled) && isGivenName(word.bare, vocabulary)) found.push(word.bare);
  }
  return found;
}

/** Names in Hanja: two to four characters that begin with a surname's character or end with a place's (市 郡 道 洞 里 邑). */
function hanjaNameCandidates(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/[\u3400-\u9fff\uf900-\ufaff]{2,4}/gu)) {
    const run = [...match[0]].filter(isHanja);
    if (run.length < 2) continue;
    const surname = hanjaReadings(run[0]!).some((reading) => commonSurnames.has(reading));
    const place = ['시', '군', '도', '동', '리', '읍'].some((suffix) => hanjaReadings(run.at(-1)!).includes(suffix));
    if (surname || place) found.push(run.join(''));
  }
  return found;
}

function latinNameCandidates(text: string, vocabulary: Vocabulary): string[] {
  const found: string[] = [];
  const ordinary = (word: string) => isOrdinaryWord(word, vocabulary);
  const judge = (run: string, atSentenceStart: boolean): string | null => {
    let words = run.split(/[ \u00a0]/).map((word) => word.replace(/['’]s$/, '').replace(/[-'’]+$/, ''));
    // A sentence's first word is capitalised anyway: keep it only if it is no common word and,
    // standing alone, looks like a romanised Korean name (Hyesan, Young-hee), not "Hello".
    if (atSentenceStart && (COMMON_WORDS.has(foldSpelling(words[0]!)) || ordinary(words[0]!))) words = words.slice(1);
    else if (atSentenceStart && words.length === 1 && !looksRomanizedKorean(words[0]!) && !isNorthKoreanPlaceSpelling(words[0]!)) words = [];
    words = trimAllowed(words, vocabulary);
    // One capitalised dictionary word inside a sentence ("the River", "a Photo") is no name.
    if (words.length === 1 && ordinary(words[0]!)) words = [];
    return words.length > 0 && !(words.length === 1 && words[0]!.length < 2) ? words.join(' ') : null;
  };
  // A long interview says "I", "We" and "Mother" thousands of times: each run is judged once.
  const judged = new Map<string, string | null>();
  for (const match of text.matchAll(CAPITALIZED_RUN)) {
    const atSentenceStart = SENTENCE_START.test(text.slice(Math.max(0, match.index - 3), match.index));
    const key = `${atSentenceStart ? '.' : ' '}${match[0]}`;
    let name = judged.get(key);
    if (name === undefined) judged.set(key, (name = judge(match[0], atSentenceStart)));
    if (name !== null) found.push(name);
  }
  // Romanised names in lower case: a hyphenated name (soon-ja, young-hee) is no English word.
  for (const word of hyphenatedLowerCaseWords(text)) {
    const parts = word.split('-');
    // An English word of four letters or more that is no usual spelling of a name's syllable (year, called; not young).
    const english = (part: string) => part.length >= 4 && vocabulary.english.has(part) && !romanizedNameSyllables().has(part);
    // Not a reduplication (ha-ha, bye-bye), not a compound of English words (so-called, well-off).
    if (parts.length === 2 && parts[0] !== parts[1] && looksRomanizedKorean(word) && !parts.some(english) && !vocabulary.english.has(word.replace('-', ''))) found.push(word);
  }
  return found;
}

/** A hyphenated word in lower-case letters (soon-ja), whole: not inside a longer word, nor after an apostrophe or a hyphen. */
export const HYPHENATED_LOWER_CASE = /(?<![\p{L}'’-])\p{Ll}+(?:-\p{Ll}+)+(?![\p{L}-])/gu;

/**
 * HYPHENATED_LOWER_CASE's matches, looked for only on the lines that hold a hyphen: every match
 * holds one, and none spans a line (a line break is neither a letter, an apostrophe nor a hyphen,
 * so the pattern's edges see the same at a line's ends as in the whole text). Tried at every
 * position of a long interview, the pattern cost ~57 ms; most of its lines hold no hyphen.
 */
export function hyphenatedLowerCaseWords(text: string): string[] {
  const found: string[] = [];
  for (let hyphen = text.indexOf('-'); hyphen >= 0; ) {
    const lineStart = text.lastIndexOf('\n', hyphen) + 1;
    const lineBreak = text.indexOf('\n', hyphen);
    const lineEnd = lineBreak < 0 ? text.length : lineBreak;
    for (const match of allMatches(HYPHENATED_LOWER_CASE, text.slice(lineStart, lineEnd))) found.push(match[0]);
    hyphen = lineBreak < 0 ? -1 : text.indexOf('-', lineEnd);
  }
  return found;
}

/** A capitalised word that is an ordinary English word and no Korean surname's spelling (Park, Lee and Song stay names). */
function isOrdinaryWord(word: string, vocabulary: Vocabulary): boolean {
  // A capital inside a word is a product's or a company's (YouTube, KakaoTalk, iPhone), never a person's.
  if (/^\p{L}\p{Ll}+\p{Lu}/u.test(word)) return true;
  const folded = foldSpelling(word).replace(/['’]/g, '');
  if (romanizedSurnames.has(folded)) return false;
  if (word.includes('-') && looksRomanizedKorean(word)) return false;
  return vocabulary.english.has(folded) || vocabulary.english.has(folded.replace(/s$/, '')) || /['’](m|re|ve|ll|d|t|s)$/i.test(word) || /n['’]t$/i.test(word);
}

const ROMANIZED_SYLLABLE = '(?:[bcdghjkmnprstwy]{0,3}(?:ae|eo|eu|oe|ui|ya|yae|ye|yeo|yo|you|yu|wa|wae|we|wi|wo|oo|ee|ou|a|e|i|o|u)(?:ng|n|m|l|k|p|t|r)?)';
const ROMANIZED_WORD = new RegExp(`^${ROMANIZED_SYLLABLE}+(?:-${ROMANIZED_SYLLABLE}+)*$`);
/** Letter pairs typical of romanised Korean and rare at the start of English words' spellings. */
const KOREAN_MARKS = /(eo|eu|ae|oe|ui|yeo|hy|ky|gy|ry|ny|my|py|jj|kk|-)/;

export function looksRomanizedKorean(word: string): boolean {
  const folded = foldSpelling(word).replace(/['’]/g, '');
  return ROMANIZED_WORD.test(folded) && KOREAN_MARKS.test(folded);
}

/** Drops allowed, common or ordinary words from the ends of a run ("Mr Kim" → "Kim", "Tumen River" → "Tumen"). */
function trimAllowed(words: string[], vocabulary: Vocabulary): string[] {
  const allowed = (word: string) => ALWAYS_ALLOWED.has(foldSpelling(word)) || COMMON_WORDS.has(foldSpelling(word)) || isOrdinaryWord(word, vocabulary);
  let start = 0;
  let end = words.length;
  while (start < end && allowed(words[start]!)) start += 1;
  while (end > start && allowed(words[end - 1]!)) end -= 1;
  // Inside a run nothing is dropped (North Hamgyong, Park Young-hee); a run of allowed words alone is none.
  return words.slice(start, end);
}

let northKoreanPlaceSpellings: Set<string> | null = null;

/** A North Korean city or province in a usual romanisation (Musan, Chongjin, Hyesan): a question wherever it stands. */
function isNorthKoreanPlaceSpelling(word: string): boolean {
  if (!northKoreanPlaceSpellings) {
    northKoreanPlaceSpellings = new Set();
    for (const place of NORTH_KOREAN_PLACES) {
      let spellings = [''];
      for (const syllable of place) spellings = spellings.flatMap((start) => syllableSpellings(syllable, 'place').slice(0, 3).map((spelling) => start + spelling));
      for (const spelling of spellings) northKoreanPlaceSpellings.add(spelling);
    }
  }
  return northKoreanPlaceSpellings.has(foldSpelling(word).replace(/[^a-z]/g, ''));
}

const key = (name: string) => foldSpelling(name).replace(/[^\p{L}\p{N}]/gu, '');

/** Every name in the text that nobody has listed or allowed, most frequent first. */
export function findUnlistedNames(text: string, context: NameCheckContext): UnlistedName[] {
  const vocabulary = context.vocabulary ?? NO_VOCABULARY;
  const knownKeys = new Set<string>();
  for (const entry of context.known) {
    knownKeys.add(key(entry));
    for (const word of entry.split(/[\s/,()]+/)) if (word) knownKeys.add(key(word));
  }
  const counts = new Map<string, UnlistedName>();
  const add = (name: string, script: UnlistedName['script']) => {
    const id = key(name);
    if (!id || knownKeys.has(id)) return;
    const found = counts.get(id);
    if (found) found.count += 1;
    else counts.set(id, { name, script, count: 1 });
  };
  for (const name of latinNameCandidates(text, vocabulary)) {
    const words = name.split(' ');
    if (words.every((word) => knownKeys.has(key(word)))) continue;
    add(name, 'latin');
  }
  for (const name of koreanNameCandidates(text, vocabulary)) add(name, 'hangul');
  for (const name of hanjaNameCandidates(text)) add(name, 'hangul');
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
