// Edits of a time-aligned transcript, pure so the keyboard, the waveform and the tests agree.
// Segments stay sorted by start; times are seconds; text positions are UTF-16 offsets (a textarea's).
import { recordReplacement } from './followed';
import { newSegment, type Segment, type Speaker } from './interview';
import { formatTimecode } from './timecode';
export { transcriptCoverage } from './coverage';

type NewId = () => string;
const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
const replaceAt = (segments: readonly Segment[], index: number, ...inserted: Segment[]) => [
  ...segments.slice(0, index),
  ...inserted,
  ...segments.slice(index + 1),
];

/**
 * Enter at the play-head: the segment ends at `time` and a new one starts there, taking the text
 * after the cursor. With the play-head outside the segment (or the segment still open, end = start),
 * the time is the play-head if it is later than the start, else the text is split proportionally.
 */
export function splitSegment(segments: readonly Segment[], id: string, time: number, cursor: number, newId: NewId): { segments: Segment[]; created: string } {
  const index = segments.findIndex((segment) => segment.id === id);
  const segment = segments[index];
  if (!segment) return { segments: [...segments], created: id };
  const open = segment.end <= segment.start;
  const inside = time > segment.start && (open || time < segment.end);
  const fraction = segment.source.length ? cursor / segment.source.length : 0.5;
  const at = round(inside ? time : open ? segment.start : segment.start + (segment.end - segment.start) * fraction);
  const first: Segment = { ...segment, source: segment.source.slice(0, cursor).trimEnd(), end: open ? Math.max(at, segment.start) : at };
  const second = newSegment({
    id: newId(),
    start: at,
    end: open ? at : segment.end,
    speakerId: segment.speakerId,
    source: segment.source.slice(cursor).trimStart(),
  });
  return { segments: replaceAt(segments, index, first, second), created: second.id };
}

/** Starts the very first segment (or one after the last) at the play-head. */
export function startSegmentAt(segments: readonly Segment[], time: number, speakerId: string | null, newId: NewId): { segments: Segment[]; created: string } {
  const segment = newSegment({ id: newId(), start: round(time), end: round(time), speakerId });
  const next = [...segments, segment].sort((a, b) => a.start - b.start);
  return { segments: next, created: segment.id };
}

/** Joins a segment with the next one: its text follows, its end is kept; the translation too. */
export function mergeWithNext(segments: readonly Segment[], id: string): { segments: Segment[]; cursor: number } {
  const index = segments.findIndex((segment) => segment.id === id);
  const first = segments[index];
  const second = segments[index + 1];
  if (!first || !second) return { segments: [...segments], cursor: first?.source.length ?? 0 };
  const joined = (a: string, b: string) => [a.trimEnd(), b.trimStart()].filter(Boolean).join(' ');
  const merged: Segment = {
    ...first,
    end: Math.max(first.end, second.end),
    source: joined(first.source, second.source),
    translation: joined(first.translation, second.translation),
    notes: joined(first.notes, second.notes),
    queries: [...first.queries, ...second.queries],
    status: first.status === second.status ? first.status : first.translation || second.translation ? 'draft' : 'untranslated',
  };
  return { segments: [...segments.slice(0, index), merged, ...segments.slice(index + 2)], cursor: first.source.trimEnd().length };
}

export function mergeWithPrevious(segments: readonly Segment[], id: string): { segments: Segment[]; target: string; cursor: number } {
  const index = segments.findIndex((segment) => segment.id === id);
  if (index <= 0) return { segments: [...segments], target: id, cursor: 0 };
  const previous = segments[index - 1]!;
  const result = mergeWithNext(segments, previous.id);
  return { segments: result.segments, target: previous.id, cursor: result.cursor };
}

/** Moves one boundary, never past the segment's other boundary or before zero. */
export function setBoundary(segments: readonly Segment[], id: string, side: 'start' | 'end', time: number): Segment[] {
  return segments
    .map((segment) => {
      if (segment.id !== id) return segment;
      if (side === 'start') return { ...segment, start: round(Math.max(0, Math.min(time, segment.end > segment.start ? segment.end : time))) };
      return { ...segment, end: round(Math.max(time, segment.start)) };
    })
    .sort((a, b) => a.start - b.start);
}

