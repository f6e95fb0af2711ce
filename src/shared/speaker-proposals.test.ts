import { describe, expect, it } from 'vitest';
import { newInterview, newSegment, type Interview } from './interview';
import { canFollowLabels, labelledSegments, speakersForClusters, withSpeakerProposals } from './speaker-proposals';

function interview(): Interview {
  const made = newInterview('int-proposals', 'Speakers', '2026-01-01T00:00:00Z');
  made.segments = Array.from({ length: 6 }, (_, index) => newSegment({ id: `seg-${index}`, start: index * 5, end: index * 5 + 4, source: `원문 ${index}` }));
  return made;
}

const guesses = (clusters: number[], confidence = 0.8) => clusters.map((cluster, index) => ({ segmentId: `seg-${index}`, cluster, confidence }));

describe('speaker proposals', () => {
  it('names new speakers for clusters when the interview has none, in order of first appearance', () => {
    let next = 0;
    const found = speakersForClusters(interview(), guesses([0, 1, 0, 1, 0, 1]), 2, () => `spk-new-${++next}`);
    expect(found.newSpeakers.map((speaker) => [speaker.id, speaker.name])).toEqual([
      ['spk-new-1', 'Speaker 1'],
      ['spk-new-2', 'Speaker 2'],
    ]);
    expect(found.proposals.map((proposal) => proposal.speakerId)).toEqual(['spk-new-1', 'spk-new-2', 'spk-new-1', 'spk-new-2', 'spk-new-1', 'spk-new-2']);
  });

  it('gives a cluster the speaker most of its labelled segments carry, and the interview’s other speakers next', () => {
    const made = interview();
    made.speakers = [
      { id: 'spk-interviewer', name: 'Interviewer', color: '#2f5d8a' },
      { id: 'spk-narrator', name: 'Narrator', color: '#b5651d' },
    ];
    made.segments[1] = { ...made.segments[1]!, speakerId: 'spk-narrator' };
    const found = speakersForClusters(made, guesses([0, 1, 0, 1, 0, 1]), 2, () => 'never');
    expect(found.newSpeakers).toEqual([]);
    expect(found.proposals.map((proposal) => proposal.speakerId)).toEqual(['spk-interviewer', 'spk-narrator', 'spk-interviewer', 'spk-narrator', 'spk-interviewer', 'spk-narrator']);
  });

  it('applies all, the sure ones, or only the unassigned; adds only the new speakers it uses', () => {
    const made = interview();
    made.segments[0] = { ...made.segments[0]!, speakerId: 'spk-kept' };
    made.speakers = [{ id: 'spk-kept', name: 'Kept', color: '#2f5d8a' }];
    const found = {
      proposals: [
        { segmentId: 'seg-0', speakerId: 'spk-x', confidence: 0.9 },
        { segmentId: 'seg-1', speakerId: 'spk-x', confidence: 0.2 },
        { segmentId: 'seg-2', speakerId: 'spk-kept', confidence: 0.9 },
      ],
      newSpeakers: [
        { id: 'spk-x', name: 'Speaker 2', color: '#b5651d' },
        { id: 'spk-unused', name: 'Speaker 3', color: '#4b7f52' },
      ],
    };
    const sure = withSpeakerProposals(made, found, { minConfidence: 0.5, onlyUnassigned: true });
    expect(sure.applied).toBe(1);
    expect(sure.interview.segments.map((segment) => segment.speakerId).slice(0, 3)).toEqual(['spk-kept', null, 'spk-kept']);
    expect(sure.interview.speakers.map((speaker) => speaker.id)).toEqual(['spk-kept']);
    const all = withSpeakerProposals(made, found);
    expect(all.applied).toBe(3);
    expect(all.interview.speakers.map((speaker) => speaker.id)).toEqual(['spk-kept', 'spk-x']);
  });

  it('follows labels only with two segments each of two speakers', () => {
    const made = interview();
    made.speakers = [
      { id: 'spk-a', name: 'A', color: '#2f5d8a' },
      { id: 'spk-b', name: 'B', color: '#b5651d' },
    ];
    made.segments = made.segments.map((segment, index) => (index < 3 ? { ...segment, speakerId: index === 1 ? 'spk-b' : 'spk-a' } : segment));
    expect(canFollowLabels(labelledSegments(made))).toBe(false);
    made.segments[3] = { ...made.segments[3]!, speakerId: 'spk-b' };
    expect(canFollowLabels(labelledSegments(made))).toBe(true);
  });
});
