import { describe, expect, it } from 'vitest';
import { cuePieces, readingWarnings, segmentCues, withDialogueCues, wrapCueText } from './subtitle-cues';

describe('subtitle wrapping and splitting', () => {
  it('keeps a short line whole and balances two lines under 42 characters', () => {
    expect(wrapCueText('I grew up in Hyesan.', 42)).toEqual(['I grew up in Hyesan.']);
    const lines = wrapCueText('My mother sold noodles at the market every morning before dawn.', 42)!;
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.length <= 42)).toBe(true);
    expect(lines.join(' ')).toBe('My mother sold noodles at the market every morning before dawn.');
    expect(Math.abs(lines[0]!.length - lines[1]!.length)).toBeLessThan(12);
  });

  it('counts characters as a reader does: a character outside the Basic Plane is one, not two', () => {
    // 21 emoji (42 UTF-16 units) fit one 21-character line; 22 do not, and wrap at the space.
    const twentyOne = '😀'.repeat(21);
    expect(wrapCueText(twentyOne, 21)).toEqual([twentyOne]);
    expect(wrapCueText(`${'😀'.repeat(11)} ${'😀'.repeat(11)}`, 21)).toEqual(['😀'.repeat(11), '😀'.repeat(11)]);
    // A lone surrogate (broken text) still counts as a character of its own.
    expect(wrapCueText('\udc00'.repeat(4), 4)).toEqual(['\udc00'.repeat(4)]);
    expect(wrapCueText('\udc00'.repeat(5), 4)).toBeNull();
  });

  it('prefers a break after a comma', () => {
    expect(wrapCueText('When the rations stopped, my mother went to the market.', 42)).toEqual(['When the rations stopped,', 'my mother went to the market.']);
  });

  it('splits a long segment in three cues, timed by length, each in two lines of at most 42', () => {
    const text =
      'The rations stopped during the Arduous March, and from then on my mother sold noodles at the market. ' +
      'We got up before dawn to make them, and by noon they were gone. Nobody in our street had rice that winter.';
    const cues = segmentCues({ start: 10, end: 28, text }, 42);
    expect(cues).toHaveLength(3);
    expect(cues[0]!.start).toBe(10);
    expect(cues.at(-1)!.end).toBe(28);
    for (const [index, cue] of cues.entries()) {
      expect(cue.lines.length).toBeLessThanOrEqual(2);
      expect(cue.lines.every((line) => line.length <= 42)).toBe(true);
      if (index > 0) expect(Math.round((cue.start - cues[index - 1]!.end) * 1000)).toBe(80); // two frames at 25 fps
    }
    expect(cues.flatMap((cue) => cue.lines).join(' ')).toBe(text);
  });

  it('wraps Korean to its own shorter limit at word spaces', () => {
    const text = '고난의 행군 때 배급이 끊겼습니다. 그때부터 어머니가 장마당에서 국수를 팔기 시작하셨어요.';
    const pieces = cuePieces(text, 20);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      const lines = wrapCueText(piece, 20)!;
      expect(lines.every((line) => [...line].length <= 20)).toBe(true);
    }
    expect(pieces[0]).toBe('고난의 행군 때 배급이 끊겼습니다.');
  });

  it('lists cues read faster than 17 characters per second', () => {
    const warnings = readingWarnings([
      { start: 1, end: 2, lines: ['This line is far too long to read in one second.'] },
      { start: 3, end: 6, lines: ['Fine.'] },
    ]);
    expect(warnings).toEqual([{ start: 1, charsPerSecond: 48 }]);
  });

  it('joins a tail too short to read into the cue before it', () => {
    const cues = segmentCues({ start: 0, end: 4.2, text: '저는 그때 장마당에서 국수를 팔고 있었어요 정말 힘들었어요 해요.' }, 20);
    expect(cues.every((cue) => cue.end - cue.start >= 0.9)).toBe(true);
    expect(cues.flatMap((cue) => cue.lines).join(' ')).toContain('해요.');
    expect(cues.at(-1)!.lines.join(' ')).not.toBe('해요.');
  });
});

describe('dialogue cues', () => {
  it('puts a quick exchange in one cue of two dashed lines within the limit; other cues have no dash', () => {
    const cues = withDialogueCues(
      [
        { start: 0, end: 0.9, lines: ['Hungry?'], speakerId: 'a' },
        { start: 1, end: 3, lines: ['Always, in those years.'], speakerId: 'b' },
        { start: 4, end: 9, lines: ['Tell me about the market, and', 'what your mother sold there.'], speakerId: 'a' },
      ],
      42,
    );
    expect(cues.map((cue) => cue.lines)).toEqual([['- Hungry?', '- Always, in those years.'], ['Tell me about the market, and', 'what your mother sold there.']]);
    expect(cues[0]).toMatchObject({ start: 0, end: 3, lineSpeakers: ['a', 'b'] });
  });
});
