// A small interview with everything an export must handle: Korean source, English translation,
// translator notes, an open query, a section break, a real name and a listed sensitive term.
import { addSegments, insertBreakAfter } from '../../../../shared/article-editing';
import { newInterview, newSegment, type Interview, type Segment } from '../../../../shared/interview';
import { defaultSettings, type Settings } from '../../../../shared/settings';

const segment = (index: number, speakerId: string, source: string, translation: string, extra: Partial<Segment> = {}): Segment =>
  newSegment({ id: `seg-${index}`, start: index * 25, end: index * 25 + 20, speakerId, source, translation, status: 'reviewed', ...extra });

export function exportFixture(): { interview: Interview; settings: Settings } {
  const interview = newInterview('fixture-1', '최순희의 장마당 — Market days', '2026-01-01T00:00:00Z');
  interview.narrator = { pseudonym: 'Lee Ji-woo', realName: '최순희', birthRegion: 'Ryanggang Province', yearLeft: 2014, residence: 'Seoul' };
  interview.readerQuestion = { text: 'What did children do after school', askerFirstName: 'Emma', askerCity: 'Leeds' };
  interview.redactions = [
    { id: 'red-1', kind: 'place', korean: ['연봉동'], english: [], rejected: [], replacementKo: '[동네]', replacementEn: 'my neighbourhood', reason: 'home town' },
  ];
  interview.speakers = [
    { id: 'spk-i', name: 'Interviewer', color: '#2f5d8a' },
    { id: 'spk-n', name: '최순희', color: '#b5651d' },
  ];
  interview.segments = [
    segment(0, 'spk-i', '어디에서 자라셨어요?', 'Where did you grow up?'),
    segment(1, 'spk-n', '저는 연봉동에서 자랐어요. 제 이름은 최순희예요.', 'I grew up in Yonbong-dong. My name is 최순희.', {
      notes: 'Yonbong-dong is a district; the narrator asked that it not be named.',
    }),
    segment(2, 'spk-n', '어머니는 장마당에서 국수를 팔았어요.', 'My mother sold "noodles" at the jangmadang (장마당) -- every day.', {
      notes: 'Jangmadang: informal market.',
      queries: [{ id: 'q-1', text: 'Cold noodles or hot?', status: 'open', createdAt: '2026-01-02T00:00:00Z' }],
    }),
    segment(3, 'spk-n', '2014년 겨울에 강을 건넜어요.', 'In the winter of 2014 I crossed the river.'),
    segment(5, 'spk-n', '그 십 분이 가장 길었어요.', 'Those ten minutes were the longest of my life.'),
  ];
  interview.article = insertBreakAfter(addSegments(interview.article, interview.segments.slice(1), (() => {
    let next = 0;
    return () => `blk-${++next}`;
  })()), 1, () => 'blk-break');
  interview.article = {
    ...interview.article,
    dek: 'A woman who grew up in a border town remembers the market that fed her family.',
    publicationDate: '2024-05-21',
    imageCredit: 'Illustration: Testimony Desk',
    topic: 'growing up in the market',
    closing: 'I still cannot eat noodles without thinking of her.',
  };
  return { interview, settings: { ...defaultSettings } };
}
