import { describe, expect, it } from 'vitest';
import { newInterview, newSegment } from '../../../shared/interview';
import { patientJson } from './patient-json';

async function collect(value: unknown): Promise<string> {
  const pieces: Uint8Array[] = [];
  for await (const piece of patientJson(value)) pieces.push(piece);
  return Buffer.concat(pieces).toString('utf8');
}

describe('JSON made a little at a time', () => {
  it('is byte for byte what JSON.stringify(value, null, 1) writes, for a whole interview', async () => {
    const interview = newInterview('int-patient', '장마당 — Market days', '2026-01-01T00:00:00Z');
    interview.segments = Array.from({ length: 2_000 }, (_, index) =>
      newSegment({ id: `seg-${index}`, start: index, end: index + 0.9, source: `장마당에서 ${index}번째 "이야기"\n둘째 줄`, translation: index % 7 ? `At the market, story ${index}` : '' }),
    );
    expect(await collect(interview)).toBe(JSON.stringify(interview, null, 1));
  });

  it('agrees on the edges: empty and short arrays and objects, undefined and nested values, long arrays in long arrays', async () => {
    const long = (length: number, make: (index: number) => unknown) => Array.from({ length }, (_, index) => make(index));
    const samples: unknown[] = [
      {},
      [],
      { a: [], b: {}, c: undefined, d: null, e: '줄\n바꿈 "따옴표"', f: 1.5, g: [1, { h: [] }] },
      long(100, (index) => (index % 3 === 0 ? undefined : { n: index, list: long(70, (inner) => [inner, { deep: inner % 2 ? 'x' : undefined }]) })),
      { segments: long(65, () => ({})), last: true },
      'just a string',
      42,
    ];
    for (const sample of samples) expect(await collect(sample)).toBe(JSON.stringify(sample, null, 1));
  });
});
