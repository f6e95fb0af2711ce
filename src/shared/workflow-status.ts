// The status an interview has by its work, so the library never says "Transcribing" about a
// finished translation, nor "Translating" about a machine draft nobody has read:
// transcribing → translating once every stretch of speech has text a person wrote (or checked)
// → editing once every segment with text is translated → ready once every one is reviewed and
// the article has a body. It follows the work both ways (undo the work, the status goes back);
// a status set by hand stays.
import { eachChanged } from './followed';
import type { Interview, Segment, WorkflowStatus } from './interview';

export type SpeechStretch = { start: number; end: number };

/** Shorter stretches are coughs, "음", a chair: nobody transcribes them. */
export const SHORTEST_SPEECH_SECONDS = 1;
/** Without voice detection, this much recording in one piece without text is taken for missed speech. */
export const LONGEST_GAP_SECONDS = 10;

/** Why the status is what it is, for the badge's hover; `first` is a time (s) or a segment number. */
export type StatusReason =
  | { status: WorkflowStatus; kind: 'by-hand' }
  | { status: 'transcribing'; kind: 'no-text' }
  | { status: 'transcribing'; kind: 'speech-without-text' | 'gaps-without-text'; count: number; first: number }
  | { status: 'translating'; kind: 'untranslated'; count: number; first: number }
  | { status: 'editing'; kind: 'unreviewed'; count: number; first: number }
  | { status: 'editing'; kind: 'no-body' }
  | { status: 'ready'; kind: 'done' };

/** Text a person wrote or touched: a speech model's draft left as it came does not count. */
export const hasPersonsText = (segment: Segment) => segment.source.trim() !== '' && segment.source !== segment.machineText;

/** Seconds of [start, end) under segments with a person's text; segments sorted by start. */
function secondsWithText(segments: readonly Segment[], from: number, start: number, end: number): { seconds: number; next: number } {
  let seconds = 0;
  let reach = start;
  let index = from;
  // Segments ending before this stretch are behind us for every later stretch too.
  while (index < segments.length && Math.max(segments[index]!.end, segments[index]!.start) <= start) index += 1;
  for (let at = index; at < segments.length && segments[at]!.start < end; at += 1) {
    const segment = segments[at]!;
    if (!hasPersonsText(segment)) continue;
    const overlapStart = Math.max(segment.start, reach);
    const overlapEnd = Math.min(segment.end, end);
    if (overlapEnd > overlapStart) seconds += overlapEnd - overlapStart;
    reach = Math.max(reach, overlapEnd);
  }
  return { seconds, next: index };
}

const inTimeOrder = (segments: readonly Segment[]) => (segments.every((segment, index) => index === 0 || segments[index - 1]!.start <= segment.start) ? segments : [...segments].sort((a, b) => a.start - b.start));

/** Stretches of speech (voice detection) less than half of which has a person's text. */
export function speechWithoutText(segments: readonly Segment[], speech: readonly SpeechStretch[]): SpeechStretch[] {
  const sorted = inTimeOrder(segments);
  const missing: SpeechStretch[] = [];
  let from = 0;
  for (const stretch of speech) {
    if (stretch.end - stretch.start < SHORTEST_SPEECH_SECONDS) continue;
    const found = secondsWithText(sorted, from, stretch.start, stretch.end);
    from = found.next;
    if (found.seconds < (stretch.end - stretch.start) / 2) missing.push(stretch);
  }
  return missing;
}

/** Without voice detection: stretches of the recording longer than LONGEST_GAP_SECONDS with no text. */
export function gapsWithoutText(segments: readonly Segment[], durationSeconds: number): SpeechStretch[] {
  const gaps: SpeechStretch[] = [];
  let reach = 0;
  for (const segment of inTimeOrder(segments)) {
    if (!hasPersonsText(segment) || segment.end <= segment.start) continue;
    if (segment.start - reach > LONGEST_GAP_SECONDS) gaps.push({ start: reach, end: segment.start });
    reach = Math.max(reach, segment.end);
  }
  if (durationSeconds - reach > LONGEST_GAP_SECONDS) gaps.push({ start: reach, end: durationSeconds });
  return gaps;
}

