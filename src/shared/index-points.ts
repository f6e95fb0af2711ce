// Where an oral-history index (OHMS) has its points: at the interviewer's real questions — not at
// "Yes." or "I see." — unless the editor chose otherwise for a segment (Edit & Export).
import { narratorSpeakerId } from './article-editing';
import type { Interview, Segment } from './interview';

/**
 * A turn that asks something: it ends with a question mark, or in Korean with a question's ending
 * (…까, …나요, …니), or is long enough to be a question put as a statement ("Tell me about the
 * crossing."). One- or two-word acknowledgements ("네.", "I see.") are no question.
 */
export function isRealQuestion(text: string): boolean {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).filter(Boolean).length;
  if (/[?？]\s*["”’)]*$/u.test(trimmed) || /(까|나요|니|가요|죠|지요)[.!]?$/u.test(trimmed)) return words >= 1;
  return words >= 6;
}

/** The segments that may start an index point: every one with text that the narrator does not speak. */
export function indexCandidates(interview: Interview): Segment[] {
  const narrator = narratorSpeakerId(interview);
  if (narrator === null) return [];
  return interview.segments.filter((segment) => segment.speakerId !== narrator && (segment.source.trim() || segment.translation.trim()));
}

/** Whether a candidate segment is an index point: the editor's choice, else whether it asks a real question. */
export const isIndexPoint = (segment: Segment): boolean =>
  segment.indexPoint === 'yes' || (segment.indexPoint === 'auto' && (isRealQuestion(segment.source) || isRealQuestion(segment.translation)));
