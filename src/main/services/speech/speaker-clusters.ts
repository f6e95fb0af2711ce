// Who spoke when, from each segment's voice: a vector per segment (its MFCCs' means and spreads,
// speaker-features.ts; as they are — scaling every coefficient alike drowned the voice in the
// sentences' differences), then either clustered (k-means with
// k-means++ starts, ml-kmeans; the number of voices given, or estimated by the silhouette, with a
// single voice when no split is convincing) or, once a person has labelled some segments, each
// other segment given the speaker of the nearest labelled centroid. Every proposal carries a
// confidence: how much nearer its own centre is than the next one.
import { kmeans } from 'ml-kmeans';
import type { SpeakersOutcome } from './worker-protocol';

import type { SegmentVoice } from './speakers-job';
export type { SegmentVoice };
export type SpeakerGuess = { segmentId: string; cluster: number; confidence: number };

/**
 * A split into voices is believed only when segments sit clearly nearer their own centre: a mean
 * silhouette of 0.4. Measured on espeak-ng voices (16 turns each): two voices split at 0.54,
 * three at 0.51, while one voice's best split of its sentences reached 0.34.
 */
const LEAST_SILHOUETTE = 0.4;
/** A voice speaks at least this share of the segments (and two of them). */
const SMALLEST_VOICE_SHARE = 0.08;
const MOST_VOICES = 6;

const distance = (a: number[], b: number[]) => Math.sqrt(a.reduce((sum, value, index) => sum + (value - b[index]!) ** 2, 0));

/** Confidence of a point in its cluster: 1 − (distance to its centre ÷ distance to the next nearest). */
function confidences(points: number[][], labels: number[], centroids: number[][]): number[] {
  return points.map((point, index) => {
    if (centroids.length < 2) return 1;
    const own = distance(point, centroids[labels[index]!]!);
    const next = Math.min(...centroids.filter((_, cluster) => cluster !== labels[index]).map((centroid) => distance(point, centroid)));
    return next === 0 ? 0 : Math.max(0, Math.min(1, 1 - own / next));
  });
}

/** Mean silhouette of a clustering, on at most 1,500 points (it is quadratic). */
function silhouette(points: number[][], labels: number[], clusters: number): number {
  const step = Math.max(1, Math.floor(points.length / 1500));
  const sample = points.map((point, index) => ({ point, label: labels[index]! })).filter((_, index) => index % step === 0);
  let total = 0;
  for (const { point, label } of sample) {
    const sums = new Array<number>(clusters).fill(0);
    const counts = new Array<number>(clusters).fill(0);
    for (const other of sample) {
      sums[other.label]! += distance(point, other.point);
      counts[other.label]! += 1;
    }
    const own = counts[label]! > 1 ? sums[label]! / (counts[label]! - 1) : 0;
    const nearest = Math.min(...sums.map((sum, cluster) => (cluster === label || counts[cluster] === 0 ? Infinity : sum / counts[cluster]!)));
    total += Number.isFinite(nearest) ? (nearest - own) / Math.max(own, nearest) : 0;
  }
  return total / sample.length;
}

function clustering(points: number[][], clusters: number): { labels: number[]; centroids: number[][] } {
  if (clusters === 1) return { labels: points.map(() => 0), centroids: [points[0]!.map((_, d) => points.reduce((sum, point) => sum + point[d]!, 0) / points.length)] };
  const result = kmeans(points, clusters, { initialization: 'kmeans++', seed: 42, maxIterations: 100 });
  return { labels: result.clusters, centroids: result.centroids };
}

/**
 * Voices found among the segments: `speakers` when the interview says how many, otherwise the
 * count whose split is most convincing (one when none is). Clusters are numbered in order of
 * first appearance.
 */
