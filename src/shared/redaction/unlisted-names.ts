// Names nobody listed: before a file leaves the app, every proper noun and every Korean personal
// or place name in it that is neither in the glossary nor allowed for this interview is shown
// to the editor. It is what protects a narrator when a translator spelled a name in a way
// nobody foresaw. It over-reports on purpose: an allowed name is asked about once.
import { foldSpelling } from './folding';
import { commonSurnames } from './romanization';

export type UnlistedName = { name: string; script: 'latin' | 'hangul'; count: number };

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

/** Capitalised words that are never a private person or place in these interviews. */
const ALWAYS_ALLOWED = new Set(
  `i i'm i've i'd i'll mr mrs ms dr january february march april may june july august september october november december monday tuesday
  wednesday thursday friday saturday sunday north south east west korea korean koreans china chinese japan japanese russia russian
  america american americans united states us un english god christmas new year lunar chuseok internet tv dvd cd usb pyongyang seoul
  kim il sung jong un party workers' workers juche songbun jangmadang bowibu arduous march ask`.split(/\s+/),
);

const CAPITALIZED_RUN = /\p{Lu}[\p{L}'’-]*(?:[ \u00a0]\p{Lu}[\p{L}'’-]*)*/gu;
const SENTENCE_START = /(^|[.!?:;"“”‘’()·•|\u2014\u2013\n]\s*)$/u;

const HONORIFICS = ['씨', '님', '선생', '선생님', '동무', '동지', '언니', '오빠', '누나', '형님', '할머니', '할아버지', '아저씨', '아주머니'];
const PARTICLES = ['에게서', '한테서', '께서는', '이라고', '라고', '에서는', '에서', '에게', '한테', '께서', '으로', '로서', '처럼', '까지', '부터', '이랑', '은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '랑', '로', '만', '이요', '예요', '이에요', '였다', '이었다', '야'];
const GIVEN_SYLLABLES = new Set([...'영희순숙철호민수정은미자옥남일성광혁진현경선화애란향금복석준용춘명길학국동혜지연주원윤우재기훈빈봉실녀덕식환태송룡련']);
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
};

/** Suffixes that end place names and rarely anything else (면 and 도 also end verbs and particles). */
const PLACE_ENDINGS = new Set(['시', '군', '구', '동', '리', '읍']);
/** 도 ends a province name only in these (a closed list); elsewhere it is mostly the particle "also". */
const PROVINCES = ['양강도', '량강도', '함경북도', '함경남도', '자강도', '평안북도', '평안남도', '황해북도', '황해남도', '강원도', '경기도', '충청북도', '충청남도', '전라북도', '전라남도', '경상북도', '경상남도', '제주도'];

function looksLikePlace(word: string): boolean {
  if (PROVINCES.some((province) => word.endsWith(province))) return true;
  return word.length >= 3 && word.length <= 5 && PLACE_ENDINGS.has(word.at(-1)!);
}

function stripParticles(word: string): string {
  for (const particle of PARTICLES) if (word.length > particle.length + 1 && word.endsWith(particle)) return word.slice(0, -particle.length);
  return word;
}

/** What one Korean word says by itself (the same word is weighed once per text, however often it occurs). */
type KoreanWord = { bare: string; honorific: boolean; startsWithTitle: boolean; nameOrPlace: string | null };

function weighKoreanWord(word: string): KoreanWord {
  const stem = stripParticles(word);
  const honorific = HONORIFICS.find((title) => stem.endsWith(title) && stem.length > title.length);
  const bare = honorific ? stem.slice(0, -honorific.length) : stem;
  let nameOrPlace: string | null = null;
  if (bare.length === 3 && commonSurnames.has(bare[0]!) && [...bare.slice(1)].every((syllable) => GIVEN_SYLLABLES.has(syllable))) nameOrPlace = bare;
  else if (looksLikePlace(bare)) nameOrPlace = bare;
  else nameOrPlace = NORTH_KOREAN_PLACES.find((name) => bare.startsWith(name)) ?? null;
  return { bare, honorific: honorific !== undefined, startsWithTitle: HONORIFICS.some((title) => word.startsWith(title)), nameOrPlace };
}

function koreanNameCandidates(text: string): string[] {
  const found: string[] = [];
  const words = text.match(/[\uac00-\ud7a3]+/gu) ?? [];
  const weighed = new Map<string, KoreanWord>();
  const weigh = (word: string) => {
    let known = weighed.get(word);
    if (!known) weighed.set(word, (known = weighKoreanWord(word)));
    return known;
  };
  for (let index = 0; index < words.length; index += 1) {
    const word = weigh(words[index]!);
    const followedByTitle = index + 1 < words.length && weigh(words[index + 1]!).startsWithTitle;
    if ((word.honorific || followedByTitle) && word.bare.length >= 2 && word.bare.length <= 4) found.push(word.bare);
    else if (word.nameOrPlace) found.push(word.nameOrPlace);
  }
  return found;
}

function latinNameCandidates(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(CAPITALIZED_RUN)) {
    let words = match[0].split(/[ \u00a0]/).map((word) => word.replace(/['’]s$/, '').replace(/[-'’]+$/, ''));
    const atSentenceStart = SENTENCE_START.test(text.slice(Math.max(0, match.index - 3), match.index));
    // A sentence's first word is capitalised anyway: keep it only if it is no common word and,
    // standing alone, looks like a romanised Korean name (Hyesan, Young-hee), not "Hello".
    if (atSentenceStart && COMMON_WORDS.has(foldSpelling(words[0]!))) words = words.slice(1);
    else if (atSentenceStart && words.length === 1 && !looksRomanizedKorean(words[0]!)) words = [];
    words = trimAllowed(words);
    if (words.length > 0 && !(words.length === 1 && words[0]!.length < 2)) found.push(words.join(' '));
  }
  return found;
}

const ROMANIZED_SYLLABLE = '(?:[bcdghjkmnprstwy]{0,3}(?:ae|eo|eu|oe|ui|ya|yae|ye|yeo|yo|you|yu|wa|wae|we|wi|wo|oo|ee|ou|a|e|i|o|u)(?:ng|n|m|l|k|p|t|r)?)';
const ROMANIZED_WORD = new RegExp(`^${ROMANIZED_SYLLABLE}+(?:-${ROMANIZED_SYLLABLE}+)*$`);
/** Letter pairs typical of romanised Korean and rare at the start of English words' spellings. */
const KOREAN_MARKS = /(eo|eu|ae|oe|ui|yeo|hy|ky|gy|ry|ny|my|py|jj|kk|-)/;

export function looksRomanizedKorean(word: string): boolean {
  const folded = foldSpelling(word).replace(/['’]/g, '');
  return ROMANIZED_WORD.test(folded) && KOREAN_MARKS.test(folded);
}

/** Drops allowed or common words from the ends of a run ("Mr Kim" → "Kim", "North Hamgyong" stays). */
function trimAllowed(words: string[]): string[] {
  const allowed = (word: string) => ALWAYS_ALLOWED.has(foldSpelling(word)) || COMMON_WORDS.has(foldSpelling(word));
  let start = 0;
  let end = words.length;
  while (start < end && allowed(words[start]!)) start += 1;
  while (end > start && allowed(words[end - 1]!)) end -= 1;
  return words.slice(start, end);
}

const key = (name: string) => foldSpelling(name).replace(/[^\p{L}\p{N}]/gu, '');

/** Every name in the text that nobody has listed or allowed, most frequent first. */
export function findUnlistedNames(text: string, context: NameCheckContext): UnlistedName[] {
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
  for (const name of latinNameCandidates(text)) {
    const words = name.split(' ');
    if (words.every((word) => knownKeys.has(key(word)))) continue;
    add(name, 'latin');
  }
  for (const name of koreanNameCandidates(text)) add(name, 'hangul');
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
