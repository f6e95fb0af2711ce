// Values derived from a whole transcript (its timeline, translation progress, the rows a filter
// shows, whether the status may have moved) that are followed from edit to edit instead of
// derived again. Typing replaces one segment in a copy of the list (withSegment), and says which:
// following that record, only the replaced segments are looked into, so a keystroke costs what
// one segment costs, not what the interview holds. Lists made any other way are compared with a
// pass of pointer comparisons, which looks into the segments that are other objects only.
import type { Segment } from './interview';

/** A value derived from a list of segments, kept with the list it was derived from. */
export type Followed<T> = { segments: readonly Segment[]; value: T };

/**
 * A derivation that remembers its value for each list and follows it to the next: for a list
 * made by replacing a segment of one it knows (a keystroke), or else from the last list it was
 * asked about, `follow` is given the value known and looks into what changed; `take` derives it
 * afresh. `inputs` are what else the value depends on: a change of one derives it afresh. Pure
 * from the outside (the same list and inputs give the same value), so a view may call it while
 * rendering.
 */
export function follower<T, I extends readonly unknown[] = []>(
  take: (segments: readonly Segment[], ...inputs: I) => T,
  follow: (taken: Followed<T>, segments: readonly Segment[], ...inputs: I) => T,
): (segments: readonly Segment[], ...inputs: I) => T {
  type Known = { value: T; inputs: I };
  const known = new WeakMap<readonly Segment[], Known>();
  // Held weakly: a closed interview's text is not kept in memory for the next call.
  let last: { segments: WeakRef<readonly Segment[]> } | null = null;
  return (segments, ...inputs) => {
    const sameInputs = (kept: Known | undefined): kept is Known => !!kept && kept.inputs.every((input, index) => Object.is(input, inputs[index]));
    const hit = known.get(segments);
    if (sameInputs(hit)) return hit.value;
    const made = replacements.get(segments);
    const lastSegments = last?.segments.deref();
    const base = made && sameInputs(known.get(made.from)) ? made.from : lastSegments && sameInputs(known.get(lastSegments)) ? lastSegments : null;
    const value = base ? follow({ segments: base, value: known.get(base)!.value }, segments, ...inputs) : take(segments, ...inputs);
    known.set(segments, { value, inputs });
    last = { segments: new WeakRef(segments) };
    return value;
  };
}

/**
 * Lists made from another by replacing one segment: from which, and where. Only the newest step
 * of a run is kept (the entry of the list it was made from is dropped), so a list never holds
 * more than the one before it in memory.
 */
const replacements = new WeakMap<readonly Segment[], { from: readonly Segment[]; index: number }>();

/** Notes that `next` is `from` with the segment at `index` replaced. */
export function recordReplacement(from: readonly Segment[], next: readonly Segment[], index: number): void {
  replacements.delete(from);
  replacements.set(next, { from, index });
}

/** Where `segments` differs from `taken` when it was made from it by one recorded replacement. */
function replacedSince(taken: readonly Segment[], segments: readonly Segment[]): number | null {
  const step = replacements.get(segments);
  return step && step.from === taken ? step.index : null;
}

/**
 * Calls `changed` with each segment that is another object than when the value was taken (the
 * one then and the one now); false if the lists differ in length or order, or `changed` says the
 * value must be derived again.
 */
export function eachChanged(taken: readonly Segment[], segments: readonly Segment[], changed: (was: Segment, is: Segment) => boolean): boolean {
  if (taken === segments) return true;
  if (taken.length !== segments.length) return false;
  const replaced = replacedSince(taken, segments);
  const from = replaced ?? 0;
  const to = replaced === null ? segments.length : replaced + 1;
  for (let index = from; index < to; index += 1) {
    const was = taken[index]!;
    const is = segments[index]!;
    if (was !== is && (was.id !== is.id || !changed(was, is))) return false;
  }
  return true;
}

/**
 * The list as it was when its ids last changed: the same array while typing changes only what
 * the segments say, a new one when a segment is added, removed or moved. What depends on the
 * order alone (an id → index map, a virtual list's keys and measurements) is then built once per
 * change of order, not on every keystroke.
 */
export const segmentOrder = follower(
  (segments) => segments,
  (taken, segments) => (eachChanged(taken.segments, segments, () => true) ? taken.value : segments),
);
