import { describe, expect, it } from 'vitest';
import { newInterview } from '../interview';
import { redactionTerms } from './index';
import { findSoundAlikes, HEARING_BREAKS, soundIndexFor } from './sound-check';
import { redactionEntity } from './test-support/redaction-entity';

const interview = newInterview('numbers', 'T', '2026-01-01T00:00:00Z');
interview.narrator.realName = '최순희';
interview.redactions = [
  redactionEntity({ kind: 'person', korean: ['박영희'], replacementKo: '[어머니]', replacementEn: '[her mother]' }),
  redactionEntity({ kind: 'place', korean: ['회령시'], replacementKo: '[국경 도시]', replacementEn: 'a border city' }),
];
const sound = soundIndexFor(redactionTerms(interview));
const heardIn = (text: string) => findSoundAlikes(text, sound).map((found) => `${found.termNumber}:${found.heard}`).sort();

describe('the check by sound and the numbers around a name', () => {
  it('hears in a text what it hears in its stretches between line breaks and digits, each alone (so a caller may hear each distinct stretch once)', () => {
    // Pieces of names (whole, split, spelled out, in Hangul), digits of every length, separators
    // of markup and prose, ordinary words: lines where digits stand inside, beside and between names.
    const pieces = ['Hoe', 'ryong', 'Heoryong', 'Park', 'Young', 'hee', 'Choe', 'Sun', 'hui', '회', '령', '박영희', 'H', 'o', 'e', 'r', 'y', 'n', 'g', 'she', 'went', '그리고'];
    const digits = ['1', '7', '42', '2024', '000123456'];
    const separators = [' ', ' ', '-', '.', '"', '="', '<', '/>', '\u200b', ', ', '\n', ' \n'];
    let seed = 5;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
    let heardSomething = 0;
    let withDigitsAgainstNames = 0;
    for (let round = 0; round < 6_000; round += 1) {
      const line = Array.from({ length: 2 + Math.floor(next() * 9) }, () => {
        const roll = next();
        return roll < 0.5 ? pick(pieces) : roll < 0.75 ? pick(separators) : pick(digits);
      }).join('');
      const heard = heardIn(line);
      const inStretches = [...new Set(line.split(HEARING_BREAKS).flatMap(heardIn))].sort();
      expect(inStretches, JSON.stringify(line)).toEqual([...new Set(heard)].sort());
      if (heard.length > 0) heardSomething += 1;
      if (/\d[\p{L}]|[\p{L}]\d/u.test(line) && heard.length > 0) withDigitsAgainstNames += 1;
    }
    // The lines exercise what the claim is about: names heard, digits standing right against letters.
    expect(heardSomething).toBeGreaterThan(300);
    expect(withDigitsAgainstNames).toBeGreaterThan(50);
  });

  it('breaks at line breaks and ASCII digits only, and still hears a name with digits pressed against it', () => {
    expect('<TIME_SLOT TIME_SLOT_ID="ts2467" TIME_VALUE="8812340"/> 회령 ٣٤ １２\n다음'.split(HEARING_BREAKS)).toEqual(['<TIME_SLOT TIME_SLOT_ID="ts', '" TIME_VALUE="', '"/> 회령 ٣٤ １２', '다음']);
    expect(heardIn('ts12Heoryong34')).toEqual(['3:Heoryong']);
  });
});
