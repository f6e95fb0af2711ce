import { describe, expect, it } from 'vitest';
import { subtitleHeadProblem } from './transcript-sniff';

describe('a first look at a subtitle file', () => {
  it('passes real subtitles and anything that is not a subtitle file', () => {
    const srt = Array.from({ length: 40 }, (_, index) => `${index + 1}\n00:00:0${index % 10},000 --> 00:00:0${index % 10},500\n말 ${index}\n`).join('\n');
    expect(subtitleHeadProblem('a.srt', srt)).toBeNull();
    expect(subtitleHeadProblem('a.txt', 'anything at all\n\n'.repeat(100))).toBeNull();
  });

  it('refuses a head that is mostly blocks without timing, or binary data', () => {
    expect(subtitleHeadProblem('a.srt', 'noise noise\n\n'.repeat(50))).toBe('The start of this file is mostly unreadable as subtitles: 50 of its first 50 blocks have no timing line. Nothing was imported.');
    expect(subtitleHeadProblem('a.vtt', 'ID3\u0003\u0000\u0000binary')).toMatch(/binary data/);
  });

  it('refuses text with no timing line in its first 64 KB, blank lines or not; arrows alone are no timing', () => {
    const prose = 'hello 장마당 market --> the 00:00:01,000 1\n'.repeat(3000);
    expect(subtitleHeadProblem('a.srt', prose)).toMatch(/^There is no timing line \(like 00:00:01,000 --> 00:00:04,000\) in the first \d+ KB of this file/);
    // A WebVTT file with a long style block before its first cue is still subtitles.
    const vtt = `WEBVTT\n\nSTYLE\n${'::cue { color: white }\n'.repeat(1000)}\n00:01.000 --> 00:02.000\n말\n`;
    expect(subtitleHeadProblem('a.vtt', vtt)).toBeNull();
    // Lines without blank lines between them, a real timing line now and then: still not subtitles.
    const noise = Array.from({ length: 400 }, (_, index) => (index % 50 === 0 ? '00:00:01,000 --> 00:00:02,000 the' : 'hello 장마당 market 1')).join('\n');
    expect(subtitleHeadProblem('a.srt', noise)).toMatch(/^This does not read as subtitles: only 8 of the first 399 lines are timing lines/);
    // Blocks whose "timing" is only an arrow do not count as timed.
    expect(subtitleHeadProblem('a.srt', '1\nsoon --> later\nwords\n\n'.repeat(40))).toMatch(/40 of its first 40 blocks have no timing line/);
  });
});
