import type { Segment } from './interview';

/** How much of the recording is covered by segments with text, 0…1 (overlaps counted once). */
export function transcriptCoverage(segments: readonly Segment[], durationSeconds: number | null): number {
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
