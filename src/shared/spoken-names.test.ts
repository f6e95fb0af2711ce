import { describe, expect, it } from 'vitest';
import { newInterview, newSegment, type Interview } from './interview';
import { redactionTerms } from './redaction';
import { nameOccurrences, proposedStretch, silencedStretches, undecidedNames, withDecision, withMarkedStretch } from './spoken-names';

function interview(): Interview {
  const made = newInterview('int-spoken', '인터뷰', '2026-01-01T00:00:00Z');
  made.narrator.realName = '박영희';
  made.redactions = [{ id: 'red-1', kind: 'place', korean: ['회령'], english: [], rejected: [], replacementKo: '[도시]', replacementEn: 'a border city', reason: '' }];
  made.segments = [
    newSegment({ id: 'seg-1', start: 0, end: 10, source: '저는 회령에서 태어났어요. 박영희라고 해요.' }),
    newSegment({ id: 'seg-2', start: 10, end: 14, source: '그때 Hoeryong 시장에 갔어요, 회령 시장이요.' }),
    newSegment({ id: 'seg-3', start: 20, end: 24, source: '회령은 추웠어요.', narratorAnswer: 'withdraw' }),
  ];
  return made;
}

describe('spoken names', () => {
  it('finds every occurrence of every listed name (the real name too, every spelling), each keyed by its words and count', () => {
    const found = nameOccurrences(interview(), redactionTerms(interview()));
    expect(found.map((occurrence) => [occurrence.segmentNumber, occurrence.written])).toEqual([
      [1, '회령'],
      [1, '박영희'],
      [2, 'Hoeryong'],
      [2, '회령'],
    ]);
    // A withdrawn passage is silenced whole: its names need no decision.
    expect(found.every((occurrence) => occurrence.segmentId !== 'seg-3')).toBe(true);
    expect(new Set(found.map((occurrence) => occurrence.key)).size).toBe(4);
  });

  it('proposes a stretch by the name’s share of the spoken letters, widened, inside its segment', () => {
    const segment = { start: 10, end: 20, source: 'aaaa bbbb cc' }; // 10 letters over 10 s
    expect(proposedStretch(segment, 5, 9)).toEqual({ start: 13.65, end: 18.35 });
    expect(proposedStretch(segment, 0, 4)).toEqual({ start: 10, end: 14.35 });
    // A short name in a long segment: its share (0.2 s) and the margin on both sides.
    const long = { start: 0, end: 100, source: `${'x'.repeat(499)} 회령 ${'x'.repeat(499)}` };
    const stretch = proposedStretch(long, 500, 502);
    expect(stretch.end - stretch.start).toBeCloseTo(0.9, 1);
    expect(stretch.start).toBeCloseTo(49.55, 1);
  });

  it('keeps a decision through edits elsewhere in the segment, and refuses until every occurrence is decided', () => {
    let made = interview();
    const found = nameOccurrences(made, redactionTerms(made));
    expect(undecidedNames(found)).toMatch(/^4 spoken names are not yet confirmed or waived \(segments 1, 2\)/);
    let next = 0;
    for (const occurrence of found) made = withDecision(made, occurrence, { state: 'confirmed', ...occurrence.proposed }, () => `spn-${++next}`);
    made = { ...made, segments: made.segments.map((segment) => (segment.id === 'seg-1' ? { ...segment, source: `음, ${segment.source}` } : segment)) };
    expect(undecidedNames(nameOccurrences(made, redactionTerms(made)))).toBeNull();
  });

  it('silences confirmed and marked stretches and withdrawn passages, merged in time order; waived ones stay', () => {
    let made = interview();
    const [first, second] = nameOccurrences(made, redactionTerms(made));
    made = withDecision(made, first!, { state: 'confirmed', start: 2, end: 3 }, () => 'spn-1');
    made = withDecision(made, second!, { state: 'waived', start: 6, end: 7 }, () => 'spn-2');
    made = withMarkedStretch(made, 2.5, 4, () => 'spn-3');
    expect(silencedStretches(made)).toEqual([
      { start: 2, end: 4 },
      { start: 20, end: 24 },
    ]);
  });
});