/**
 * The status the work gives, and why. `speech`: the recording's stretches of speech from voice
 * detection, or null while they are not known (then long gaps without text stand in for them).
 */
export function statusReason(interview: Interview, speech: readonly SpeechStretch[] | null = null): StatusReason {
  // One pass over the segments for the counts: this runs on every edit.
  let withPersonsText = 0;
  let untranslated = 0;
  let firstUntranslated = 0;
  let unreviewed = 0;
  let firstUnreviewed = 0;
  interview.segments.forEach((segment, index) => {
    if (segment.source.trim() === '') return;
    if (hasPersonsText(segment)) withPersonsText += 1;
    if (segment.translation.trim() === '' && untranslated++ === 0) firstUntranslated = index + 1;
    if (segment.status !== 'reviewed' && unreviewed++ === 0) firstUnreviewed = index + 1;
  });
  if (withPersonsText === 0) return { status: 'transcribing', kind: 'no-text' };
  const duration = interview.recording?.durationSeconds;
  if (duration) {
    const missing = speech ? speechWithoutText(interview.segments, speech) : gapsWithoutText(interview.segments, duration);
    if (missing.length > 0) return { status: 'transcribing', kind: speech ? 'speech-without-text' : 'gaps-without-text', count: missing.length, first: missing[0]!.start };
  } else if (interview.segments.some((segment) => segment.source.trim() !== '' && !hasPersonsText(segment))) {
    return { status: 'transcribing', kind: 'no-text' };
  }
  if (untranslated > 0) return { status: 'translating', kind: 'untranslated', count: untranslated, first: firstUntranslated };
  if (unreviewed > 0) return { status: 'editing', kind: 'unreviewed', count: unreviewed, first: firstUnreviewed };
  const bodyWritten = interview.article.blocks.some((block) => block.kind === 'paragraph' && block.text.trim() !== '');
  return bodyWritten ? { status: 'ready', kind: 'done' } : { status: 'editing', kind: 'no-body' };
}

export function statusByWork(interview: Interview, speech: readonly SpeechStretch[] | null = null): WorkflowStatus {
  return statusReason(interview, speech).status;
}

/** Why the interview has the status it has: set by hand, or the work's reason. */
export function explainStatus(interview: Interview, speech: readonly SpeechStretch[] | null = null): StatusReason {
  return interview.statusSetByHand ? { status: interview.status, kind: 'by-hand' } : statusReason(interview, speech);
}

/** The interview with its status following the work (forward and back), unless it was set by hand. */
export function withStatusFollowingWork(interview: Interview, speech: readonly SpeechStretch[] | null = null): Interview {
  if (interview.statusSetByHand) return interview;
  const byWork = statusByWork(interview, speech);
  return byWork === interview.status ? interview : { ...interview, status: byWork };
}

/** What of a segment the status is judged by. */
const sameFacts = (a: Segment, b: Segment) =>
  a.start === b.start &&
  a.end === b.end &&
  a.status === b.status &&
  (a.source.trim() === '') === (b.source.trim() === '') &&
  hasPersonsText(a) === hasPersonsText(b) &&
  (a.translation.trim() === '') === (b.translation.trim() === '');

/**
 * Could this edit move the status? Typing a letter into a segment that already had text cannot:
 * then the judgement (a pass over every segment) is skipped, and a keystroke costs what the rows
 * on screen cost, not what the interview holds. The edited rows are found from the record of the
 * keystroke's replacement (followed.ts), or by a pass of pointer comparisons.
 */
export function statusMayHaveChanged(before: Interview, after: Interview): boolean {
  if (before.segments.length !== after.segments.length || before.article !== after.article || before.recording !== after.recording) return true;
  if (before.statusSetByHand !== after.statusSetByHand || before.status !== after.status) return true;
  return !eachChanged(before.segments, after.segments, sameFacts);
}
