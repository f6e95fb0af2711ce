// A first look at a subtitle file before the whole of it is read and sent anywhere: a damaged or
// mislabelled file (a recording renamed .srt, random bytes) is refused from its first few hundred
// kilobytes, in a moment, instead of after tens of megabytes have crossed to the main side.
// The main side still checks the whole file; this only stops the obvious early.

/** How much of the file the first look reads. */
export const SNIFF_BYTES = 256 * 1024;
const MIN_BLOCKS = 20;
/** A subtitle file's first timing line comes within its first few lines; this much text without one is not subtitles. */
const TEXT_WITHOUT_TIMING = 64 * 1024;
/** Enough lines to judge by, and the most lines per timing line real subtitles have (long cues included). */
const MIN_LINES = 200;
const LINES_PER_TIMING = 20;
/** A timing line as SRT and WebVTT write it: 00:00:01,000 --> 00:00:04,000 (hours optional in WebVTT). */
const TIMING_LINE = /^[ \t]*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]*-->[ \t]*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}/m;

/** Null when the start of the file reads like subtitles (or it is not a subtitle file); otherwise why not. */
export function subtitleHeadProblem(fileName: string, head: string): string | null {
  if (!/\.(srt|vtt)$/i.test(fileName)) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(head.slice(0, 4096))) return 'This file holds binary data, not subtitles (a recording or a document renamed?). Nothing was imported.';
  if (head.length >= TEXT_WITHOUT_TIMING && !TIMING_LINE.test(head)) {
    return `There is no timing line (like 00:00:01,000 --> 00:00:04,000) in the first ${Math.round(new TextEncoder().encode(head).length / 1024)} KB of this file: it is not subtitles. Nothing was imported.`;
  }
  // However it is laid out, subtitles have a timing line every few lines (a cue is rarely more than three).
  // Counted from the first timing line: a WebVTT header (STYLE, NOTE blocks) may be long.
  const firstTiming = head.search(TIMING_LINE);
  const lines = (firstTiming === -1 ? head : head.slice(firstTiming)).split(/\r\n?|\n/).slice(0, -1).filter((line) => line.trim() !== '');
  if (lines.length >= MIN_LINES) {
    const timingLines = lines.filter((line) => TIMING_LINE.test(line)).length;
    if (timingLines * LINES_PER_TIMING < lines.length) {
      return `This does not read as subtitles: only ${timingLines} of the first ${lines.length} lines are timing lines (like 00:00:01,000 --> 00:00:04,000). Nothing was imported.`;
    }
  }
  const blocks = head
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .slice(0, -1) // the last block may be cut off by the sniff
    .filter((block) => block.trim() !== '');
  if (blocks.length < MIN_BLOCKS) return null;
  const timed = blocks.filter((block) => TIMING_LINE.test(block)).length;
  if (timed * 2 >= blocks.length) return null;
  return `The start of this file is mostly unreadable as subtitles: ${blocks.length - timed} of its first ${blocks.length} blocks have no timing line. Nothing was imported.`;
}