export function findVoices(voices: SegmentVoice[], options: { speakers?: number } = {}): { guesses: SpeakerGuess[]; count: number } {
  if (voices.length === 0) return { guesses: [], count: 0 };
  const points = voices.map((voice) => voice.vector);
  let best = clustering(points, 1);
  let count = 1;
  if (options.speakers !== undefined) {
    count = Math.max(1, Math.min(options.speakers, points.length));
    best = clustering(points, count);
  } else {
    let bestScore = LEAST_SILHOUETTE;
    for (let clusters = 2; clusters <= Math.min(MOST_VOICES, points.length - 1); clusters += 1) {
      const candidate = clustering(points, clusters);
      // A voice is more than a stray segment or two: a split with a tiny cluster is content, not a speaker.
      const smallest = Math.min(...Array.from({ length: clusters }, (_, cluster) => candidate.labels.filter((label) => label === cluster).length));
      if (smallest < Math.max(2, SMALLEST_VOICE_SHARE * points.length)) continue;
      const score = silhouette(points, candidate.labels, clusters);
      if (score > bestScore) [best, bestScore, count] = [candidate, score, clusters];
    }
  }
  // Renumbered by first appearance: the interview's first voice is cluster 0.
  const order = new Map<number, number>();
  for (const label of best.labels) if (!order.has(label)) order.set(label, order.size);
  const labels = best.labels.map((label) => order.get(label)!);
  const centroids = [...order.keys()].map((label) => best.centroids[label]!);
  const confidence = confidences(points, labels, centroids);
  return { guesses: voices.map((voice, index) => ({ segmentId: voice.segmentId, cluster: labels[index]!, confidence: confidence[index]! })), count: order.size };
}

/**
 * What the transcriber taught: the speaker of each labelled segment's nearest labelled centroid
 * for every other segment (a speaker needs at least one labelled segment to be proposed).
 */
export function followLabels(voices: SegmentVoice[], labelled: ReadonlyMap<string, string>): { segmentId: string; speakerId: string; confidence: number }[] {
  const points = voices.map((voice) => voice.vector);
  const speakers = [...new Set(voices.flatMap((voice) => (labelled.has(voice.segmentId) ? [labelled.get(voice.segmentId)!] : [])))];
  if (speakers.length === 0) return [];
  const centroids = speakers.map((speaker) => {
    const members = points.filter((_, index) => labelled.get(voices[index]!.segmentId) === speaker);
    return members[0]!.map((_, d) => members.reduce((sum, point) => sum + point[d]!, 0) / members.length);
  });
  return voices.flatMap((voice, index) => {
    if (labelled.has(voice.segmentId)) return [];
    const distances = centroids.map((centroid) => distance(points[index]!, centroid));
    const nearest = distances.indexOf(Math.min(...distances));
    const next = Math.min(...distances.filter((_, other) => other !== nearest));
    const confidence = speakers.length < 2 ? 1 : next === 0 ? 0 : Math.max(0, Math.min(1, 1 - distances[nearest]! / next));
    return [{ segmentId: voice.segmentId, speakerId: speakers[nearest]!, confidence }];
  });
}

/** The worker's answer to a 'speakers' request: follow the labels (the caller decided there are enough), or cluster. */
export function tellSpeakers(vectors: number[][], labels: (string | null)[], follow: boolean, speakers: number | null): SpeakersOutcome {
  const voices = vectors.map((vector, index) => ({ segmentId: String(index), vector }));
  if (follow) {
    const labelled = new Map(labels.flatMap((label, index) => (label ? [[String(index), label] as const] : [])));
    const follows: SpeakersOutcome & { kind: 'labels' } = { kind: 'labels', follows: labels.map(() => null) };
    for (const follow of followLabels(voices, labelled)) follows.follows[Number(follow.segmentId)] = { speakerId: follow.speakerId, confidence: follow.confidence };
    return follows;
  }
  const { guesses, count } = findVoices(voices, speakers === null ? {} : { speakers });
  return { kind: 'clusters', count, guesses: guesses.map(({ cluster, confidence }) => ({ cluster, confidence })) };
}
