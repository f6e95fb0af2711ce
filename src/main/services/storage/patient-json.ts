// JSON.stringify(value, null, 1), byte for byte, made a few milliseconds at a time: a
// 10,000-segment interview takes ~20-60 ms to stringify and as long again to encode as UTF-8, and
// done in one go that stalls the main process (the window waits for every answer meanwhile).
// Large arrays are written item by item, and the event loop runs between pieces.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Arrays longer than this are written item by item; anything smaller in one JSON.stringify. */
const EXPAND_OVER = 64;
/** Bytes gathered before they are handed on, and how long the loop is held before a pause. */
const PIECE_CHARS = 64 * 1024;
const HOLD_MS = 4;
/** Pieces made between two looks at the clock. */
const CHECK_EVERY = 256;

/** The pieces of `value`'s JSON with an indent of one space, at `depth` (its first line unindented). */
function* jsonPieces(value: unknown, depth: number): Generator<string> {
  const pad = (level: number) => ' '.repeat(level);
  if (Array.isArray(value) && value.length > EXPAND_OVER) {
    yield '[';
    for (let index = 0; index < value.length; index += 1) {
      yield `${index === 0 ? '' : ','}\n${pad(depth + 1)}`;
      // JSON writes undefined, functions and symbols in arrays as null.
      const item: unknown = value[index];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* jsonPieces(item, depth + 1);
    }
    yield `\n${pad(depth)}]`;
    return;
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined && typeof inner !== 'function' && typeof inner !== 'symbol');
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    yield '{';
    for (const [index, [key, inner]] of entries.entries()) {
      yield `${index === 0 ? '' : ','}\n${pad(depth + 1)}${JSON.stringify(key)}: `;
      yield* jsonPieces(inner, depth + 1);
    }
    yield `\n${pad(depth)}}`;
    return;
  }
  // A string never holds a raw line break in JSON, so indenting every line break is exact.
  const text = JSON.stringify(value, null, 1);
  yield depth === 0 ? text : text.replace(/\n/g, `\n${pad(depth)}`);
}

/** The JSON of `value` as UTF-8 pieces, with the event loop let run every few milliseconds. */
export async function* patientJson(value: unknown): AsyncGenerator<Uint8Array> {
  let held = performance.now();
  let gathered: string[] = [];
  let size = 0;
  let sinceCheck = 0;
  for (const piece of jsonPieces(value, 0)) {
    gathered.push(piece);
    size += piece.length;
    if (size >= PIECE_CHARS) {
      yield Buffer.from(gathered.join(''), 'utf8');
      gathered = [];
      size = 0;
    }
    // The clock is read every few hundred pieces, not only per gathered piece: cold code (the
    // first fold of a session) can take several milliseconds to make one.
    sinceCheck += 1;
    if (sinceCheck < CHECK_EVERY) continue;
    sinceCheck = 0;
    if (performance.now() - held > HOLD_MS) {
      if (size > 0) yield Buffer.from(gathered.join(''), 'utf8');
      gathered = [];
      size = 0;
      await nextTurn();
      held = performance.now();
    }
  }
  yield Buffer.from(gathered.join(''), 'utf8');
}
