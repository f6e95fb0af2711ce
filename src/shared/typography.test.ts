import { describe, expect, it } from 'vitest';
import { smartenPunctuation, typesetEnglish } from './typography';

describe('smartenPunctuation', () => {
  it.each([
    ['She said "go" and left.', 'She said “go” and left.'],
    ["It's my mother's stall.", 'It’s my mother’s stall.'],
    ["He called it 'the market'.", 'He called it ‘the market’.'],
    ['We waited -- then ran.', 'We waited — then ran.'],
    ['We waited - then ran.', 'We waited — then ran.'],
    ['Word--word', 'Word — word'],
    ['a well-known stall in the 1990s', 'a well-known stall in the 1990s'],
    ['"장마당"', '“장마당”'],
  ])('%s', (input, expected) => {
    expect(smartenPunctuation(input)).toBe(expected);
  });
});

describe('typesetEnglish: every English export', () => {
  it.each([
    ['Wait...', 'Wait…'],
    ['Wait. . . then go', 'Wait… then go'],
    ['ages 40-50', 'ages 40–50'],
    ['from 1994-1998', 'from 1994–1998'],
    ['pages 10 - 12', 'pages 10–12'],
    ['at 5 a.m. we left', 'at 5\u00a0a.m. we left'],
    ['we walked 2 km to the river', 'we walked 2\u00a0km to the river'],
    ['it weighed 20 kg', 'it weighed 20\u00a0kg'],
    ["in the '90s", 'in the ’90s'],
    ["rock 'n' roll", 'rock ’n’ roll'],
    ['She said "go" -- and left.', 'She said “go” — and left.'],
    ['born 2001-03-04 in Hyesan', 'born 2001-03-04 in Hyesan'],
    ['a well-known stall', 'a well-known stall'],
    ['2 kmh? no: 2 kms', '2 kmh? no: 2 kms'],
  ])('%s', (input, expected) => {
    expect(typesetEnglish(input)).toBe(expected);
  });

  it('closes up dashes for a house that wants it', () => {
    expect(typesetEnglish('We waited -- then ran — fast.', { dashSpacing: 'closed' })).toBe('We waited—then ran—fast.');
  });
});
