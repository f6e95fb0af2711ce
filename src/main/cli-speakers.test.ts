// `testimony speakers` on a conversation in two espeak-ng voices: speakers written into the
// interview, new ones named; nothing left to give with --only-unassigned; a bad count refused.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newInterview } from '../shared/interview';
import { runSpeakers } from './cli-speakers';
import { Library } from './services/library';
import { hasEspeak } from './services/media/test-support/spoken-recording';
import { conversation } from './services/speech/test-support/conversation';
import { builtWorkerEntry } from './services/speech/test-support/speech-test-support';

describe.skipIf(!hasEspeak)('testimony speakers', () => {
  it('writes them into the interview (new speakers named), and only the unassigned when asked', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'speakers-cli-'));
    const turns = await conversation(folder, 'cli', ['en+m3', 'en+f4'], (turn) => turn % 2);
    const dataDir = join(folder, 'library');
    const library = await Library.open(dataDir);
    const made = { ...newInterview('int-cli', 'Speakers', '2026-01-01T00:00:00Z'), segments: turns.segments, recording: { fileName: 'recording.wav', mimeType: 'audio/wav', durationSeconds: turns.segments.at(-1)!.end + 0.4 } };
    const id = (await library.addCopy(made, turns.path)).id;
    const output = { out: [] as string[], err: [] as string[] };
    const io = { out: (line: string) => output.out.push(line), err: (line: string) => output.err.push(line) };
    expect(await runSpeakers(['--data-dir', dataDir, '--interview', id], io, 'usage', builtWorkerEntry())).toBe(0);
    expect(output.out).toEqual(['16']);
    expect(output.err.at(-1)).toMatch(/^2 voices told apart; 16 of 16 segments given a speaker \(new: Speaker 1, Speaker 2\)/);
    const saved = await (await Library.open(dataDir)).get(id);
    expect(saved.speakers.map((speaker) => speaker.name)).toEqual(['Speaker 1', 'Speaker 2']);
    const right = saved.segments.filter((segment, index) => segment.speakerId === saved.speakers[index % 2]!.id).length;
    expect(right).toBeGreaterThanOrEqual(15);
    // Again with --only-unassigned: nothing left to give.
    expect(await runSpeakers(['--data-dir', dataDir, '--interview', id, '--only-unassigned'], io, 'usage', builtWorkerEntry())).toBe(0);
    expect(output.out.at(-1)).toBe('0');
    expect(await runSpeakers(['--data-dir', dataDir, '--interview', id, '--speakers', 'two'], io, 'usage', builtWorkerEntry())).toBe(2);
  }, 120_000);
});
