import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectTranscriptFormat, parseTranscript, toSegments } from './import-transcript';
import { parseCueTime as parseClockTime } from '../../../shared/timecode';
import { parseOtr } from './otranscribe';
import { parsePlainText } from './plain-text';

const data = (name: string) => readFile(resolve(__dirname, '../../../../e2e/data', name), 'utf8');

describe('transcript import', () => {
  it('reads a messy SRT (BOM, CRLF, stray numbering, overlap, reversed and missing times), naming skipped lines', async () => {
    const result = parseTranscript('interview.srt', await data('messy.srt'));
    expect(result.format).toBe('srt');
    expect(result.cues.map((cue) => [cue.start, cue.end, cue.speaker, cue.text.slice(0, 6)])).toEqual([
      [0.6, 8.83, 'Interviewer', '안녕하세요.'],
      [9.53, 17, '지우', '저는 양강도'],
      [17, 21.057, 'Interviewer', '어릴 때 가'],
      [31.168, 33.818, 'Interviewer', '장마당 장사'],
    ]);
    expect(result.skipped).toEqual([
      { line: 9, reason: 'a cue number with no cue' },
      { line: 16, reason: 'ends before it starts' },
      { line: 19, reason: 'no timing line' },
    ]);
    expect(result.adjusted).toEqual([{ line: 6, reason: 'overlapped the next cue; now ends at 17.000 s' }]);
  });

  it('reads a messy WebVTT: voice tags become speakers, markup and comments dropped, bad lines named', async () => {
    const result = parseTranscript('interview.vtt', await data('messy.vtt'));
    expect(result.format).toBe('vtt');
    expect(result.cues.map((cue) => [cue.start, cue.speaker, cue.text])).toEqual([
      [0.6, 'Interviewer', '안녕하세요. 오늘 인터뷰에 응해 주셔서 감사합니다.'],
      [9.53, 'Ji-woo', '저는 양강도의 작은 국경 도시에서 태어나고 자랐습니다.'],
      [22.157, 'Ji-woo', '고난의 행군 때 배급이 끊겼습니다. & 그때부터…'],
    ]);
    expect(result.skipped).toEqual([
      { line: 12, reason: 'unreadable time' },
      { line: 18, reason: 'no timing line' },
    ]);
  });

  it('reads plain text with [hh:mm:ss] stamps and Speaker: prefixes; times only go forward', () => {
    const result = parsePlainText(
      'Interviewer: 어디에서 자라셨어요?\n[00:00:09] Ji-woo: 양강도에서요.\n강 건너가 중국이었어요.\n[00:00:05] wrong order\n[00:01:02.5]\nInterviewer: 그렇군요.\n',
    );
    expect(result.cues.map((cue) => [cue.start, cue.end, cue.speaker, cue.text])).toEqual([
      [0, 9, 'Interviewer', '어디에서 자라셨어요?'],
      [9, 62.5, 'Ji-woo', '양강도에서요. 강 건너가 중국이었어요.'],
      [62.5, 65.5, 'Interviewer', '그렇군요.'],
    ]);
    expect(result.skipped).toEqual([{ line: 4, reason: 'timestamp goes back in time (00:00:05)' }]);
  });

  it('reads oTranscribe .otr files and refuses what is not one', () => {
    const otr = JSON.stringify({
      text: '<p>Interviewer: 안녕하세요.</p><p><span class="timestamp" data-timestamp="9.53">0:09</span> Ji-woo: 저는 양강도&amp;에서</p><p><span class="timestamp" data-timestamp="18.5">0:18</span>Interviewer: 어땠나요?</p>',
      media: 'interview.mp3',
    });
    expect(parseOtr(otr).cues.map((cue) => [cue.start, cue.speaker, cue.text])).toEqual([
      [0, 'Interviewer', '안녕하세요.'],
      [9.53, 'Ji-woo', '저는 양강도&에서'],
      [18.5, 'Interviewer', '어땠나요?'],
    ]);
    expect(parseOtr('not json').skipped).toEqual([{ line: 1, reason: 'not an oTranscribe file (not JSON)' }]);
  });

  it('detects the format from a subtitle file name, otherwise from the content', () => {
    expect(detectTranscriptFormat('x.srt', 'WEBVTT\n\n')).toBe('srt');
    expect(detectTranscriptFormat('x.txt', 'WEBVTT\n\n')).toBe('vtt');
    expect(detectTranscriptFormat('x.txt', '[00:00:01] A: hi')).toBe('txt');
    expect(detectTranscriptFormat('x', 'WEBVTT\n\n')).toBe('vtt');
    expect(detectTranscriptFormat('x', '1\n00:00:01,000 --> 00:00:02,000\nhi')).toBe('srt');
    expect(detectTranscriptFormat('x', '{"text":""}')).toBe('otr');
  });

  it('parses clock times in the forms people write', () => {
    expect(parseClockTime('01:02:03,5')).toBe(3723.5);
    expect(parseClockTime('2:03')).toBe(123);
    expect(parseClockTime('00:61:00')).toBeNull();
    expect(parseClockTime('abc')).toBeNull();
  });

  it('turns cues into segments, reusing speakers by name and colouring new ones', () => {
    let next = 0;
    const { segments, speakers } = toSegments(
      parsePlainText('A: 하나\n[00:00:02] B: 둘\n[00:00:04] A: 셋'),
      [{ id: 'spk-a', name: 'A', color: '#000000' }],
      (prefix) => `${prefix}-${++next}`,
    );
    expect(speakers.map((speaker) => speaker.name)).toEqual(['A', 'B']);
    expect(segments.map((segment) => [segment.speakerId, segment.source, segment.status])).toEqual([
      ['spk-a', '하나', 'untranslated'],
      [speakers[1]!.id, '둘', 'untranslated'],
      ['spk-a', '셋', 'untranslated'],
    ]);
  });
});
