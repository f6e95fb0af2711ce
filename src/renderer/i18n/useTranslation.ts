import type { TFunction } from 'i18next';
// The one place the library's hook is used; everywhere else takes this one (lint).
// eslint-disable-next-line no-restricted-imports
import { useTranslation as useLookup } from 'react-i18next';

/**
 * react-i18next's hook, with each looked-up string remembered for its language. i18next resolves
 * a key, its fallbacks and its interpolation anew at every call (10–30 µs); the toolbars and bars
 * around a transcript call it dozens of times a render, and typing renders them at each key.
 */
export function useTranslation() {
  const { t, i18n } = useLookup();
  return { t: remembering(t), i18n };
}

// The lookup changes with the language, so each language keeps its own memory. Exported for its test.
const rememberingLookups = new WeakMap<TFunction, TFunction>();
/** Calls with many values (times, counts) would grow the memory without end: it starts over. */
const MOST_REMEMBERED = 4_000;

export function remembering(lookup: TFunction): TFunction {
  const known = rememberingLookups.get(lookup);
  if (known) return known;
  const look = lookup as unknown as (key: unknown, options?: unknown) => unknown;
  const remembered = new Map<string, unknown>();
  const rememberingLookup = ((key: unknown, options?: unknown) => {
    const id = callId(key, options);
    if (id === null) return look(key, options);
    if (remembered.has(id)) return remembered.get(id);
    const text = look(key, options);
    if (remembered.size >= MOST_REMEMBERED) remembered.clear();
    remembered.set(id, text);
    return text;
  }) as unknown as TFunction;
  rememberingLookups.set(lookup, rememberingLookup);
  return rememberingLookup;
}

/** One string per call that can be remembered: a key with plain values (or none); otherwise null. */
function callId(key: unknown, options: unknown): string | null {
  if (typeof key !== 'string') return null;
  if (options === undefined) return key;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return null;
  let id = key;
  for (const [name, value] of Object.entries(options)) {
    if (value !== null && typeof value === 'object') return null;
    if (typeof value === 'function') return null;
    id += `\u0000${name}\u0001${typeof value}\u0001${String(value)}`;
  }
  return id;
}
