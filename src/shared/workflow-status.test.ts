import { describe, expect, it } from 'vitest';
import { newInterview, newSegment, type Interview, type Segment } from './interview';
import { explainStatus, gapsWithoutText, speechWithoutText, statusByWork, statusMayHaveChanged, statusReason, withStatusFollowingWork } from './workflow-status';
import { addProposedSegments } from './transcript-editing';

const withRecording = (segments: Segment[], durationSeconds = 600): Interview => ({
  ...newInterview('w-1', 'Work', '2026-01-01T00:00:00Z'),
  recording: { fileName: 'recording.ogg', mimeType: 'audio/ogg', durationSeconds },
  segments,
});
const said = (id: string, start: number, end: number, source = '말했어요', translation = '') => newSegment({ id, start, end, source, translation });

describe('transcription is done when the speech has text, not the whole recording', () => {
  // Ten minutes, speech in five stretches with pauses between: the text covers 70 % of the recording.
  const speech = [
    { start: 0, end: 80 },
    { start: 95, end: 200 },
    { start: 230, end: 330 },
    { start: 350, end: 470 },
    { start: 500, end: 590 },
  ];
  const full = [said('s1', 0, 80), said('s2', 95, 200), said('s3', 230, 330), said('s4', 350, 470), said('s5', 500, 590)];

  it('a transcript of every stretch of speech is past transcribing, whatever the pauses add up to', () => {
    expect(statusByWork(withRecording(full), speech)).toBe('translating');
  });

  it('says how many stretches of speech have no text and where the first is', () => {
    const missingTwo = [full[0]!, full[2]!, full[4]!];
    expect(statusReason(withRecording(missingTwo), speech)).toEqual({ status: 'transcribing', kind: 'speech-without-text', count: 2, first: 95 });
    expect(speechWithoutText(missingTwo, speech)).toEqual([speech[1], speech[3]]);
  });

  it('ignores stretches too short to transcribe (a cough) and counts a stretch half covered as covered', () => {
    const cough = [...speech, { start: 595, end: 595.6 }];
    const halfOfFirst = [said('s1', 0, 41), ...full.slice(1)];
    expect(statusByWork(withRecording(halfOfFirst), cough)).toBe('translating');
    expect(statusByWork(withRecording([said('s1', 0, 39), ...full.slice(1)]), cough)).toBe('transcribing');
  });

  it('without voice detection, long stretches without text stand in for missed speech; natural pauses do not', () => {
    const natural = [said('s1', 0, 80), said('s2', 85, 200), said('s3', 206, 330), said('s4', 338, 470), said('s5', 478, 595)];
    expect(statusByWork(withRecording(natural), null)).toBe('translating');
    const gap = [full[0]!, ...full.slice(2)];
    expect(gapsWithoutText(gap, 600)).toEqual([{ start: 80, end: 230 }, { start: 330, end: 350 }, { start: 470, end: 500 }]);
    expect(statusReason(withRecording(gap), null)).toMatchObject({ kind: 'gaps-without-text', count: 3, first: 80 });
  });
});

describe('a machine draft nobody has touched is not transcribed', () => {
  const speech = [{ start: 0, end: 300 }];

  it('stays transcribing over machine text, and moves on once a person has corrected each segment', () => {
    const drafted = addProposedSegments([], [{ start: 0, end: 100, text: '기계가 쓴 말' }, { start: 100, end: 300, text: '또 기계가 쓴 말' }], null, (() => {
      let n = 0;
      return () => `m-${(n += 1)}`;
    })()).segments;
    expect(drafted.map((segment) => segment.machineText)).toEqual(['기계가 쓴 말', '또 기계가 쓴 말']);
    expect(statusReason(withRecording(drafted, 300), speech)).toEqual({ status: 'transcribing', kind: 'no-text' });
    const oneCorrected = [{ ...drafted[0]!, source: '사람이 고친 말' }, drafted[1]!];
    expect(statusReason(withRecording(oneCorrected, 300), speech)).toEqual({ status: 'transcribing', kind: 'speech-without-text', count: 1, first: 0 });
    const bothCorrected = [oneCorrected[0]!, { ...drafted[1]!, source: '사람이 또 고친 말' }];
    expect(statusByWork(withRecording(bothCorrected, 300), speech)).toBe('translating');
  });
});

describe('the status follows the work both ways, unless set by hand', () => {
  it('moves forward as the work is done and back when it is undone', () => {
    const base = newInterview('w', 'Work', '2026-01-01T00:00:00Z');
    const typed = withStatusFollowingWork({ ...base, segments: [said('s1', 0, 10)] });
    expect(typed.status).toBe('translating');
    const translated = withStatusFollowingWork({ ...typed, segments: [{ ...typed.segments[0]!, translation: 'Words', status: 'draft' }] });
    expect(translated.status).toBe('editing');
    expect(explainStatus(translated)).toEqual({ status: 'editing', kind: 'unreviewed', count: 1, first: 1 });
    // Undo the translation: back to translating. Undo the text: back to transcribing.
    expect(withStatusFollowingWork({ ...translated, segments: typed.segments }).status).toBe('translating');
    expect(withStatusFollowingWork({ ...translated, segments: [] }).status).toBe('transcribing');
    // A status set by hand stays, and says so.
    const byHand = { ...translated, status: 'ready' as const, statusSetByHand: true };
    expect(withStatusFollowingWork({ ...byHand, segments: [] }).status).toBe('ready');
    expect(explainStatus(byHand)).toEqual({ status: 'ready', kind: 'by-hand' });
  });

  it('names the first untranslated segment by its number', () => {
    const interview = withRecording([said('s1', 0, 100, '하나', 'One'), said('s2', 100, 200, '둘'), said('s3', 200, 300, '셋')], 300);
    expect(statusReason(interview, [{ start: 0, end: 300 }])).toEqual({ status: 'translating', kind: 'untranslated', count: 2, first: 2 });
  });
});

describe('judging the status again only when an edit could move it', () => {
  const before = withRecording([said('s1', 0, 100, '말', 'Words'), said('s2', 100, 200, '', ''), { ...said('s3', 200, 300, '기계', ''), machineText: '기계' }], 300);
  const editing = (index: number, change: Partial<Segment>) => ({ ...before, segments: before.segments.map((segment, at) => (at === index ? { ...segment, ...change } : segment)) });

  it('skips a letter typed into text (or a translation) that was already there', () => {
    expect(statusMayHaveChanged(before, editing(0, { source: '말했' }))).toBe(false);
    expect(statusMayHaveChanged(before, editing(0, { translation: 'Word' }))).toBe(false);
    expect(statusMayHaveChanged(before, { ...before })).toBe(false);
  });

  it('judges again when text appears or goes, a machine draft is first touched, a row is reviewed, moved, added or removed', () => {
    expect(statusMayHaveChanged(before, editing(1, { source: '새' }))).toBe(true);
    expect(statusMayHaveChanged(before, editing(0, { translation: '' }))).toBe(true);
    expect(statusMayHaveChanged(before, editing(2, { source: '기계가' }))).toBe(true);
    expect(statusMayHaveChanged(before, editing(0, { status: 'reviewed' }))).toBe(true);
    expect(statusMayHaveChanged(before, editing(0, { end: 90 }))).toBe(true);
    expect(statusMayHaveChanged(before, { ...before, segments: before.segments.slice(1) })).toBe(true);
    expect(statusMayHaveChanged(before, { ...before, article: { ...before.article } })).toBe(true);
  });
});
