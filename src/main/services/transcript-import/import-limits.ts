// What a transcript import may do without asking. A garbled or hostile file must not become
// tens of thousands of segments (an interview that then hangs every view) nor a screen-filling
// notice: a file that is mostly unreadable is refused with its first few problems, and one that is
// implausible for this interview (far more segments than anyone types, or longer than the
// recording) is imported only once the user says so.
import type { ImportedTranscript, ImportNotice } from './imported-transcript';

/** More segments than this is not a transcript anyone typed for one interview. */
export const MAX_SEGMENTS_WITHOUT_ASKING = 20_000;
/** A transcript may run this far past the recording's end (a last cue's rounding) without asking. */
const SLACK_SECONDS = 5;
const LISTED_PROBLEMS = 5;

export type ImportVerdict = { kind: 'ok' } | { kind: 'refuse'; message: string } | { kind: 'ask'; message: string };

/** "line 3 (no timing line), line 9 (unreadable time), … and 4,812 more" — never thousands of lines. */
export function summarizeNotices(notices: readonly ImportNotice[]): string {
  const listed = notices.slice(0, LISTED_PROBLEMS).map((notice) => `line ${notice.line} (${notice.reason})`);
  const more = notices.length - listed.length;
  return `${listed.join(', ')}${more > 0 ? `, and ${more.toLocaleString('en-US')} more` : ''}`;
}

export function judgeImport(parsed: ImportedTranscript, recordingSeconds: number | null): ImportVerdict {
  const cues = parsed.cues.length;
  const skipped = parsed.skipped.length;
  if (cues === 0) return { kind: 'refuse', message: `Nothing in this file could be imported${skipped ? ` (${summarizeNotices(parsed.skipped)})` : ''}.` };
  if (skipped > cues && skipped >= 20) {
    return {
      kind: 'refuse',
      message: `This file is mostly unreadable as a transcript: ${skipped.toLocaleString('en-US')} parts could not be read and only ${cues.toLocaleString('en-US')} could (${summarizeNotices(parsed.skipped)}). Nothing was imported.`,
    };
  }
  const reasons: string[] = [];
  if (cues > MAX_SEGMENTS_WITHOUT_ASKING) reasons.push(`it would add ${cues.toLocaleString('en-US')} segments`);
  const lastEnd = Math.max(...parsed.cues.map((cue) => cue.end ?? cue.start));
  if (recordingSeconds !== null && lastEnd > recordingSeconds + SLACK_SECONDS) {
    reasons.push(`it runs to ${clock(lastEnd)}, past the end of the ${clock(recordingSeconds)} recording`);
  }
  if (reasons.length > 0) return { kind: 'ask', message: `This transcript looks wrong for this interview: ${reasons.join(', and ')}. Import it anyway?` };
  return { kind: 'ok' };
}

function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Control characters (other than line breaks and tabs) are never part of what someone said. */
export function withoutControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}