export function nudgeBoundary(segments: readonly Segment[], id: string, side: 'start' | 'end', delta: number): Segment[] {
  const segment = segments.find((item) => item.id === id);
  return segment ? setBoundary(segments, id, side, segment[side] + delta) : [...segments];
}

export function assignSpeaker(segments: readonly Segment[], id: string, speakerId: string | null): Segment[] {
  return segments.map((segment) => (segment.id === id ? { ...segment, speakerId } : segment));
}

/** The next speaker in the interview's list (then none, then the first again). */
export function cycleSpeaker(segments: readonly Segment[], id: string, speakers: readonly Speaker[]): Segment[] {
  const segment = segments.find((item) => item.id === id);
  if (!segment || speakers.length === 0) return [...segments];
  const position = speakers.findIndex((speaker) => speaker.id === segment.speakerId);
  const next = position === speakers.length - 1 ? null : speakers[position + 1]!.id;
  return assignSpeaker(segments, id, next);
}

export const transcriptTags = ['inaudible', 'crosstalk', 'laughs', 'pause', 'needsTranslation', 'redacted', 'timestamp'] as const;
export type TranscriptTag = (typeof transcriptTags)[number];

/** The text of a tag, with the play-head time where the convention asks for one. */
export function tagText(tag: TranscriptTag, time: number): string {
  const at = formatTimecode(time);
  switch (tag) {
    case 'inaudible':
      return `[inaudible ${at}]`;
    case 'needsTranslation':
      return `[needs translation – ${at}]`;
    case 'timestamp':
      return `[${at}]`;
    default:
      return `[${tag}]`;
  }
}

/** Inserts a tag at the cursor with a space on each side where needed. */
export function insertAtCursor(text: string, cursor: number, insert: string): { text: string; cursor: number } {
  const before = text.slice(0, cursor);
  const after = text.slice(cursor);
  const left = before === '' || /\s$/.test(before) ? '' : ' ';
  const right = after === '' || /^\s/.test(after) ? '' : ' ';
  const inserted = `${left}${insert}${right}`;
  return { text: before + inserted + after, cursor: before.length + inserted.length };
}

/** The segment under the play-head (the latest one that has started), by binary search. */
export function segmentAt<T extends { start: number; end: number }>(segments: readonly T[], time: number): T | undefined {
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (segments[middle]!.start <= time) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  const segment = segments[found];
  return segment && (segment.end <= segment.start || time < segment.end) ? segment : undefined;
}

/** Adds proposed speech spans as empty segments where the transcript has none yet. */
export function addProposedSegments(
  segments: readonly Segment[],
  spans: readonly { start: number; end: number; text?: string }[],
  speakerId: string | null,
  newId: NewId,
): { segments: Segment[]; added: number } {
  const free = spans.filter((span) => !segments.some((segment) => span.start < Math.max(segment.end, segment.start + 0.001) && span.end > segment.start));
  // Text that comes with a span is a speech model's: kept as machineText, so it does not count as transcribed until a person touches it.
  const added = free.map((span) => newSegment({ id: newId(), start: round(span.start), end: round(span.end), speakerId, source: span.text ?? '', machineText: span.text ?? '' }));
  return { segments: [...segments, ...added].sort((a, b) => a.start - b.start), added: added.length };
}

/**
 * The list with one segment changed: a copy and one replacement where the index is known (each
 * keystroke), a pass over the list only when it is not (the order changed meanwhile).
 */
export function withSegment(segments: Segment[], index: number | undefined, id: string, change: (segment: Segment) => Segment): Segment[] {
  if (index !== undefined && segments[index]?.id === id) {
    const next = segments.slice();
    next[index] = change(segments[index]!);
    recordReplacement(segments, next, index);
    return next;
  }
  return segments.map((segment) => (segment.id === id ? change(segment) : segment));
}
