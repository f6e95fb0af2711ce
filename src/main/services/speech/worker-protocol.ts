// The messages between the main side and a speech worker process. One worker serves one job:
// it loads the model once, then transcribes stretch after stretch until it is killed (or, to find
// speakers, turns segment after segment into voice vectors, with no model).
export type WorkerRequest =
  | { type: 'load'; modelPath: string; threads: number }
  | { type: 'transcribe'; stretchId: number; pcm: Int16Array; language: string; prompt: string; temperatureInc: number | null }
  /** A segment's voice as numbers (speaker-features.ts), for finding who spoke when: needs no model. */
  | { type: 'voice'; stretchId: number; pcm: Float32Array };

export type EngineSegment = { text: string; t0: number; t1: number };

export type WorkerReply =
  | { type: 'loaded' }
  | { type: 'progress'; stretchId: number; percent: number }
  | { type: 'transcribed'; stretchId: number; segments: EngineSegment[] }
  | { type: 'voice'; stretchId: number; vector: number[] | null }
  | { type: 'failed'; message: string };
