// Machine drafts from a local Whisper model: what a model file is, which stretches of a
// recording a draft covers, and how the engine's raw segments become proposals. Pure logic,
// shared by the window, the main side and the command line.
import { z } from 'zod';
import type { GlossaryTerm, Segment } from './interview';

export const SpeechModelInfo = z.object({
  path: z.string(),
  fileName: z.string(),
  bytes: z.number(),
  /** tiny, base, small, medium, large, large-v3-turbo, distil or custom. */
  family: z.string(),
  vocabulary: z.number(),
  multilingual: z.boolean(),
  koreanCapable: z.boolean(),
  audioLayers: z.number(),
  textLayers: z.number(),
  mels: z.number(),
  quantization: z.string(),
});
export type SpeechModelInfo = z.infer<typeof SpeechModelInfo>;

export const SpeechSettings = z.object({
  /** Model files the user added, by path: the app never copies or fetches them. */
  models: z.array(z.string().max(4096)).max(50),
  /** The model drafts use unless the user picks another. */
  selectedModel: z.string().max(4096).nullable(),
  /** Put the interview's glossary in the decoder's prompt, so terms come out spelt the desk's way. */
  glossaryPrompt: z.boolean(),
  /**
   * Retry a stretch at higher temperatures when the decoder loops or stalls (whisper.cpp's
   * default). Slower, and better on real speech; off only for speed.
   */
  temperatureFallback: z.boolean(),
});
export type SpeechSettings = z.infer<typeof SpeechSettings>;
export const defaultSpeechSettings: SpeechSettings = { models: [], selectedModel: null, glossaryPrompt: true, temperatureFallback: true };

export type TimeSpan = { start: number; end: number };
/** A proposed segment: where, and what the model heard there. */
export const DraftProposal = z.object({ start: z.number(), end: z.number(), text: z.string() });
export type DraftProposal = z.infer<typeof DraftProposal>;

export const DraftScope = z.union([z.literal('all'), z.literal('uncovered'), z.object({ start: z.number().min(0), end: z.number().min(0) })]);
export type DraftScope = z.infer<typeof DraftScope>;

/** Gaps shorter than this between typed segments are pauses, not untranscribed speech. */
const MIN_UNCOVERED_SECONDS = 1;

/** Stretches of the recording that no segment covers yet (human work is never drafted over). */
export function uncoveredSpans(segments: readonly Pick<Segment, 'start' | 'end'>[], duration: number): TimeSpan[] {
  const sorted = [...segments].sort((a, b) => a.start - b.start);
  const spans: TimeSpan[] = [];
  let cursor = 0;
  for (const segment of sorted) {
    if (segment.start - cursor >= MIN_UNCOVERED_SECONDS) spans.push({ start: cursor, end: Math.min(segment.start, duration) });
    cursor = Math.max(cursor, segment.end, segment.start);
  }
  if (duration - cursor >= MIN_UNCOVERED_SECONDS) spans.push({ start: cursor, end: duration });
  return spans.filter((span) => span.end > span.start);
}

/** The stretches a draft with this scope works on. */
export function draftSpans(scope: DraftScope, segments: readonly Pick<Segment, 'start' | 'end'>[], duration: number): TimeSpan[] {
  if (scope === 'all') return [{ start: 0, end: duration }];
  if (scope === 'uncovered') return uncoveredSpans(segments, duration);
  const start = Math.max(0, Math.min(scope.start, duration));
  const end = Math.max(start, Math.min(scope.end, duration));
  return end > start ? [{ start, end }] : [];
}

/** The default scope: the whole recording when nothing is typed, otherwise only what is not. */
export function defaultDraftScope(segments: readonly Segment[]): 'all' | 'uncovered' {
  return segments.some((segment) => segment.source.trim() !== '') ? 'uncovered' : 'all';
}

/** The parts of `span` that fall inside `wanted` (sorted, non-overlapping). */
export function intersectSpans(span: TimeSpan, wanted: readonly TimeSpan[]): TimeSpan[] {
  return wanted
    .map((range) => ({ start: Math.max(span.start, range.start), end: Math.min(span.end, range.end) }))
    .filter((part) => part.end - part.start > 0.001);
}

/** Seconds of `wanted` that lie before `position`. */
export function secondsBefore(position: number, wanted: readonly TimeSpan[]): number {
  return wanted.reduce((sum, range) => sum + Math.max(0, Math.min(position, range.end) - range.start), 0);
}

/** Control characters and the replacement character never belong in a transcript. */
function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Turns the engine's segments for one stretch (milliseconds from the stretch's start) into
 * proposals on the recording's clock: empty text is dropped, zero-length pieces join their
 * neighbour, and nothing reaches outside the stretch.
 */
export function proposalsFromEngine(stretch: TimeSpan, engineSegments: readonly { text: string; t0: number; t1: number }[]): DraftProposal[] {
  const proposals: DraftProposal[] = [];
  const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
  for (const piece of engineSegments) {
    const text = cleanText(piece.text);
    if (!text) continue;
    const start = round(Math.min(stretch.end, Math.max(stretch.start, stretch.start + piece.t0 / 1000)));
    const end = round(Math.min(stretch.end, Math.max(start, stretch.start + piece.t1 / 1000)));
    const previous = proposals.at(-1);
    if (previous && (end - start < 0.2 || start < previous.end)) {
      previous.text = `${previous.text} ${text}`;
      previous.end = Math.max(previous.end, end);
      continue;
    }
    proposals.push({ start, end: Math.max(end, Math.min(stretch.end, start + 0.2)), text });
  }
  return proposals;
}

/** whisper.cpp reads about 224 prompt tokens; a few hundred characters of terms fit. */
const PROMPT_CHARACTERS = 400;

/**
 * The decoder's prompt from the glossary: the Korean terms (what is said) followed by the desk's
 * English spellings, so romanised terms come out the way the desk writes them.
 */
export function glossaryPrompt(terms: readonly Pick<GlossaryTerm, 'korean' | 'english'>[]): string {
  const words: string[] = [];
  let length = 0;
  for (const term of terms) {
    const entry = `${term.korean} (${term.english})`;
    if (length + entry.length + 2 > PROMPT_CHARACTERS) break;
    words.push(entry);
    length += entry.length + 2;
  }
  return words.join(', ');
}

/** Milliseconds left, from what is done so far; null until there is enough to say. */
export function estimateRemainingMs(elapsedMs: number, fraction: number): number | null {
  if (fraction < 0.02 || elapsedMs < 1000) return null;
  return Math.max(0, Math.round((elapsedMs / fraction) * (1 - fraction)));
}
