// Speakers found from the recording alone, on recordings built from known pieces: espeak-ng
// speaks each turn in one of two or three clearly different voices (its male and female
// variants), so who spoke when is known to the sample. Needs the built speech worker.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newInterview, newSegment, type Interview } from '../../../shared/interview';
import { withSpeakerProposals, type SpeakerProposals } from '../../../shared/speaker-proposals';
import { hasEspeak, laidEndToEnd, spoken } from '../media/test-support/spoken-recording';
import { runSpeakers } from '../../cli-speakers';
import { Library } from '../library';
import { findSpeakers } from './find-speakers';
import { builtWorkerEntry } from './test-support/speech-test-support';
import { forkWorker } from './worker-process';

const RATE = 16_000;
const SENTENCES = [
  'Where did you grow up, and what was it like?',
  'I grew up in a small town near the river, close to the border.',
  'What did your family do for a living in those years?',
  'My mother sold noodles at the market every single morning.',
  'Did you go to school every day when you were young?',
  'In spring and autumn we were sent to the farms for weeks.',
  'When did you first hear about the world outside?',
  'A friend showed me a foreign drama on a small memory card.',
  'How did that make you feel at the time?',
  'I was frightened, but I could not stop thinking about it.',
  'When did you decide to leave the country?',
  'It was a cold winter, after my father passed away.',
  'How long did the crossing take that night?',
  'Less than ten minutes, but they were the longest of my life.',
  'What do you do now, here in the city?',
  'I study nursing, and one day I want to help people from home.',
];

type Turns = { path: string; truth: Map<string, number>; durations: Map<string, number>; segments: Interview['segments'] };

/** Turns spoken in `voices` in turn (voice of turn i: `order(i)`), with pauses between. */
async function conversation(folder: string, name: string, voices: string[], order: (turn: number) => number): Promise<Turns> {
  const gap = new Float32Array(RATE * 0.4);
  const pieces: Float32Array[] = [gap];
  const speakers: number[] = [];
  for (const [turn, sentence] of SENTENCES.entries()) {
    const voice = order(turn);
    speakers.push(voice);
    pieces.push(await spoken(sentence, voices[voice]!, folder, RATE), gap);
  }
  const path = join(folder, `${name}.wav`);
  const { spans } = await laidEndToEnd(pieces, RATE, path);
  const segments = SENTENCES.map((sentence, turn) => newSegment({ id: `seg-${turn}`, start: spans[1 + turn * 2]!.start, end: spans[1 + turn * 2]!.end, source: sentence }));
  return {
    path,
    segments,
    truth: new Map(segments.map((segment, turn) => [segment.id, speakers[turn]!])),
    durations: new Map(segments.map((segment) => [segment.id, segment.end - segment.start])),
  };
}

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

  it('testimony speakers writes them into the interview (new speakers named), and only the unassigned when asked', async () => {
    const turns = await conversation(folder, 'cli', ['en+m3', 'en+f4'], (turn) => turn % 2);
    const dataDir = await mkdtemp(join(tmpdir(), 'speakers-cli-'));
    const library = await Library.open(dataDir);
    const made = { ...interviewOf(turns), recording: { fileName: 'recording.wav', mimeType: 'audio/wav', durationSeconds: turns.segments.at(-1)!.end + 0.4 } };
    made.segments = made.segments.map((segment, index) => (index === 0 ? { ...segment, speakerId: null } : segment));
    const id = (await library.addCopy(made, turns.path)).id;
    const output = { out: [] as string[], err: [] as string[] };
    const io = { out: (line: string) => output.out.push(line), err: (line: string) => output.err.push(line) };
    expect(await runSpeakers(['--data-dir', dataDir, '--interview', id], io, 'usage', builtWorkerEntry())).toBe(0);
    expect(output.out).toEqual(['16']);
    expect(output.err.at(-1)).toMatch(/^2 voices told apart; 16 of 16 segments given a speaker \(new: Speaker 1, Speaker 2\)/);
    const saved = await (await Library.open(dataDir)).get(id);
    expect(saved.speakers.map((speaker) => speaker.name)).toEqual(['Speaker 1', 'Speaker 2']);
    const right = saved.segments.filter((segment, index) => segment.speakerId === saved.speakers[index % 2]!.id).length;
    expect(right).toBeGreaterThanOrEqual(15);
    // Run again with --only-unassigned: nothing left to give.
    expect(await runSpeakers(['--data-dir', dataDir, '--interview', id, '--only-unassigned'], io, 'usage', builtWorkerEntry())).toBe(0);
    expect(output.out.at(-1)).toBe('0');
    expect(await runSpeakers(['--data-dir', dataDir, '--interview', id, '--speakers', 'two'], io, 'usage', builtWorkerEntry())).toBe(2);
  }, 120_000);
});
