// An interview whose text names the narrator, her mother and her home town in every common
// spelling and behind every trick, for the export tests.
import { newInterview, newSegment, type Interview } from '../../../../shared/interview';

export const englishSpellings = [
  'Park Young-hee', 'Young-hee Park', 'Younghee', 'Young-hee', 'Pak Yŏng-hŭi', 'Pak Yong-hui', 'Bak Yeonghui', 'Yeong-hui', 'Hoeryong', 'Hoeryŏng',
  'Hoeryong-si', 'Hoeryong City', 'Choi Soon-hee', 'Soon-hee', 'Choe Sun-hui',
];
const tricks = ['Young\u200ehee', 'Hoe\u034fryong', 'Hoe\ufe0fryong', 'Hoe\u2060ryong', 'Ｈｏｅｒｙｏｎｇ', 'Hoeryоng', 'Hoe<b></b>ryong', 'Ho&#101;ryong', 'Hoe**ryong**'];

export function interviewWithNames(): Interview {
  const interview = newInterview('names-1', 'Market days', '2026-01-01T00:00:00Z');
  interview.narrator = { pseudonym: 'Lee Ji-woo', realName: '최순희', birthRegion: '함경북도 회령시', yearLeft: 2014, residence: 'Seoul' };
  interview.redactions = [
    { id: 'red-1', kind: 'person', korean: ['박영희'], english: [], rejected: [], replacementKo: '[어머니]', replacementEn: '[her mother]', reason: 'family in the North' },
    { id: 'red-2', kind: 'place', korean: ['회령시'], english: [], rejected: [], replacementKo: '[국경 도시]', replacementEn: 'a border city', reason: 'home town' },
  ];
  interview.speakers = [{ id: 'spk-n', name: 'Narrator', color: '#2f5d8a' }];
  const lines: [string, string][] = [
    ['박영희는 제 어머니예요. 지금도 회령에 계세요.', 'Park Young-hee is my mother. She still lives in Hoeryong.'],
    ['최순희가 제 본명이에요.', 'My real name is Choi Soon-hee; friends said Soon-hee.'],
    ['영희 언니라고 불렀어요.', 'We called her Young-hee, or Younghee, or Yeong-hui.'],
    ['회령시 사람들은 다 알아요.', 'Everyone in Hoeryong-si knows, Hoeryong City too.'],
    ...englishSpellings.map((spelling, index): [string, string] => [`문장 ${index}`, `A line about ${spelling} here.`]),
    ...tricks.map((trick, index): [string, string] => [`트릭 ${index}`, `A trick: ${trick} again.`]),
  ];
  interview.segments = lines.map(([source, translation], index) =>
    newSegment({ id: `seg-${index}`, start: index * 10, end: index * 10 + 8, speakerId: 'spk-n', source, translation, status: 'reviewed', notes: index === 0 ? 'Young-hee Park is her mother.' : '' }),
  );
  interview.article = {
    ...interview.article,
    headline: 'What Park Young-hee taught me',
    dek: 'A daughter of Hoeryong remembers.',
    topic: 'her mother',
    blocks: interview.segments.map((segment, index) => ({ kind: 'paragraph', role: 'paragraph', id: `blk-${index}`, text: segment.translation, segmentIds: [segment.id], basedOn: segment.translation })),
  };
  interview.title = '박영희 — Park Young-hee';
  return interview;
}

