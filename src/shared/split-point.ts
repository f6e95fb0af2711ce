// Where "split at the cursor" puts the boundary in time. The text alone cannot say: the play-head
// can (the transcriber is listening there), and otherwise the quietest moment near where the
// text's share would put it usually is the pause between the two halves.

export type SplitPoint = { time: number; how: 'playhead' | 'pause' | 'textShare' };

/** How far from the text-share estimate a pause is looked for, and the window it is measured in. */
const SEARCH_SECONDS = 1.5;
const WINDOW_SECONDS = 0.2;

export function splitPoint(options: {
  segment: { start: number; end: number; source: string };
  cursor: number;
  playhead: number;
  playing: boolean;
  /** Waveform peaks over the whole recording (any resolution), or null without a recording. */
  peaks: Float32Array | null;
  duration: number;
}): SplitPoint {
  const { segment, cursor, playhead } = options;
  const open = segment.end <= segment.start;
  if (options.playing && playhead > segment.start && (open || playhead < segment.end)) return { time: playhead, how: 'playhead' };
  if (open) return { time: Math.max(segment.start, playhead), how: 'playhead' };
  const share = segment.source.length ? cursor / segment.source.length : 0.5;
  const estimate = segment.start + (segment.end - segment.start) * share;
  const { peaks, duration } = options;
  if (!peaks || peaks.length === 0 || duration <= 0) return { time: estimate, how: 'textShare' };
  const perSecond = peaks.length / duration;
  const from = Math.max(segment.start + WINDOW_SECONDS, estimate - SEARCH_SECONDS);
  const to = Math.min(segment.end - WINDOW_SECONDS, estimate + SEARCH_SECONDS);
  if (to <= from) return { time: estimate, how: 'textShare' };
  const loudness = (center: number) => {
    const first = Math.max(0, Math.floor((center - WINDOW_SECONDS / 2) * perSecond));
    const last = Math.min(peaks.length, Math.ceil((center + WINDOW_SECONDS / 2) * perSecond));
    let sum = 0;
    for (let index = first; index < last; index += 1) sum += Math.abs(peaks[index]!);
    return last > first ? sum / (last - first) : Infinity;
  };
  let best = estimate;
  let quietest = Infinity;
  for (let time = from; time <= to; time += 0.05) {
    // A small pull towards the estimate: of two equally quiet spots, the nearer one.
    const score = loudness(time) * (1 + Math.abs(time - estimate) / (4 * SEARCH_SECONDS));
    if (score < quietest) {
      quietest = score;
      best = time;
    }
  }
  return { time: Math.round(best * 100) / 100, how: 'pause' };
}
