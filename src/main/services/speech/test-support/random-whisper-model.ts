// Writes a Whisper model with random weights in whisper.cpp's real ggml layout (the one
// models/convert-pt-to-ggml.py writes: magic, hyper-parameters, mel filters, vocabulary, then
// named tensors). It exists for tests and benchmarks: no real weights are reachable on the
// machines that run them, and a blob in the repository would hide what the file holds. The text
// it transcribes is meaningless; its timestamps, progress and failure modes are the real ones.
import { open } from 'node:fs/promises';

export type RandomModelShape = {
  /** 51,865 = the multilingual vocabulary (Korean capable); 51,864 reads as English-only. */
  vocabulary: number;
  /** 1 or 3: whisper.cpp reads 2 decoder layers as a distilled model and decodes differently. */
  textLayers: number;
  audioLayers: number;
  state: number;
  heads: number;
  mels: number;
  /**
   * Store every tensor in float32 (ftype 0). The file is well-formed and loads, but whisper.cpp's
   * CPU convolution accepts only float16 kernels and aborts the process on the first audio: a
   * real engine crash, for the tests that check a dying worker is reported and nothing hangs.
   */
  allFloat32?: boolean;
};

export const TINY_MULTILINGUAL: RandomModelShape = { vocabulary: 51_865, textLayers: 1, audioLayers: 1, state: 16, heads: 2, mels: 80 };

const GGML_MAGIC = 0x67676d6c;
const AUDIO_CONTEXT = 1500; // 30 s of audio at whisper's 20 ms encoder frames: fixed by the format
const TEXT_CONTEXT = 448;
const FFT_BINS = 201;
const BASE_TOKENS = 50_257; // the tokens stored in the file; whisper.cpp adds the special ones

/** A deterministic pseudo-random source, so two runs write the same model. */
function randomFloats(count: number, seed: { value: number }, scale: number): Float32Array {
  const values = new Float32Array(count);
  let state = seed.value;
  for (let i = 0; i < count; i += 1) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    values[i] = (state / 0x1_0000_0000 - 0.5) * 2 * scale;
  }
  seed.value = state;
  return values;
}

/**
 * Token texts: ASCII characters first (so the plain " " token exists, which whisper.cpp looks
 * up), then Hangul syllables and pairs of them, so whatever the random decoder emits is valid UTF-8.
 */
function tokenTexts(): Buffer[] {
  const tokens: Buffer[] = [];
  for (let code = 0; code < 128; code += 1) tokens.push(Buffer.from([code]));
  for (let index = 0; tokens.length < BASE_TOKENS; index += 1) {
    const first = String.fromCharCode(0xac00 + (index % 11_172));
    const text = index < 11_172 ? first : first + String.fromCharCode(0xac00 + Math.floor(index / 11_172) * 7);
    tokens.push(Buffer.from(text, 'utf8'));
  }
  return tokens;
}

/** Tensor names and shapes (innermost dimension first, as ggml stores them) of a Whisper model. */
function tensorShapes(shape: RandomModelShape): [string, number[]][] {
  const n = shape.state;
  const tensors: [string, number[]][] = [
    ['encoder.positional_embedding', [n, AUDIO_CONTEXT]],
    ['encoder.conv1.weight', [3, shape.mels, n]],
    ['encoder.conv1.bias', [1, n]],
    ['encoder.conv2.weight', [3, n, n]],
    ['encoder.conv2.bias', [1, n]],
    ['encoder.ln_post.weight', [n]],
    ['encoder.ln_post.bias', [n]],
    ['decoder.positional_embedding', [n, TEXT_CONTEXT]],
    ['decoder.token_embedding.weight', [n, shape.vocabulary]],
    ['decoder.ln.weight', [n]],
    ['decoder.ln.bias', [n]],
  ];
  const attention = (prefix: string) => {
    tensors.push([`${prefix}.query.weight`, [n, n]], [`${prefix}.query.bias`, [n]], [`${prefix}.key.weight`, [n, n]]);
    tensors.push([`${prefix}.value.weight`, [n, n]], [`${prefix}.value.bias`, [n]], [`${prefix}.out.weight`, [n, n]], [`${prefix}.out.bias`, [n]]);
  };
  const block = (prefix: string, cross: boolean) => {
    tensors.push([`${prefix}.mlp_ln.weight`, [n]], [`${prefix}.mlp_ln.bias`, [n]]);
    tensors.push([`${prefix}.mlp.0.weight`, [n, 4 * n]], [`${prefix}.mlp.0.bias`, [4 * n]], [`${prefix}.mlp.2.weight`, [4 * n, n]], [`${prefix}.mlp.2.bias`, [n]]);
    tensors.push([`${prefix}.attn_ln.weight`, [n]], [`${prefix}.attn_ln.bias`, [n]]);
    attention(`${prefix}.attn`);
    if (cross) {
      tensors.push([`${prefix}.cross_attn_ln.weight`, [n]], [`${prefix}.cross_attn_ln.bias`, [n]]);
      attention(`${prefix}.cross_attn`);
    }
  };
  for (let layer = 0; layer < shape.audioLayers; layer += 1) block(`encoder.blocks.${layer}`, false);
  for (let layer = 0; layer < shape.textLayers; layer += 1) block(`decoder.blocks.${layer}`, true);
  return tensors;
}

