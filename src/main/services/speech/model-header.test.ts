import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readKoreanCapableModel, readSpeechModelInfo } from './model-header';
import { makeModel } from './test-support/speech-test-support';

describe('speech model files', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'models-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('reads a multilingual model: vocabulary, layers, precision, Korean', async () => {
    const path = await makeModel(directory, 'ggml-random.bin', { textLayers: 3, audioLayers: 2 });
    const info = await readKoreanCapableModel(path);
    expect(info).toMatchObject({ fileName: 'ggml-random.bin', vocabulary: 51_865, multilingual: true, koreanCapable: true, audioLayers: 2, textLayers: 3, mels: 80, quantization: 'f16', family: 'custom' });
    expect(info.bytes).toBeGreaterThan(1_000_000);
  });

  it('refuses an English-only model, saying why and what to use instead', async () => {
    const path = await makeModel(directory, 'ggml-random.en.bin', { vocabulary: 51_864 });
    expect((await readSpeechModelInfo(path)).koreanCapable).toBe(false);
    await expect(readKoreanCapableModel(path)).rejects.toThrow(/English-only model.*cannot transcribe Korean/);
  });

  it('refuses a truncated copy', async () => {
    const path = await makeModel(directory, 'ggml-cut.bin');
    await truncate(path, 1_500_000);
    await expect(readSpeechModelInfo(path)).rejects.toThrow(/ggml-cut.bin is cut short \(1\.4 MB\)/);
  });

  it('refuses a file that is not a model, and one whose tensors are garbage', async () => {
    const text = join(directory, 'notes.bin');
    await writeFile(text, 'This is not a model at all, just some text that someone renamed.');
    await expect(readSpeechModelInfo(text)).rejects.toThrow(/notes.bin is not a whisper.cpp model/);
    await expect(readSpeechModelInfo(join(directory, 'missing.bin'))).rejects.toThrow(/could not be read/);
    const damaged = join(directory, 'ggml-damaged.bin');
    const bytes = await readFile(await makeModel(directory, 'ggml-source.bin'));
    // Overwrite the first tensor header (just after the vocabulary) with noise.
    const tensors = bytes.indexOf(Buffer.from('encoder.positional_embedding'));
    bytes.fill(0x7f, tensors - 24, tensors);
    await writeFile(damaged, bytes);
    await expect(readSpeechModelInfo(damaged)).rejects.toThrow(/ggml-damaged.bin is damaged/);
  });
});
