// The messages between the main side and a speech worker process. One worker serves one job:
// it loads the model once, then transcribes stretch after stretch until it is killed (or, to find
// speakers, turns segment after segment into voice vectors, with no model).
/** The rate a segment's samples are sent at for its voice (speaker-features.ts). */
export const VOICE_SAMPLE_RATE = 16_000;

export type WorkerRequest =
  | { type: 'load'; modelPath: string; threads: number }
  | { type: 'transcribe'; stretchId: number; pcm: Int16Array; language: string; prompt: string; temperatureInc: number | null }
  /** A segment's voice as numbers (speaker-features.ts), for finding who spoke when: needs no model. */
  | { type: 'voice'; stretchId: number; pcm: Float32Array }
  /**
   * The voices told apart (speaker-clusters.ts): following the speakers people gave (labels[i] for
   * vectors[i], or null), or clustered into `speakers` voices (null: as many as the recording shows).
   */
  | { type: 'speakers'; vectors: number[][]; labels: (string | null)[]; follow: boolean; speakers: number | null };

export type EngineSegment = { text: string; t0: number; t1: number };

export type WorkerReply =
  | { type: 'loaded' }
  | { type: 'progress'; stretchId: number; percent: number }
  | { type: 'transcribed'; stretchId: number; segments: EngineSegment[] }
  | { type: 'voice'; stretchId: number; vector: number[] | null }
  | { type: 'speakers'; outcome: SpeakersOutcome }
  | { type: 'failed'; message: string };

/** Who spoke which of the vectors: a cluster each (numbered by first appearance), or the speaker of the nearest labelled centre. */
export type SpeakersOutcome =
  | { kind: 'clusters'; count: number; guesses: { cluster: number; confidence: number }[] }
  | { kind: 'labels'; follows: ({ speakerId: string; confidence: number } | null)[] };