/** IEEE half precision, round-to-nearest: what convert-pt-to-ggml.py stores for 2-D weights. */
function toHalfFloats(values: Float32Array): Uint16Array {
  const halves = new Uint16Array(values.length);
  const view = new DataView(new ArrayBuffer(4));
  values.forEach((value, i) => {
    view.setFloat32(0, value);
    const bits = view.getUint32(0);
    const sign = (bits >>> 16) & 0x8000;
    const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
    const mantissa = bits & 0x7fffff;
    if (exponent <= 0) halves[i] = sign; // too small for a half: zero (the weights are random anyway)
    else if (exponent >= 31) halves[i] = sign | 0x7c00;
    else halves[i] = sign | (exponent << 10) | Math.min(0x3ff, Math.round(mantissa / 0x2000));
  });
  return halves;
}

/** Which tensors the converter keeps in float32 even in a float16 model. */
function staysFloat32(name: string, dims: number[], shape: RandomModelShape): boolean {
  if (shape.allFloat32) return true;
  return dims.length < 2 || name.endsWith('conv1.bias') || name.endsWith('conv2.bias') || name.endsWith('positional_embedding');
}

function int32s(...values: number[]): Buffer {
  const buffer = Buffer.alloc(values.length * 4);
  values.forEach((value, index) => buffer.writeInt32LE(value, index * 4));
  return buffer;
}

/** Writes the model to `path` (float16 weights, ftype 1, as the converter does) and returns its size in bytes. */
export async function writeRandomWhisperModel(path: string, shape: RandomModelShape = TINY_MULTILINGUAL): Promise<number> {
  const file = await open(path, 'w');
  let bytes = 0;
  const write = async (buffer: Buffer | Uint8Array) => {
    await file.write(buffer);
    bytes += buffer.byteLength;
  };
  const seed = { value: 20_261_127 };
  try {
    const n = shape.state;
    await write(int32s(GGML_MAGIC, shape.vocabulary, AUDIO_CONTEXT, n, shape.heads, shape.audioLayers, TEXT_CONTEXT, n, shape.heads, shape.textLayers, shape.mels, shape.allFloat32 ? 0 : 1));
    await write(int32s(shape.mels, FFT_BINS));
    await write(new Uint8Array(randomFloats(shape.mels * FFT_BINS, seed, 0.5).map(Math.abs).buffer));
    const tokens = tokenTexts();
    await write(int32s(tokens.length));
    await write(Buffer.concat(tokens.flatMap((token) => [int32s(token.length), token])));
    for (const [name, dims] of tensorShapes(shape)) {
      const nameBytes = Buffer.from(name, 'utf8');
      const float32 = staysFloat32(name, dims, shape);
      await write(Buffer.concat([int32s(dims.length, nameBytes.length, float32 ? 0 : 1), int32s(...dims), nameBytes]));
      const count = dims.reduce((product, dim) => product * dim, 1);
      const isNorm = /(_ln|\.ln|ln_post)\.weight$/.test(name);
      const values = isNorm ? new Float32Array(count).fill(1) : randomFloats(count, seed, 0.2);
      await write(new Uint8Array(float32 ? values.buffer : toHalfFloats(values).buffer));
    }
  } finally {
    await file.close();
  }
  return bytes;
}
