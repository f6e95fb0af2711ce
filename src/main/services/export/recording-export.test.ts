// A recording safe to publish, checked on a recording built from known pieces: espeak-ng speaks
// each piece, and the listed name is its own piece, so where the name is spoken is known to the
// sample. The published file is decoded again and compared with the original by RMS per 10 ms:
// silent (or the tone) over every confirmed stretch, unchanged elsewhere, as long as the original.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyConsent, newSegment, type Interview } from '../../../shared/interview';
import { redactionTerms } from '../../../shared/redaction';
import { nameOccurrences, withDecision } from '../../../shared/spoken-names';
import { createHandlers } from '../handlers';
import { LibrarySession } from '../library-session';
import { decoded as decodedAt, hasEspeak, laidEndToEnd, spoken as speak } from '../media/test-support/spoken-recording';
import { isAgeEncrypted } from '../storage/encryption/library-cipher';
import { LibraryLock } from '../storage/library-lock';

const resourcesDir = resolve(__dirname, '../../../../resources');
const RATE = 48_000;
const spoken = (text: string, voice: string, folder: string) => speak(text, voice, folder, RATE);
const decoded = (path: string) => decodedAt(path, RATE);

const rms = (samples: Float32Array, from: number, to: number) => {
  let sum = 0;
  for (let index = from; index < to; index += 1) sum += samples[index]! ** 2;
  return Math.sqrt(sum / Math.max(1, to - from));
};

/** RMS per 10 ms window. */
const windows = (samples: Float32Array) => Array.from({ length: Math.floor(samples.length / (RATE / 100)) }, (_, index) => rms(samples, (index * RATE) / 100, ((index + 1) * RATE) / 100));

/** How many samples later `published` plays the same sound (cross-correlation within ±10 ms). */
function codecDelay(original: Float32Array, published: Float32Array): number {
  let best = -Infinity;
  let bestLag = 0;
  for (let lag = -RATE / 100; lag <= RATE / 100; lag += 1) {
    let sum = 0;
    for (let index = RATE; index < Math.min(original.length, published.length) - RATE; index += 5) sum += original[index]! * (published[index + lag] ?? 0);
    if (sum > best) [best, bestLag] = [sum, lag];
  }
  return bestLag;
}

type Built = { wav: string; samples: Float32Array; name: { start: number; end: number }; withdrawn: { start: number; end: number }; segments: Interview['segments'] };

/** Three segments; the second says the listed place, spoken as its own piece; the third is withdrawn. */
async function buildRecording(folder: string): Promise<Built> {
  const gap = new Float32Array(RATE / 2);
  const pieces = [gap, await spoken('We lived near the river.', 'en', folder), gap, await spoken('My home town was', 'en-us', folder), await spoken('Hoeryong', 'en-us', folder), await spoken('in the north.', 'en-us', folder), gap, await spoken('Then my aunt came.', 'en', folder), gap];
  const wav = join(folder, 'interview.wav');
  const { samples, spans } = await laidEndToEnd(pieces, RATE, wav);
  const seconds = (piece: number) => spans[piece]!.start;
  const segments = [
    newSegment({ id: 'seg-1', start: seconds(1), end: seconds(2), source: 'We lived near the river.' }),
    newSegment({ id: 'seg-2', start: seconds(3), end: seconds(6), source: 'My home town was Hoeryong in the north.' }),
    newSegment({ id: 'seg-3', start: seconds(7), end: seconds(8), source: 'Then my aunt came.', narratorAnswer: 'withdraw' }),
  ];
  return { wav, samples, name: { start: seconds(4), end: seconds(5) }, withdrawn: { start: seconds(7), end: seconds(8) }, segments };
}

async function openDesk(dataDir: string, recording: string, exportTo: string, encrypted: boolean) {
  const lock = await LibraryLock.acquire(dataDir, 'recording test');
  const session = new LibrarySession({ dataDir, resourcesDir, lock, keyring: { scryptLogN: 10 }, createIfNew: encrypted ? undefined : 'plain' });
  const handlers = await createHandlers({ session, dataDir, resourcesDir, version: 'test', mediaBaseUrl: 'x/', chooseExportPath: async () => exportTo, chooseRecording: async () => recording });
  if (encrypted) await handlers['library.setup']({ mode: 'encrypted', passphrase: 'long enough passphrase' });
  return { handlers, close: async () => (await session.close(), await lock.release()) };
}

