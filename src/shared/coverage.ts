// Depends on no other module: interview.ts summarises with it, so it must not import interview.ts back.

/** What coverage needs of a segment: its place in time and its text, or whether it has any (a timeline's entry). */
export type TimedText = { start: number; end: number } & ({ source: string } | { hasText: boolean });

const saysSomething = (item: TimedText) => ('hasText' in item ? item.hasText : item.source.trim() !== '');

/** How much of the recording is covered by segments with text, 0…1 (overlaps counted once). */
export function transcriptCoverage(segments: readonly TimedText[], durationSeconds: number | null): number {
  if (!durationSeconds || durationSeconds <= 0) return 0;
  // Asked several times per keystroke of the same list (the view, the status that follows the work).
  const known = coveredSeconds.get(segments);
  const covered = known ?? secondsCovered(segments);
  if (known === undefined) coveredSeconds.set(segments, covered);
  return Math.min(1, covered / durationSeconds);
}

const coveredSeconds = new WeakMap<readonly TimedText[], number>();

function secondsCovered(segments: readonly TimedText[]): number {
  let covered = 0;
  let reach = 0;
  let lastStart = -Infinity;
  for (const segment of segments) {
    // Transcripts are kept in time order; one that is not is sorted (a copy) and counted again.
    if (segment.start < lastStart) return secondsCovered([...segments].sort((a, b) => a.start - b.start));
    lastStart = segment.start;
    if (!saysSomething(segment) || segment.end <= segment.start) continue;
    const start = Math.max(segment.start, reach);
    if (segment.end > start) covered += segment.end - start;
    reach = Math.max(reach, segment.end);
  }
  return covered;
}
