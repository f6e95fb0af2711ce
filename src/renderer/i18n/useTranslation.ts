import i18next, { type TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';

/**
 * The interface's strings in its language, re-rendering when the language changes. i18next
 * resolves a key, its fallbacks and its interpolation anew at every call (10–30 µs); the bars
 * around a transcript call it dozens of times a render, and typing renders them at each key, so
 * each looked-up string is remembered for its language. (react-i18next's hook, which this
 * replaces, also cost some 20 µs a component a render in namespace and loading checks this app,
 * whose strings are bundled and loaded before the first render, does not need.)
 */
export function useTranslation(): { t: TFunction; i18n: { language: string } } {
  const language = useSyncExternalStore(subscribe, currentLanguage);
  return { t: lookupIn(language), i18n: { language } };
}

const subscribe = (onChange: () => void) => {
  i18next.on('languageChanged', onChange);
  return () => i18next.off('languageChanged', onChange);
};
const currentLanguage = () => i18next.language;

const lookups = new Map<string, TFunction>();
function lookupIn(language: string): TFunction {
  let lookup = lookups.get(language);
  if (!lookup) lookups.set(language, (lookup = remembering(i18next.getFixedT(language))));
  return lookup;
}

// The lookup changes with the language, so each language keeps its own memory.
const rememberingLookups = new WeakMap<TFunction, TFunction>();
/** Calls with many values (times, counts) would grow the memory without end: it starts over. */
const MOST_REMEMBERED = 4_000;

/** The lookup, remembering what it looked up (exported for its test). */
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
