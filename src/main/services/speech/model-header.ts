// Reads what a whisper.cpp model file says about itself without loading it: the header
// (magic, hyper-parameters), the mel filters and vocabulary it carries, and every tensor's
// header, whose sizes must add up to the file's length. A damaged, truncated, English-only or
// foreign file is refused here with a sentence the user can act on, before any engine sees it.
import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SpeechModelInfo } from '../../../shared/speech';
import { DeskError } from '../desk-error';

const GGML_MAGIC = 0x67676d6c;
/** Multilingual Whisper vocabularies: 51,865 (v1–v2, turbo uses 51,866 like large-v3). */
const MULTILINGUAL_VOCABULARY = 51_865;
/** ggml's stored quantisation: "ftype" carries a version × 1000 on top of the type. */
const QUANTIZATION_VERSION_FACTOR = 1000;
const quantizationNames: Record<number, string> = { 0: 'f32', 1: 'f16', 2: 'q4_0', 3: 'q4_1', 7: 'q8_0', 8: 'q5_0', 9: 'q5_1' };
/** Bytes per block and values per block of each ggml tensor type a Whisper model may use. */
const tensorTypes: Record<number, { bytes: number; values: number }> = {
  0: { bytes: 4, values: 1 },
  1: { bytes: 2, values: 1 },
  2: { bytes: 18, values: 32 },
  3: { bytes: 20, values: 32 },
  6: { bytes: 22, values: 32 },
  7: { bytes: 24, values: 32 },
  8: { bytes: 34, values: 32 },
  10: { bytes: 84, values: 256 },
  11: { bytes: 110, values: 256 },
  12: { bytes: 144, values: 256 },
  13: { bytes: 176, values: 256 },
  14: { bytes: 210, values: 256 },
  30: { bytes: 2, values: 1 },
};
const MAX_TENSORS = 10_000;

/** Reads a file front to back through a small buffer; skipping costs nothing. */
class FileCursor {
  private buffer = Buffer.alloc(0);
  private bufferStart = 0;
  position = 0;

  constructor(
    private readonly file: FileHandle,
    readonly size: number,
  ) {}

  async bytes(count: number): Promise<Buffer> {
    if (count < 0 || this.position + count > this.size) throw new Truncated();
    const offset = this.position - this.bufferStart;
    if (offset < 0 || offset + count > this.buffer.length) {
      const length = Math.max(count, 64 * 1024);
      const fresh = Buffer.alloc(Math.min(length, this.size - this.position));
      await this.file.read(fresh, 0, fresh.length, this.position);
      this.buffer = fresh;
      this.bufferStart = this.position;
    }
    const start = this.position - this.bufferStart;
    this.position += count;
    return this.buffer.subarray(start, start + count);
  }

  async int32(): Promise<number> {
    return (await this.bytes(4)).readInt32LE(0);
  }

  skip(count: number): void {
    if (count < 0 || this.position + count > this.size) throw new Truncated();
    this.position += count;
  }
}

class Truncated extends Error {}

/** Whisper's published sizes, recognised from their layer counts and width. */
function familyOf(audioLayers: number, textLayers: number, state: number): string {
  if (audioLayers === 32 && textLayers === 4) return 'large-v3-turbo';
  if (textLayers === 2) return 'distil';
  const known: Record<number, string> = { 384: 'tiny', 512: 'base', 768: 'small', 1024: 'medium', 1280: 'large' };
  return known[state] ?? 'custom';
}

export async function readSpeechModelInfo(path: string): Promise<SpeechModelInfo> {
  const fileName = basename(path);
  const notAModel = () => new DeskError('invalid-input', `${fileName} is not a whisper.cpp model (ggml-*.bin). Models in other formats (PyTorch .pt, safetensors, ONNX, GGUF) cannot be used.`);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw notAModel();
    size = info.size;
  } catch (error) {
    if (error instanceof DeskError) throw error;
    throw new DeskError('not-found', `${fileName} could not be read. Is the drive it is on still connected?`);
  }
  const file = await open(path, 'r');
  try {
    const cursor = new FileCursor(file, size);
    if (size < 48 || (await cursor.int32()) !== GGML_MAGIC) throw notAModel();
    const vocabulary = await cursor.int32();
    const [audioContext, audioState, audioHeads, audioLayers] = [await cursor.int32(), await cursor.int32(), await cursor.int32(), await cursor.int32()];
    const [textContext, textState, textHeads, textLayers] = [await cursor.int32(), await cursor.int32(), await cursor.int32(), await cursor.int32()];
    const mels = await cursor.int32();
    const ftype = await cursor.int32();
    const plausible = [audioContext, audioState, audioHeads, audioLayers, textContext, textState, textHeads, textLayers, mels].every((value) => value > 0 && value < 100_000);
    if (!plausible || vocabulary < 1000 || vocabulary > 1_000_000) throw notAModel();
    const melCount = await cursor.int32();
    const fftBins = await cursor.int32();
    if (melCount !== mels || fftBins <= 0 || fftBins > 10_000) throw notAModel();
    cursor.skip(melCount * fftBins * 4);
    const storedTokens = await cursor.int32();
    if (storedTokens <= 0 || storedTokens > vocabulary) throw notAModel();
    for (let token = 0; token < storedTokens; token += 1) {
      const length = await cursor.int32();
      if (length < 0 || length > 1024) throw notAModel();
      cursor.skip(length);
    }
    let tensors = 0;
    while (cursor.position < size) {
      const [dimensions, nameLength, type] = [await cursor.int32(), await cursor.int32(), await cursor.int32()];
      const layout = tensorTypes[type];
      if (dimensions < 1 || dimensions > 4 || nameLength < 1 || nameLength > 256 || !layout) throw damaged(fileName);
      let values = 1;
      for (let index = 0; index < dimensions; index += 1) values *= await cursor.int32();
      cursor.skip(nameLength);
      cursor.skip(Math.ceil(values / layout.values) * layout.bytes);
      tensors += 1;
      if (tensors > MAX_TENSORS) throw damaged(fileName);
    }
    if (tensors === 0) throw new Truncated();
    const multilingual = vocabulary >= MULTILINGUAL_VOCABULARY;
    return {
      path,
      fileName,
      bytes: size,
      family: familyOf(audioLayers, textLayers, audioState),
      vocabulary,
      multilingual,
      koreanCapable: multilingual,
      audioLayers,
      textLayers,
      mels,
      quantization: quantizationNames[ftype % QUANTIZATION_VERSION_FACTOR] ?? `type ${ftype % QUANTIZATION_VERSION_FACTOR}`,
    };
  } catch (error) {
    if (error instanceof Truncated) {
      throw new DeskError('invalid-input', `${fileName} is cut short (${formatMegabytes(size)}): the download or copy did not finish. Copy the model again.`);
    }
    throw error;
  } finally {
    await file.close();
  }
}

function damaged(fileName: string): DeskError {
  return new DeskError('invalid-input', `${fileName} is damaged: its contents do not follow the whisper.cpp model layout. Copy the model again.`);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Refuses a model that cannot transcribe Korean, with the reason; returns it otherwise. */
export async function readKoreanCapableModel(path: string): Promise<SpeechModelInfo> {
  const info = await readSpeechModelInfo(path);
  if (!info.koreanCapable) {
    throw new DeskError('invalid-input', `${info.fileName} is an English-only model (its name usually ends in .en): it cannot transcribe Korean. Choose a multilingual model such as ggml-large-v3-turbo.bin.`);
  }
  return info;
}
