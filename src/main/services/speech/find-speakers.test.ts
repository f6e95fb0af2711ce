// Speakers found from the recording alone, on recordings built from known pieces: espeak-ng
// speaks each turn in one of two or three clearly different voices (its male and female
// variants), so who spoke when is known to the sample. Needs the built speech worker.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newInterview, type Interview } from '../../../shared/interview';
import { withSpeakerProposals, type SpeakerProposals } from '../../../shared/speaker-proposals';
import { hasEspeak } from '../media/test-support/spoken-recording';
import { conversation, type Turns } from './test-support/conversation';
import { findSpeakers } from './find-speakers';
import { builtWorkerEntry } from './test-support/speech-test-support';
import { forkWorker } from './worker-process';

/** Share of speech time attributed to the right speaker, after the best mapping of proposed speakers to true ones. */
function accuracy(found: SpeakerProposals, turns: Turns): number {
  const proposed = [...new Set(found.proposals.map((proposal) => proposal.speakerId))];
  const truths = [...new Set(turns.truth.values())];
  const total = [...turns.durations.values()].reduce((sum, seconds) => sum + seconds, 0);
  let best = 0;
  const assign = (index: number, used: Set<number>, mapping: Map<string, number>) => {
    if (index === proposed.length) {
      const right = found.proposals.reduce((sum, proposal) => sum + (mapping.get(proposal.speakerId) === turns.truth.get(proposal.segmentId) ? turns.durations.get(proposal.segmentId)! : 0), 0);
      best = Math.max(best, right / total);
      return;
    }
    for (const truth of truths) {
      if (used.has(truth)) continue;
      assign(index + 1, new Set([...used, truth]), new Map([...mapping, [proposed[index]!, truth]]));
    }
    assign(index + 1, used, mapping); // a proposed speaker matching nobody
  };
  assign(0, new Set(), new Map());
  return best;
}

const interviewOf = (turns: Turns): Interview => ({ ...newInterview('int-speakers', 'Speakers', '2026-01-01T00:00:00Z'), segments: turns.segments });
let next = 0;
const job = (turns: Turns) => ({ input: turns.path, spawnWorker: forkWorker, workerEntry: builtWorkerEntry(), newId: () => `spk-found-${++next}` });

describe.skipIf(!hasEspeak)('speakers found from the recording (espeak-ng voices)', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'speakers-'));
  });

  it('tells two voices apart: ≥ 95 % of speech time to the right speaker, the number of voices estimated', async () => {
    const turns = await conversation(folder, 'two', ['en+m3', 'en+f4'], (turn) => turn % 2);
    const found = await findSpeakers(interviewOf(turns), job(turns));
    expect(found.method).toBe('clusters');
    expect(found.voices).toBe(2);
    expect(found.newSpeakers.map((speaker) => speaker.name)).toEqual(['Speaker 1', 'Speaker 2']);
    expect(accuracy(found, turns)).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it('tells three voices apart: ≥ 90 %', async () => {
    const turns = await conversation(folder, 'three', ['en+m3', 'en+f4', 'en-us+m7'], (turn) => (turn % 2 === 0 ? 0 : turn % 4 === 1 ? 1 : 2));
    const found = await findSpeakers(interviewOf(turns), job(turns));
    expect(found.voices).toBe(3);
    expect(accuracy(found, turns)).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('proposes one speaker for a recording with one voice', async () => {
    const turns = await conversation(folder, 'one', ['en+m3'], () => 0);
    const found = await findSpeakers(interviewOf(turns), job(turns));
    expect(found.voices).toBe(1);
    expect(new Set(found.proposals.map((proposal) => proposal.speakerId)).size).toBe(1);
  }, 120_000);

  it('learns from the transcriber: two labelled segments each, and the rest follow their nearest voice', async () => {
    const turns = await conversation(folder, 'labelled', ['en+m3', 'en+f4'], (turn) => turn % 2);
    const interview = interviewOf(turns);
    interview.speakers = [
      { id: 'spk-interviewer', name: 'Interviewer', color: '#2f5d8a' },
      { id: 'spk-narrator', name: 'Narrator', color: '#b5651d' },
    ];
    interview.segments = interview.segments.map((segment, index) => (index < 4 ? { ...segment, speakerId: index % 2 === 0 ? 'spk-interviewer' : 'spk-narrator' } : segment));
    const found = await findSpeakers(interview, job(turns));
    expect(found.method).toBe('labels');
    expect(found.newSpeakers).toEqual([]);
    const applied = withSpeakerProposals(interview, found, { onlyUnassigned: true });
    expect(applied.applied).toBe(12);
    const right = applied.interview.segments.filter((segment, index) => segment.speakerId === (index % 2 === 0 ? 'spk-interviewer' : 'spk-narrator')).length;
    expect(right / 16).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
