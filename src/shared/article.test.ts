import { describe, expect, it } from 'vitest';
import { articleOutline, defaultBio, formatPublicationDate, paragraphSourceChanged, segmentsById } from './article';
import { addSegments, insertBreakAfter, mergeWithNext, moveBlock, refreshFromTranslation, removeBlock, rewordParagraph } from './article-editing';
import { newInterview, newSegment, type Interview, type Segment } from './interview';
import { defaultSeries } from './settings';

const segment = (id: string, translation: string, extra: Partial<Segment> = {}): Segment =>
  newSegment({ id, start: 0, end: 1, source: '원문', translation, status: 'reviewed', ...extra });

function sampleInterview(): Interview {
  const interview = newInterview('abc-123', 'T', '2026-01-01T00:00:00Z');
  interview.narrator = { pseudonym: 'Lee Ji-woo', realName: '최순희', birthRegion: 'Ryanggang Province', yearLeft: 2014, residence: 'Seoul' };
  interview.readerQuestion = { text: 'What did children do after school', askerFirstName: 'Emma', askerCity: 'Leeds' };
  interview.segments = [
    segment('seg-1', 'My name is 최순희 and I sold "noodles".', { notes: 'Noodles: 국수, sold cold in summer.' }),
    segment('seg-2', 'We got up at five -- every day.'),
    segment('seg-3', 'Then we crossed the river.', { queries: [{ id: 'q-1', text: 'Which river?', status: 'open', createdAt: '' }] }),
    segment('seg-4', ''),
  ];
  return interview;
}

let counter = 0;
const newId = () => `blk-${++counter}`;

describe('article editing', () => {
  it('composes, reorders, merges, breaks, rewords and removes paragraphs', () => {
    const interview = sampleInterview();
    let article = addSegments(interview.article, interview.segments, newId);
    expect(article.blocks).toHaveLength(3); // the untranslated segment is skipped
    expect(addSegments(article, interview.segments, newId).blocks).toHaveLength(3); // nothing twice
    article = moveBlock(article, 2, -1);
    expect(article.blocks.map((block) => block.kind === 'paragraph' && block.segmentIds[0])).toEqual(['seg-1', 'seg-3', 'seg-2']);
    article = moveBlock(article, 1, 1);
    article = mergeWithNext(article, 0);
    expect(article.blocks[0]).toMatchObject({ segmentIds: ['seg-1', 'seg-2'], text: expect.stringContaining('noodles". We got up') });
    article = insertBreakAfter(article, 0, newId);
    expect(article.blocks.map((block) => block.kind)).toEqual(['paragraph', 'break', 'paragraph']);
    article = rewordParagraph(article, 2, 'Then, at night, we crossed the river.');
    expect(article.blocks[2]).toMatchObject({ text: 'Then, at night, we crossed the river.' });
    expect(removeBlock(article, 1).blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('shows when a paragraph’s segments changed after it was composed, until refreshed', () => {
    const interview = sampleInterview();
    let article = addSegments(interview.article, interview.segments, newId);
    const paragraph = () => article.blocks[1] as Extract<(typeof article.blocks)[number], { kind: 'paragraph' }>;
    expect(paragraphSourceChanged(paragraph(), segmentsById(interview.segments))).toBe(false);
    interview.segments[1] = { ...interview.segments[1]!, translation: 'We got up at four.' };
    expect(paragraphSourceChanged(paragraph(), segmentsById(interview.segments))).toBe(true);
    article = refreshFromTranslation(article, 1, interview.segments);
    expect(paragraph()).toMatchObject({ text: 'We got up at four.' });
    expect(paragraphSourceChanged(paragraph(), segmentsById(interview.segments))).toBe(false);
  });
});

describe('articleOutline', () => {
  it('follows the template, redacts, smartens and carries notes and open queries', () => {
    const interview = sampleInterview();
    interview.article = insertBreakAfter(addSegments(interview.article, interview.segments, newId), 1, newId);
    interview.article.publicationDate = '2024-05-21';
    interview.article.topic = 'market life';
    const outline = articleOutline(interview, defaultSeries);
    expect(outline.headline).toBe('Ask a North Korean: What did children do after school?');
    expect(outline.dateLine).toBe('May 21, 2024');
    expect(outline.questionLine).toBe('Today’s question asks: What did children do after school?');
    expect(outline.bio).toBe(
      'Lee Ji-woo — who was born and raised in Ryanggang Province, North Korea, and lived there until leaving in 2014 — writes about market life.',
    );
    // The series' "Have a question?" is not repeated after "Got a question for …?".
    expect(outline.followUp).toBe('Got a question for Lee Ji-woo? Send it with your first name and city, and we will put it to our writers.');
    expect(outline.sections).toHaveLength(2);
    expect(outline.sections[0]![0]).toEqual({
      role: 'paragraph',
      text: 'My name is Lee Ji-woo and I sold “noodles”.',
      notes: ['Noodles: 국수, sold cold in summer.'],
      openQueries: [],
    });
    expect(outline.sections[0]![1]!.text).toBe('We got up at five — every day.');
    expect(outline.sections[1]![0]!.openQueries).toEqual([{ text: 'Which river?', raisedAt: '' }]);
    expect(JSON.stringify(outline)).not.toContain('최순희');
  });

  it('formats dates and bios gracefully when facts are missing', () => {
    expect(formatPublicationDate('2024-13-01')).toBe('2024-13-01');
    expect(defaultBio(newInterview('abc-123', 'T', ''), '')).toBe(
      'The writer — who was born and raised in North Korea and lived there until leaving — writes about life there.',
    );
  });

  it('leaves a redacted birthplace out of the bio instead of printing its placeholder', () => {
    const interview = newInterview('abc-123', 'T', '');
    interview.narrator = { ...interview.narrator, pseudonym: 'Lee Ji-woo', birthRegion: '회령시', yearLeft: 2014 };
    interview.redactions = [{ id: 'red-1', kind: 'place', korean: ['회령시'], english: [], rejected: [], replacementKo: '[국경 도시]', replacementEn: '[a border town]', reason: '' }];
    expect(defaultBio(interview, '')).toBe('Lee Ji-woo — who was born and raised in North Korea and lived there until leaving in 2014 — writes about life there.');
    interview.redactions[0]!.replacementEn = 'a border town';
    expect(defaultBio(interview, '')).toBe('Lee Ji-woo — who was born and raised in a border town, North Korea, and lived there until leaving in 2014 — writes about life there.');
  });
});

describe('the narrator among the speakers', () => {
  it('is the speaker named like the pseudonym, else the one who speaks longest', async () => {
    const { narratorSpeakerId } = await import('./article-editing');
    const { newInterview, newSegment } = await import('./interview');
    const interview = newInterview('n', 'N', '2026-01-01T00:00:00Z');
    interview.speakers = [
      { id: 'spk-i', name: 'Interviewer', color: '#2f5d8a' },
      { id: 'spk-n', name: 'Speaker 2', color: '#b5651d' },
    ];
    interview.segments = [
      newSegment({ id: 'a', start: 0, end: 3, speakerId: 'spk-i', source: '질문' }),
      newSegment({ id: 'b', start: 3, end: 30, speakerId: 'spk-n', source: '긴 대답' }),
    ];
    expect(narratorSpeakerId(interview)).toBe('spk-n');
    interview.narrator.pseudonym = 'Interviewer';
    expect(narratorSpeakerId(interview)).toBe('spk-i');
    expect(narratorSpeakerId({ ...interview, narrator: { ...interview.narrator, pseudonym: '' }, segments: [] })).toBeNull();
  });
});
