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
});
