// A conversation built from known pieces for the speaker tests: turns spoken by espeak-ng in the
// voices asked for, with pauses between, each turn a segment whose true speaker is known.
import { join } from 'node:path';
import { newSegment, type Interview } from '../../../../shared/interview';
import { laidEndToEnd, spoken } from '../../media/test-support/spoken-recording';

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

export type Turns = { path: string; truth: Map<string, number>; durations: Map<string, number>; segments: Interview['segments'] };

/** Turns spoken in `voices` in turn (voice of turn i: `order(i)`), with pauses between. */
export async function conversation(folder: string, name: string, voices: string[], order: (turn: number) => number): Promise<Turns> {
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

