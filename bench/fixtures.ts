// Builds large, realistic interviews for benchmarks: Korean source, English translation.
import { newInterview, newSegment, type Interview } from '../src/shared/interview';

const korean = '고난의 행군 때 배급이 끊겼습니다. 그때부터 어머니가 장마당에서 국수를 팔기 시작하셨어요.';
const english = 'The rations stopped during the Arduous March. From then on, my mother sold noodles at the market.';

export function largeInterview(id: string, segmentCount: number): Interview {
  const interview = newInterview(id, `Benchmark ${id}`, new Date().toISOString());
  interview.narrator.pseudonym = 'Bench';
  interview.speakers = [
    { id: 'spk-a', name: 'Interviewer', color: '#2f5d8a' },
    { id: 'spk-b', name: 'Narrator', color: '#b5651d' },
  ];
  interview.segments = Array.from({ length: segmentCount }, (_, index) =>
    newSegment({
      id: `seg-${index + 1}`,
      start: index * 4.3,
      end: index * 4.3 + 4,
      speakerId: index % 2 ? 'spk-b' : 'spk-a',
      source: `${korean} (${index})`,
      translation: `${english} (${index})`,
    }),
  );
  return interview;
}

// Varied Korean sentences for memory benchmarks: words drawn by a seeded generator, so runs repeat.
const vocabulary = (
  '어머니 아버지 장마당 국수 배급 학교 동원 농촌 친구 드라마 알판 보위부 규찰대 담배 강 겨울 여름 새벽 시장 장사 ' +
  '돈 쌀 옥수수 기차 마을 도시 군대 병원 간호 공부 서울 중국 국경 브로커 가족 동생 언니 오빠 할머니 이웃 ' +
  '팔았어요 샀어요 갔어요 왔어요 건넜어요 기다렸어요 일했어요 배웠어요 숨겼어요 들었어요 봤어요 먹었어요 ' +
  '매일 자주 가끔 처음 다시 몰래 함께 혼자 빨리 천천히 아침에 밤에 그때 지금 항상'
).split(' ');

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function variedInterview(id: string, segmentCount: number, random: () => number): Interview {
  const interview = largeInterview(id, segmentCount);
  interview.segments = interview.segments.map((segment) => {
    const words = Array.from({ length: 5 + Math.floor(random() * 9) }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
    return { ...segment, source: `${words.join(' ')}.`, translation: `Translation of ${id}/${segment.id}.`, status: 'reviewed' as const };
  });
  return interview;
}

const englishVocabulary = (
  'mother father market noodles rations school mobilization farm friend drama disc security police squad cigarettes river winter ' +
  'summer dawn trade money rice corn train village city army hospital nursing study Seoul China border broker family brother ' +
  'sister grandmother neighbour sold bought went came crossed waited worked learned hid heard saw ate every often sometimes first ' +
  'again secretly together alone quickly slowly morning night then now always we they she he it was were the a of to in at and'
).split(' ');

/** The two names an interview of this kind protects, written the ways narrators and translators write them. */
const KOREAN_NAME_FORMS = ['박영희는', '박영희가', '영희 언니', '회령에서', '회령으로'];
const ENGLISH_NAME_FORMS = ['Park Young-hee', 'Young-hee', 'Pak Yong-hui', 'Hoeryong', 'Hoeryŏng'];

/**
 * A three-hour interview as a newsroom has it: varied Korean and English of varied length (short
 * questions, long answers), two listed names (a person and a home town) in about one segment in
 * sixty, an article of a few hundred paragraphs built from the translation.
 */
export function realisticInterview(id: string, segmentCount: number, seed = 7): Interview {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const interview = largeInterview(id, 0);
  const secondsPerSegment = (3 * 3600) / segmentCount;
  interview.redactions = [
    { id: 'red-person', kind: 'person', korean: ['박영희'], english: [], rejected: [], replacementKo: '[어머니]', replacementEn: '[my mother]', reason: 'family still in the North' },
    { id: 'red-place', kind: 'place', korean: ['회령'], english: [], rejected: [], replacementKo: '[국경 도시]', replacementEn: '[a border town]', reason: 'home town' },
  ];
  interview.segments = Array.from({ length: segmentCount }, (_, index) => {
    const question = index % 2 === 0;
    const words = question ? 3 + Math.floor(random() * 8) : 6 + Math.floor(random() * 40);
    const korean = Array.from({ length: words }, () => pick(vocabulary));
    const english = Array.from({ length: Math.round(words * 1.4) }, () => pick(englishVocabulary));
    if (!question && random() < 1 / 30) {
      korean.splice(Math.floor(random() * korean.length), 0, pick(KOREAN_NAME_FORMS));
      english.splice(Math.floor(random() * english.length), 0, pick(ENGLISH_NAME_FORMS));
    }
    const start = index * secondsPerSegment;
    return newSegment({
      id: `seg-${index + 1}`,
      start: Math.round(start * 1000) / 1000,
      end: Math.round((start + secondsPerSegment * 0.92) * 1000) / 1000,
      speakerId: question ? 'spk-a' : 'spk-b',
      source: `${korean.join(' ')}${question ? '?' : '.'}`,
      translation: `${english.join(' ').replace(/^./, (first) => first.toUpperCase())}${question ? '?' : '.'}`,
      status: random() < 0.7 ? 'reviewed' : 'draft',
    });
  });
  // The article: every fifteenth answer as a paragraph, as an editor would pick them.
  const answers = interview.segments.filter((_, index) => index % 30 === 1);
  interview.article.blocks = answers.map((segment, index) => ({
    kind: 'paragraph' as const,
    id: `para-${index + 1}`,
    role: 'paragraph' as const,
    text: segment.translation,
    segmentIds: [segment.id],
    basedOn: segment.translation,
  }));
  interview.article.headline = 'What the market taught us';
  return interview;
}
