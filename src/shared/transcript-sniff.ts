// A first look at a subtitle file before the whole of it is read and sent anywhere: a damaged or
// mislabelled file (a recording renamed .srt, random bytes) is refused from its first few hundred
// kilobytes, in a moment, instead of after tens of megabytes have crossed to the main side.
// The main side still checks the whole file; this only stops the obvious early.

/** How much of the file the first look reads. */
export const SNIFF_BYTES = 256 * 1024;
const MIN_BLOCKS = 20;

/** Null when the start of the file reads like subtitles (or it is not a subtitle file); otherwise why not. */
export function subtitleHeadProblem(fileName: string, head: string): string | null {
  if (!/\.(srt|vtt)$/i.test(fileName)) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(head.slice(0, 4096))) return 'This file holds binary data, not subtitles (a recording or a document renamed?). Nothing was imported.';
  const blocks = head
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .slice(0, -1) // the last block may be cut off by the sniff
    .filter((block) => block.trim() !== '');
  if (blocks.length < MIN_BLOCKS) return null;
  const timed = blocks.filter((block) => block.includes('-->')).length;
  if (timed * 2 >= blocks.length) return null;
  return `The start of this file is mostly unreadable as subtitles: ${blocks.length - timed} of its first ${blocks.length} blocks have no timing line. Nothing was imported.`;
}
