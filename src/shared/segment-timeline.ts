// What the recording's pictures are drawn from (the waveform's regions, the coverage strip and
// figure, who speaks where): each segment's place in time, its speaker and whether it has text.
// Typing a letter into a segment that already says something changes none of it, so what is
// built from the timeline is built again only when a boundary, a speaker or the order moves.
import { eachChanged, follower, type Followed } from './followed';
import type { Segment } from './interview';

export type TimelineEntry = Readonly<{ id: string; start: number; end: number; speakerId: string | null; hasText: boolean }>;
export type Timeline = readonly TimelineEntry[];

const hasText = (segment: Segment) => segment.source.trim() !== '';

function takeTimeline(segments: readonly Segment[]): Timeline {
  return segments.map((segment) => ({ id: segment.id, start: segment.start, end: segment.end, speakerId: segment.speakerId, hasText: hasText(segment) }));
}

/** The timeline of `segments`: the one taken itself when none of its facts moved since. */
export function followTimeline(taken: Followed<Timeline>, segments: readonly Segment[]): Timeline {
  const unmoved = eachChanged(taken.segments, segments, (was, is) => was.start === is.start && was.end === is.end && was.speakerId === is.speakerId && hasText(was) === hasText(is));
  return unmoved ? taken.value : takeTimeline(segments);
}

/** The segments' timeline: the same array while typing changes only what segments say. */
export const timelineOf = follower(takeTimeline, followTimeline);
