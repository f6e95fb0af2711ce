import { describe, expect, it } from 'vitest';
import { smartenPunctuation } from './typography';

describe('smartenPunctuation', () => {
  it.each([
    ['She said "go" and left.', 'She said “go” and left.'],
    ["It's my mother's stall.", 'It’s my mother’s stall.'],
    ["He called it 'the market'.", 'He called it ‘the market’.'],
    ['We waited -- then ran.', 'We waited — then ran.'],
    ['We waited - then ran.', 'We waited — then ran.'],
    ['Word--word', 'Word—word'],
    ['a well-known stall in the 1990s', 'a well-known stall in the 1990s'],
    ['"장마당"', '“장마당”'],
  ])('%s', (input, expected) => {
    expect(smartenPunctuation(input)).toBe(expected);
  });
});
