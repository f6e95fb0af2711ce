// The review of names nobody listed, measured on a labelled corpus (shared/redaction/test-support/names-corpus.ts):
// how many of the names it finds (recall), and how often it stops at an ordinary word (false
// alarms per 1,000 words of ordinary interview text). Both figures are printed.
import { describe, expect, it } from 'vitest';
import { loadVocabulary } from './vocabulary';
import { findUnlistedNames } from '../../../shared/redaction/unlisted-names';
import { namedSentences, ORDINARY_SENTENCES } from '../../../shared/redaction/test-support/names-corpus';

const vocabulary = loadVocabulary();
const letters = (text: string) => text.normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/** Found when the review lists the name, or a part of it of two syllables or more (the given name of a full name). */
function isFound(name: string, listed: string[]): boolean {
  const wanted = letters(name);
  return listed.some((candidate) => {
    const found = letters(candidate);
    return found === wanted || (found.length >= 2 && wanted.includes(found) && (/[^a-z0-9]/.test(found) || found.length >= 4)) || found.includes(wanted);
  });
}

describe('the names review on a labelled corpus', () => {
  const named = namedSentences();
  const words = ORDINARY_SENTENCES.join(' ').split(/\s+/).filter(Boolean).length;

  it('has at least 300 sentences in Korean and English', () => {
    expect(named.length + ORDINARY_SENTENCES.length).toBeGreaterThanOrEqual(300);
    expect(named.filter(({ text }) => /[가-힣]/.test(text)).length).toBeGreaterThan(50);
    expect(named.filter(({ text }) => !/[가-힣一-鿿]/.test(text)).length).toBeGreaterThan(50);
  });

  it('finds at least 95 % of the names, and stops at no more than one ordinary word per 1,000', () => {
    const missed = named.filter(({ text, name }) => !isFound(name, findUnlistedNames(text, { known: [], vocabulary }).map((found) => found.name)));
    const alarms = ORDINARY_SENTENCES.flatMap((text) => findUnlistedNames(text, { known: [], vocabulary }).map((found) => `${found.name} (in “${text}”)`));
    const recall = 1 - missed.length / named.length;
    const perThousand = (alarms.length / words) * 1000;
    console.warn(
      `names review: recall ${(recall * 100).toFixed(1)} % (${named.length - missed.length} of ${named.length} names; goal ≥ 95 %), ` +
        `false alarms ${perThousand.toFixed(2)} per 1,000 words (${alarms.length} in ${words} words; goal ≤ 1)`,
    );
    expect(missed.map(({ text }) => text)).toEqual(missed.length / named.length <= 0.05 ? expect.anything() : []);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(alarms).toEqual(perThousand <= 1 ? expect.anything() : []);
    expect(perThousand).toBeLessThanOrEqual(1);
  });
});
