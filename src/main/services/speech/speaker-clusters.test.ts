// The clustering and the learning from labelled segments on made-up voice vectors: groups at
// known places with a little noise, so the right answer is known.
import { describe, expect, it } from 'vitest';
import { findVoices, followLabels, tellSpeakers, type SegmentVoice } from './speaker-clusters';

/** A seeded stream of numbers in [0, 1): the same vectors on every run. */
function seeded(seed: number) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** `count` vectors around each centre (24 numbers, as a voice has), noise of ±`noise`, interleaved by turn. */
function voicesAround(centres: number[][], count: number, noise: number, seed = 7): { voices: SegmentVoice[]; truth: number[] } {
  const random = seeded(seed);
  const voices: SegmentVoice[] = [];
  const truth: number[] = [];
  for (let turn = 0; turn < count; turn += 1) {
    const speaker = turn % centres.length;
    voices.push({ segmentId: `seg-${turn}`, vector: centres[speaker]!.map((value) => value + (random() * 2 - 1) * noise) });
    truth.push(speaker);
  }
  return { voices, truth };
}

const centre = (base: number) => Array.from({ length: 24 }, (_, index) => base + Math.sin(index + base) * 3);

describe('telling voices apart', () => {
  it('finds two voices when they are apart, numbered by first appearance, sure of each', () => {
    const { voices, truth } = voicesAround([centre(0), centre(6)], 40, 1);
    const { guesses, count } = findVoices(voices);
    expect(count).toBe(2);
    expect(guesses.map((guess) => guess.cluster)).toEqual(truth);
    expect(Math.min(...guesses.map((guess) => guess.confidence))).toBeGreaterThan(0.5);
  });

  it('finds three, and keeps one voice whole however its segments vary', () => {
    expect(findVoices(voicesAround([centre(0), centre(6), centre(-6)], 60, 1).voices).count).toBe(3);
    const one = findVoices(voicesAround([centre(0)], 40, 3).voices);
    expect(one.count).toBe(1);
    expect(new Set(one.guesses.map((guess) => guess.cluster))).toEqual(new Set([0]));
  });

  it('splits into as many voices as it is told, and a stray segment or two is no voice of its own', () => {
    const { voices } = voicesAround([centre(0), centre(6)], 40, 1);
    expect(findVoices(voices, { speakers: 2 }).count).toBe(2);
    const stray = [...voicesAround([centre(0)], 40, 1).voices, { segmentId: 'odd', vector: centre(30) }];
    expect(findVoices(stray).count).toBe(1);
  });

  it('follows labels: each other segment takes the nearest labelled speaker, less sure between them', () => {
    const { voices, truth } = voicesAround([centre(0), centre(6)], 20, 1);
    const labelled = new Map([
      ['seg-0', 'spk-a'],
      ['seg-2', 'spk-a'],
      ['seg-1', 'spk-b'],
      ['seg-3', 'spk-b'],
    ]);
    const follows = followLabels(voices, labelled);
    expect(follows).toHaveLength(16);
    for (const follow of follows) expect(follow.speakerId).toBe(truth[Number(follow.segmentId.slice(4))] === 0 ? 'spk-a' : 'spk-b');
    const between = followLabels([...voices, { segmentId: 'middle', vector: centre(0).map((value, index) => (value + centre(6)[index]!) / 2) }], labelled).find((follow) => follow.segmentId === 'middle')!;
    expect(between.confidence).toBeLessThan(0.2);
  });

  it('the worker follows labels when told to, and clusters otherwise', () => {
    const { voices } = voicesAround([centre(0), centre(6)], 12, 1);
    const vectors = voices.map((voice) => voice.vector);
    const clustered = tellSpeakers(vectors, ['spk-a', 'spk-b', 'spk-a', 'spk-b', ...Array<null>(8).fill(null)], false, null);
    expect(clustered.kind).toBe('clusters');
    const enough = tellSpeakers(vectors, ['spk-a', 'spk-b', 'spk-a', 'spk-b', ...Array<null>(8).fill(null)], true, null);
    expect(enough.kind).toBe('labels');
    if (enough.kind === 'labels') expect(enough.follows.slice(4).map((follow) => follow?.speakerId)).toEqual(['spk-a', 'spk-b', 'spk-a', 'spk-b', 'spk-a', 'spk-b', 'spk-a', 'spk-b']);
  });
});
