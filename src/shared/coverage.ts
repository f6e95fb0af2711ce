// Depends on no other module: interview.ts summarises with it, so it must not import interview.ts back.

/** What coverage needs of a segment. */
export type TimedText = { start: number; end: number; source: string };

/** How much of the recording is covered by segments with text, 0…1 (overlaps counted once). */
export function transcriptCoverage(segments: readonly TimedText[], durationSeconds: number | null): number {
  if (!durationSeconds || durationSeconds <= 0) return 0;
  let covered = 0;
  let reach = 0;
  for (const segment of [...segments].sort((a, b) => a.start - b.start)) {
    if (segment.source.trim() === '' || segment.end <= segment.start) continue;
    const start = Math.max(segment.start, reach);
    if (segment.end > start) covered += segment.end - start;
    reach = Math.max(reach, segment.end);
  }
  return Math.min(1, covered / durationSeconds);
}
