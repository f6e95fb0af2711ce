import { describe, expect, it } from 'vitest';
import { judgeConsent, localDay, mergedHistory, parseSegmentNumbers, segmentNumbersText, withConsentHistory, withNarratorAnswer } from './consent';
import { emptyConsent, newInterview, newSegment, type Interview } from './interview';
import { mergeInterviews } from './merge';

function interview(): Interview {
  const made = newInterview('int-consent', '인터뷰', '2026-01-01T00:00:00Z');
  made.segments = Array.from({ length: 12 }, (_, index) => newSegment({ id: `seg-${index}`, start: index * 10, end: index * 10 + 9, source: `원문 ${index}` }));
  return made;
}

describe('segment numbers as the window shows them', () => {
  it('reads single numbers and ranges, 1-based, and writes them back shortened', () => {
    expect(parseSegmentNumbers('3, 7-9', 12)).toEqual([2, 6, 7, 8]);
    expect(parseSegmentNumbers('7–9 12', 12)).toEqual([6, 7, 8, 11]);
    expect(segmentNumbersText([2, 6, 7, 8, 11])).toBe('3, 7–9, 12');
  });

  it('refuses what is no number, a range backwards and a segment past the end, in words', () => {
    expect(() => parseSegmentNumbers('three', 12)).toThrow(/not a segment number/);
    expect(() => parseSegmentNumbers('9-7', 12)).toThrow(/lower to a higher/);
    expect(() => parseSegmentNumbers('13', 12)).toThrow(/There is no segment 13: the interview has 12/);
  });
});

describe('the consent record’s history', () => {
  it('notes each changed field with who and when, and a person’s typing in one field as one change', () => {
    const at = new Date('2026-12-05T10:00:00Z');
    let consent = emptyConsent();
    consent = withConsentHistory(consent, { ...consent, conditions: { ...consent.conditions, embargoUntil: '2027-01-10' } }, 'Mina', at);
    for (const [minute, name] of [[1, 'K'], [2, 'Ki'], [3, 'Kim']] as const) {
      consent = withConsentHistory(consent, { ...consent, given: { ...consent.given, takenBy: name } }, 'Mina', new Date(at.getTime() + minute * 60_000));
    }
    expect(consent.history.map((change) => [change.by, change.what])).toEqual([
      ['Mina', 'Embargo until: 2027-01-10'],
      ['Mina', 'Taken by: Kim'],
    ]);
    // Unchanged: nothing added, the same record back.
    expect(withConsentHistory(consent, consent, 'Mina', at)).toBe(consent);
  });

  it('merges both sides’ histories by value in a hand-off, each change once, fields merged one by one', () => {
    const base = interview();
    const ours = structuredClone(base);
    const theirs = structuredClone(base);
    ours.consent = withConsentHistory(ours.consent, { ...ours.consent, conditions: { ...ours.consent.conditions, embargoUntil: '2027-02-01' } }, 'editor', new Date('2026-12-05T10:00:00Z'));
    theirs.consent = withConsentHistory(theirs.consent, { ...theirs.consent, given: { date: '2026-11-30', how: 'written', takenBy: 'Kim' } }, 'interviewer', new Date('2026-12-04T09:00:00Z'));
    theirs.segments[4] = { ...theirs.segments[4]!, narratorAnswer: 'withdraw' };
    const { merged, conflicts } = mergeInterviews(base, ours, theirs, { theirAuthor: 'interviewer', newId: () => 'cfl-1' });
    expect(conflicts).toEqual([]);
    expect(merged.consent.conditions.embargoUntil).toBe('2027-02-01');
    expect(merged.consent.given).toEqual({ date: '2026-11-30', how: 'written', takenBy: 'Kim' });
    expect(merged.consent.history.map((change) => change.by)).toEqual(['interviewer', 'interviewer', 'interviewer', 'editor']);
    expect(merged.segments[4]!.narratorAnswer).toBe('withdraw');
    expect(mergedHistory(merged.consent.history, merged.consent.history)).toEqual(merged.consent.history);
  });

  it('a withdrawal both sides changed differently is a conflict, not a silent choice', () => {
    const base = interview();
    const ours = structuredClone(base);
    const theirs = structuredClone(base);
    ours.consent.withdrawal = { whole: true, from: '' };
    theirs.consent.withdrawal = { whole: true, from: '2027-03-01' };
    const { conflicts } = mergeInterviews(base, ours, theirs, { theirAuthor: 'interviewer', newId: () => 'cfl-1' });
    expect(conflicts.map((conflict) => conflict.field)).toEqual(['consent.withdrawal']);
  });
});

describe('the narrator’s answers', () => {
  it('withdraws passages, turns a change into an open query on its passage, and marks the review back today', () => {
    const at = new Date(2026, 11, 5, 15, 0);
    let answered = withNarratorAnswer(interview(), [2, 6, 7], { answer: 'withdraw' }, 'Mina', at);
    answered = withNarratorAnswer(answered, [3], { answer: 'change', comment: '시장 이름을 빼 주세요' }, 'Mina', at);
    expect(answered.segments.map((segment) => segment.narratorAnswer)).toEqual(['', '', 'withdraw', 'change', '', '', 'withdraw', 'withdraw', '', '', '', '']);
    expect(answered.segments[3]!.queries).toEqual([expect.objectContaining({ status: 'open', text: 'The narrator asks for a change: 시장 이름을 빼 주세요' })]);
    expect(answered.consent.review.returnedOn).toBe(localDay(at));
    expect(answered.consent.history.map((change) => change.what)).toEqual(['Narrator’s review, segments 3, 7–8: withdrawn', 'Narrator’s review, segment 4: change requested (“시장 이름을 빼 주세요”)']);
  });
});

describe('judging one file', () => {
  it('lets an embargo end at the start of its day, in the desk’s own time zone', () => {
    const consent = { ...emptyConsent(), publication: true, conditions: { afterReview: false, embargoUntil: '2027-01-10', notIn: '' } };
    expect(judgeConsent(consent, 'article', '2027-01-09', { draft: false }).refusal).toMatch(/embargo until 2027-01-10/);
    expect(judgeConsent(consent, 'article', '2027-01-10', { draft: false }).refusal).toBeNull();
    expect(localDay(new Date(2027, 0, 10, 0, 30))).toBe('2027-01-10');
  });

  it('never publishes the recording without consent to the audio, draft or not; a first-wave "publication" tick does not cover it', () => {
    expect(judgeConsent(emptyConsent(), 'recording', '2027-01-01', { draft: true }).refusal).toMatch(/No consent is recorded/);
    expect(judgeConsent({ ...emptyConsent(), publication: true }, 'recording', '2027-01-01', { draft: false }).refusal).toMatch(/does not cover the audio/);
    expect(judgeConsent({ ...emptyConsent(), publication: true }, 'article', '2027-01-01', { draft: false })).toEqual({ refusal: null, warnings: [] });
  });
});
