import { describe, expect, it } from 'vitest';
import { newSegment, type Segment } from './interview';
import {
  addProposedSegments,
  cycleSpeaker,
  insertAtCursor,
  mergeWithNext,
  mergeWithPrevious,
  nudgeBoundary,
  segmentAt,
  setBoundary,
  splitSegment,
  startSegmentAt,
  tagText,
  transcriptCoverage,
} from './transcript-editing';
import { UndoHistory } from './undo-history';

let counter = 0;
const newId = () => `seg-n${++counter}`;
const seg = (id: string, start: number, end: number, source: string, extra: Partial<Segment> = {}) => newSegment({ id, start, end, source, ...extra });

describe('transcript editing', () => {
  it('Enter at the play-head closes the open segment there and starts the next', () => {
    let segments = startSegmentAt([], 0, 'spk-a', newId).segments;
    const first = segments[0]!;
    segments = segments.map((segment) => ({ ...segment, source: '안녕하세요.' }));
    const result = splitSegment(segments, first.id, 8.83, '안녕하세요.'.length, newId);
    expect(result.segments.map((s) => [s.start, s.end, s.source, s.speakerId])).toEqual([
      [0, 8.83, '안녕하세요.', 'spk-a'],
      [8.83, 8.83, '', 'spk-a'],
    ]);
    expect(result.created).toBe(result.segments[1]!.id);
  });

  it('splits a closed segment at the play-head and the cursor, or proportionally when the play-head is elsewhere', () => {
    const segments = [seg('seg-1', 10, 20, '하나 둘 셋 넷')];
    expect(splitSegment(segments, 'seg-1', 14, 5, newId).segments.map((s) => [s.start, s.end, s.source])).toEqual([
      [10, 14, '하나 둘'],
      [14, 20, '셋 넷'],
    ]);
    expect(splitSegment(segments, 'seg-1', 99, 4, newId).segments.map((s) => [s.start, s.end])).toEqual([
      [10, 15],
      [15, 20],
    ]);
  });

  it('merges with the next or previous segment, keeping translations and queries', () => {
    const segments = [
      seg('seg-1', 0, 5, '하나', { translation: 'one', status: 'reviewed' }),
      seg('seg-2', 5, 9, '둘', { translation: 'two', queries: [{ id: 'qry-1', text: '?', status: 'open', createdAt: '' }] }),
      seg('seg-3', 9, 12, '셋'),
    ];
    const merged = mergeWithNext(segments, 'seg-1');
    expect(merged.segments[0]).toMatchObject({ start: 0, end: 9, source: '하나 둘', translation: 'one two', status: 'draft' });
    expect(merged.segments[0]!.queries).toHaveLength(1);
    expect(merged.cursor).toBe(2);
    const back = mergeWithPrevious(segments, 'seg-3');
    expect(back.target).toBe('seg-2');
    expect(back.segments.map((s) => s.source)).toEqual(['하나', '둘 셋']);
    expect(mergeWithPrevious(segments, 'seg-1').segments).toHaveLength(3);
  });

  it('sets and nudges boundaries without crossing the other one or zero', () => {
    const segments = [seg('seg-1', 2, 5, 'a'), seg('seg-2', 5, 9, 'b')];
    expect(setBoundary(segments, 'seg-1', 'start', 4)[0]).toMatchObject({ start: 4, end: 5 });
    expect(setBoundary(segments, 'seg-1', 'start', 7)[0]).toMatchObject({ start: 5 });
    expect(setBoundary(segments, 'seg-1', 'end', 1)[0]).toMatchObject({ end: 2 });
    expect(nudgeBoundary(segments, 'seg-1', 'start', -0.1)[0]!.start).toBe(1.9);
    expect(nudgeBoundary(segments, 'seg-1', 'start', -9)[0]!.start).toBe(0);
  });

  it('cycles speakers through the list and back to none', () => {
    const speakers = [
      { id: 'spk-a', name: 'A', color: '#000000' },
      { id: 'spk-b', name: 'B', color: '#ffffff' },
    ];
    let segments = [seg('seg-1', 0, 1, 'x')];
    const order = [];
    for (let step = 0; step < 4; step += 1) {
      segments = cycleSpeaker(segments, 'seg-1', speakers);
      order.push(segments[0]!.speakerId);
    }
    expect(order).toEqual(['spk-a', 'spk-b', null, 'spk-a']);
  });

  it('inserts tags with the play-head time where the conventions ask for one', () => {
    expect(tagText('inaudible', 3725)).toBe('[inaudible 01:02:05]');
    expect(tagText('needsTranslation', 65)).toBe('[needs translation – 00:01:05]');
    expect(tagText('laughs', 1)).toBe('[laughs]');
    expect(insertAtCursor('그래서요', 3, '[pause]')).toEqual({ text: '그래서 [pause] 요', cursor: 12 });
    expect(insertAtCursor('', 0, '[crosstalk]')).toEqual({ text: '[crosstalk]', cursor: 11 });
  });

  it('finds the segment under the play-head and measures coverage', () => {
    const segments = [seg('seg-1', 0, 4, 'a'), seg('seg-2', 5, 8, ''), seg('seg-3', 7, 10, 'c')];
    expect(segmentAt(segments, 2)?.id).toBe('seg-1');
    expect(segmentAt(segments, 4.5)).toBeUndefined();
    expect(segmentAt(segments, 9)?.id).toBe('seg-3');
    expect(transcriptCoverage(segments, 20)).toBeCloseTo(0.35); // 4 s + 3 s of text
    expect(transcriptCoverage(segments, null)).toBe(0);
    // Out of time order (overlaps counted once all the same), and asked twice of the same list.
    const shuffled = [seg('seg-3', 7, 10, 'c'), seg('seg-1', 0, 4, 'a'), seg('seg-4', 2, 9, 'd')];
    expect(transcriptCoverage(shuffled, 20)).toBeCloseTo(0.5); // 0–10 s less 4–… : 0–4, 2–9, 7–10 → 0–10
    expect(transcriptCoverage(shuffled, 10)).toBe(1);
  });
});

