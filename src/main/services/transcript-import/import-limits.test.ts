import { describe, expect, it } from 'vitest';
import { parseTranscript, toSegments } from './import-transcript';
import { judgeImport, MAX_SEGMENTS_WITHOUT_ASKING, summarizeNotices } from './import-limits';

/** Bytes that look like a damaged file: random printable noise with the odd cue-like line. */
function garbledSrt(targetBytes: number, seed = 7): string {
  let state = seed;
  const random = () => ((state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
  const parts: string[] = [];
  let size = 0;
  while (size < targetBytes) {
    const line = Array.from({ length: 20 + Math.floor(random() * 60) }, () => String.fromCharCode(33 + Math.floor(random() * 90))).join('');
    const block = random() < 0.05 ? `${Math.floor(random() * 9)}\n00:0${Math.floor(random() * 9)}:10,000 --> 00:0${Math.floor(random() * 9)}:12,000\n${line}\n\n` : `${line}\n\n`;
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}

describe('transcript import limits', () => {
  it('refuses a mostly unreadable file with a summary of its first problems, quickly', () => {
    const text = garbledSrt(2_000_000);
    const started = performance.now();
    const verdict = judgeImport(parseTranscript('garbage.srt', text), 124.8);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(verdict.kind).toBe('refuse');
    const message = (verdict as { message: string }).message;
    expect(message).toMatch(/^This file is mostly unreadable as a transcript: [\d,]+ parts could not be read and only [\d,]+ could \(line \d+ \(no timing line\), .*, and [\d,]+ more\)\. Nothing was imported\.$/);
    expect(message.length).toBeLessThan(400);
  });

  it('asks before importing more segments than anyone types, or a transcript longer than the recording', () => {
    const many = Array.from({ length: MAX_SEGMENTS_WITHOUT_ASKING + 1 }, (_, index) => `${index + 1}\n00:00:0${index % 10},000 --> 00:00:0${index % 10},500\nword\n`).join('\n');
    expect(judgeImport(parseTranscript('many.srt', many), null)).toMatchObject({ kind: 'ask', message: expect.stringContaining('it would add 20,001 segments') });
    const long = '1\n00:00:01,000 --> 00:00:02,000\na\n\n2\n03:30:00,000 --> 03:30:01,000\nb\n';
    expect(judgeImport(parseTranscript('long.srt', long), 166)).toEqual({ kind: 'ask', message: 'This transcript looks wrong for this interview: it runs to 3:30:01, past the end of the 2:46 recording. Import it anyway?' });
    expect(judgeImport(parseTranscript('long.srt', long), 13_000)).toEqual({ kind: 'ok' });
  });

  it('lists at most five problems and says how many more', () => {
    const notices = Array.from({ length: 4912 }, (_, index) => ({ line: index * 3 + 1, reason: 'no timing line' }));
    expect(summarizeNotices(notices)).toBe('line 1 (no timing line), line 4 (no timing line), line 7 (no timing line), line 10 (no timing line), line 13 (no timing line), and 4,907 more');
  });

  it('strips control characters from imported text and speaker names', () => {
    const parsed = parseTranscript('odd.txt', '[00:00:01] 지우: 안녕\u0000하\u0001세\u0002요\n');
    const { segments, speakers } = toSegments(parsed, [], (prefix) => `${prefix}-1`);
    expect(segments[0]!.source).toBe('안녕하세요');
    expect(speakers[0]!.name).toBe('지우');
  });
});
