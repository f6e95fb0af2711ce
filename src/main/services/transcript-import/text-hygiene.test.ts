import { describe, expect, it } from 'vitest';
import { parseTranscript } from './import-transcript';
import { cleanedText } from './text-hygiene';

describe('what an imported transcript may not carry in', () => {
  it('removes direction overrides, isolates, marks and zero-width characters, and makes control whitespace a space', () => {
    expect(cleanedText('\u202e요세하녕안\u202c')).toEqual({ text: '요세하녕안', changes: 2 });
    expect(cleanedText('Hoe\u200bryong\u2066x\u2069')).toEqual({ text: 'Hoeryongx', changes: 3 });
    expect(cleanedText('one\u000btwo\u000cthree\u2028four')).toEqual({ text: 'one two three four', changes: 3 });
    expect(cleanedText('bell\u0007 and \u0085next')).toEqual({ text: 'bell and  next', changes: 2 });
  });

  it('keeps a joiner where a script needs it, and drops it between Latin or Hangul letters', () => {
    expect(cleanedText('👩\u200d👧 family').text).toBe('👩\u200d👧 family'); // an emoji sequence
    expect(cleanedText('क्\u200dष').text).toBe('क्\u200dष'); // Devanagari
    expect(cleanedText('Park\u200dYoung 박\u200c영희')).toEqual({ text: 'ParkYoung 박영희', changes: 2 });
  });

  it('says, per cue (by its timing line), how many characters an import changed', () => {
    const srt = '1\n00:00:01,000 --> 00:00:03,000\n\u202e요세하녕안\n\n2\n00:00:04,000 --> 00:00:06,000\nYoung\u000bhee\n';
    const parsed = parseTranscript('x.srt', srt);
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['요세하녕안', 'Young hee']);
    expect(parsed.adjusted).toEqual([
      { line: 2, reason: '1 invisible or control character removed or made a space' },
      { line: 6, reason: '1 invisible or control character removed or made a space' },
    ]);
  });
});