describe('accepting a voice-activity proposal', () => {
  it('adds spans as empty segments only where the transcript is silent', () => {
    const existing = [seg('seg-1', 10, 20, 'typed already')];
    const result = addProposedSegments(existing, [{ start: 0.5, end: 8 }, { start: 12, end: 18 }, { start: 21, end: 25 }], null, newId);
    expect(result.added).toBe(2);
    expect(result.segments.map((s) => [s.start, s.end, s.source])).toEqual([
      [0.5, 8, ''],
      [10, 20, 'typed already'],
      [21, 25, ''],
    ]);
  });
});

describe('undo history', () => {
  it('undoes and redoes, merging a burst of typing in one place into one step', () => {
    const history = new UndoHistory<string>();
    history.record('', 'seg-1', 0);
    history.record('a', 'seg-1', 300);
    history.record('ab', 'seg-1', 600);
    history.record('abc', 'split', 700);
    expect(history.undo('abc + split')).toBe('abc');
    expect(history.undo('abc')).toBe('');
    expect(history.undo('')).toBeNull();
    expect(history.redo('')).toBe('abc');
    expect(history.redo('abc')).toBe('abc + split');
    history.record('x', 'seg-2', 5000);
    expect(history.canRedo).toBe(false);
  });

  it('never opens a step in the middle of a syllable being composed, however slowly it is typed', () => {
    const history = new UndoHistory<string>();
    history.record('장마당', 'seg-1', 0); // → '장마당 ' typed
    history.record('장마당 ', 'seg-1', 5_000, false); // ㅎ: the first stage of a new syllable, after a pause
    history.record('장마당 ㅎ', 'seg-1', 7_000, true); // 하, two seconds later
    history.record('장마당 하', 'seg-1', 9_000, true); // 한
    expect(history.undo('장마당 한')).toBe('장마당 ');
    expect(history.undo('장마당 ')).toBe('장마당');
  });
});

describe('row times', () => {
  it('read in tenths, milliseconds, or frames at the chosen rate', async () => {
    const { formatRowTime } = await import('./timecode');
    expect(formatRowTime(0.84, { unit: 'tenths', framesPerSecond: 25 })).toBe('00:00:00.8');
    expect(formatRowTime(3723.0417, { unit: 'milliseconds', framesPerSecond: 25 })).toBe('01:02:03.042');
    expect(formatRowTime(0.84, { unit: 'frames', framesPerSecond: 25 })).toBe('00:00:00:21');
    expect(formatRowTime(61.999, { unit: 'frames', framesPerSecond: 30 })).toBe('00:01:01:29');
    expect(formatRowTime(-1, { unit: 'milliseconds', framesPerSecond: 25 })).toBe('00:00:00.000');
  });
});

describe('one segment changed in a long list', () => {
  it('copies and replaces at the known index, and falls back to a search when the index is stale', async () => {
    const { withSegment } = await import('./transcript-editing');
    const { newSegment: make } = await import('./interview');
    const list = [make({ id: 'a', start: 0, end: 1 }), make({ id: 'b', start: 1, end: 2 }), make({ id: 'c', start: 2, end: 3 })];
    const typed = withSegment(list, 1, 'b', (segment) => ({ ...segment, source: '말' }));
    expect(typed.map((segment) => segment.source)).toEqual(['', '말', '']);
    expect(typed[0]).toBe(list[0]);
    expect(list[1]!.source).toBe('');
    // The index points elsewhere now (a row was added before it): the id still decides.
    expect(withSegment(list, 0, 'c', (segment) => ({ ...segment, source: '끝' })).map((segment) => segment.source)).toEqual(['', '', '끝']);
  });
});