/** An interview with the built recording, its segments, the place listed and consent to the audio. */
async function interviewWithRecording(handlers: Awaited<ReturnType<typeof openDesk>>['handlers'], built: Built): Promise<Interview> {
  const created = await handlers['interview.create']({ title: 'Spoken names' });
  const imported = await handlers['media.import']({ id: created.id, confirmed: false });
  if (!imported.imported) throw new Error('the recording was not imported');
  const interview: Interview = {
    ...imported.interview,
    segments: built.segments,
    redactions: [{ id: 'red-1', kind: 'place', korean: ['회령'], english: ['Hoeryong'], rejected: [], replacementKo: '[도시]', replacementEn: 'a border city', reason: '' }],
    consent: { ...emptyConsent(), given: { date: '2026-11-30', how: 'written', takenBy: 'Mina' }, scope: ['text', 'translation', 'article', 'audio'] },
  };
  await handlers['interview.save']({ interview });
  return interview;
}

describe.skipIf(!hasEspeak)('the published recording (espeak-ng speaks the pieces)', () => {
  let folder: string;
  let built: Built;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'published-'));
    built = await buildRecording(folder);
  }, 60_000);

  it('is refused while the spoken name is undecided; confirmed, it is silent there, unchanged elsewhere and as long as the original', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'published-lib-'));
    const target = join(folder, 'published.ogg');
    const desk = await openDesk(dataDir, built.wav, target, false);
    try {
      let interview = await interviewWithRecording(desk.handlers, built);
      const [occurrence, ...others] = nameOccurrences(interview, redactionTerms(interview));
      expect(others).toEqual([]);
      // The proposal (by the name's place among the segment's letters) lies over the spoken name.
      expect(occurrence!.proposed.start).toBeLessThan(built.name.end);
      expect(occurrence!.proposed.end).toBeGreaterThan(built.name.start);
      await expect(desk.handlers['recording.publish']({ id: interview.id, choices: { cover: 'silence', pitchSemitones: 0 } })).rejects.toMatchObject({ code: 'leak', message: expect.stringMatching(/1 spoken name is not yet confirmed or waived \(segment 2\)/) });

      // The transcriber listened and confirmed where the name is.
      interview = withDecision(interview, occurrence!, { state: 'confirmed', ...built.name }, () => 'spn-1');
      await desk.handlers['interview.save']({ interview });
      const result = await desk.handlers['recording.publish']({ id: interview.id, choices: { cover: 'silence', pitchSemitones: 0 } });
      expect(result).toMatchObject({ saved: true, fileName: 'published.ogg', covered: 2 });
      expect((await readFile(target)).subarray(0, 4).toString('latin1')).toBe('OggS');

      const published = await decoded(target);
      expect(Math.abs(published.length - built.samples.length) / RATE).toBeLessThan(0.03);
      // The codec's own delay (a few milliseconds) is no change to the content: compared aligned.
      const lag = codecDelay(built.samples, published);
      expect(Math.abs(lag) / RATE).toBeLessThan(0.01);
      const [before, after] = [windows(built.samples), windows(published.subarray(Math.max(0, lag)))];
      const inside = (window: number, stretch: { start: number; end: number }, margin: number) => window / 100 >= stretch.start - margin && (window + 1) / 100 <= stretch.end + margin;
      const differences: number[] = [];
      before.forEach((original, window) => {
        if (inside(window, built.name, 0) || inside(window, built.withdrawn, 0)) {
          expect(after[window], `window ${window} (silenced)`).toBeLessThan(0.002);
        } else if (!inside(window, built.name, 0.05) && !inside(window, built.withdrawn, 0.05) && original > 0.02) {
          differences.push(Math.abs(after[window]! - original) / original);
        }
      });
      // Opus is lossy and smears a word's first milliseconds: per 10 ms the level stays within a
      // quarter of the original's in nearly every window, and within a tenth at the median.
      differences.sort((a, b) => a - b);
      expect(differences.length).toBeGreaterThan(100);
      expect(differences[Math.floor(differences.length / 2)]).toBeLessThan(0.1);
      expect(differences[Math.floor(differences.length * 0.95)]).toBeLessThan(0.25);
      // The name's piece was loud in the original: what is silent now was speech.
      expect(rms(built.samples, Math.ceil(built.name.start * RATE), Math.floor(built.name.end * RATE))).toBeGreaterThan(0.05);
    } finally {
      await desk.close();
    }
  }, 120_000);

  it('covers with a tone as MP3 when asked, and waived names need no stretch', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'published-lib-'));
    const target = join(folder, 'toned.mp3');
    const desk = await openDesk(dataDir, built.wav, target, false);
    try {
      let interview = await interviewWithRecording(desk.handlers, built);
      // A second listed word, in segment 1: the transcriber hears it is not said aloud there and waives it.
      interview = { ...interview, redactions: [...interview.redactions, { id: 'red-2', kind: 'other', korean: [], english: ['river'], rejected: [], replacementKo: '[강]', replacementEn: 'a river', reason: '' }] };
      const [river, hoeryong] = nameOccurrences(interview, redactionTerms(interview));
      expect([river!.segmentNumber, hoeryong!.segmentNumber]).toEqual([1, 2]);
      interview = withDecision(interview, hoeryong!, { state: 'confirmed', ...built.name }, () => 'spn-1');
      interview = withDecision(interview, river!, { state: 'waived', ...river!.proposed }, () => 'spn-2');
      await desk.handlers['interview.save']({ interview });
      const result = await desk.handlers['recording.publish']({ id: interview.id, choices: { cover: 'tone', pitchSemitones: 0 } });
      expect(result).toMatchObject({ saved: true, fileName: 'toned.mp3' });
      const published = await decoded(target);
      const middle = [Math.ceil((built.name.start + 0.05) * RATE), Math.floor((built.name.end - 0.05) * RATE)] as const;
      expect(rms(published, ...middle)).toBeGreaterThan(0.06);
      expect(rms(published, ...middle)).toBeLessThan(0.08); // the tone's level, 0.1 peak
      // The waived word's segment is heard as it was.
      const first = built.segments[0]!;
      const [original, kept] = [rms(built.samples, Math.floor(first.start * RATE), Math.floor(first.end * RATE)), rms(published, Math.floor(first.start * RATE), Math.floor(first.end * RATE))];
      expect(Math.abs(kept - original) / original).toBeLessThan(0.2);
    } finally {
      await desk.close();
    }
  }, 120_000);

  it('from an encrypted library, disguised: no plain audio left in the library, silent over the name', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'published-enc-'));
    const target = join(folder, 'disguised.ogg');
    const desk = await openDesk(dataDir, built.wav, target, true);
    try {
      let interview = await interviewWithRecording(desk.handlers, built);
      const [occurrence] = nameOccurrences(interview, redactionTerms(interview));
      interview = withDecision(interview, occurrence!, { state: 'confirmed', ...built.name }, () => 'spn-1');
      await desk.handlers['interview.save']({ interview });
      expect(await desk.handlers['recording.publish']({ id: interview.id, choices: { cover: 'silence', pitchSemitones: 3 } })).toMatchObject({ saved: true });
      const published = await decoded(target);
      expect(Math.abs(published.length - built.samples.length) / RATE).toBeLessThan(0.05);
      // The disguise runs after the name is silenced: its window smears the next word's first
      // milliseconds into the silence's edge (measured ~20 ms), never the name itself.
      expect(rms(published, Math.ceil((built.name.start + 0.03) * RATE), Math.floor((built.name.end - 0.03) * RATE))).toBeLessThan(0.002);
      // Disguised: still speech outside the name, but not the original's samples.
      expect(rms(published, Math.floor(built.segments[0]!.start * RATE), Math.floor(built.segments[0]!.end * RATE))).toBeGreaterThan(0.02);
      // Every file the library holds is age-encrypted (no plain recording, no temp file left).
      const files = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() && !['library.lock', 'keyring.json', 'library.json'].includes(entry.name));
      for (const entry of files) {
        const path = join(entry.parentPath, entry.name);
        if (/\.(ogg|wav|mp3|peaks|json)$/.test(entry.name)) expect(isAgeEncrypted(await readFile(path)), path).toBe(true);
      }
      expect(files.some((entry) => /\.tmp$/.test(entry.name))).toBe(false);
    } finally {
      await desk.close();
    }
  }, 120_000);
});
