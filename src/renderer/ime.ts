// The one guard every key handler and form uses against the input method. Korean is typed through
// one: while a syllable is being composed, Enter and Escape belong to it (they commit or cancel
// the syllable), and some browsers send the same Enter again, as an ordinary key, right after the
// syllable is committed — which would submit a form or run a command with a half-typed word.
import type { FormEvent, KeyboardEvent as ReactKeyboardEvent } from 'react';
import { isComposingKey } from '../shared/keymap';

/** How soon after a committed syllable a repeated Enter or Escape is still the input method's. */
const REPEAT_WINDOW_MS = 100;
let lastCompositionEnd = Number.NEGATIVE_INFINITY;
let keysSinceComposition = Number.POSITIVE_INFINITY;

if (typeof document !== 'undefined') {
  // The page's own clock, not the event's timeStamp: an input method's events (and those a test
  // drives through the DevTools protocol) may carry a timeStamp of another origin, which made
  // every later Enter and Escape look like a repeat and did nothing.
  document.addEventListener(
    'compositionend',
    () => {
      lastCompositionEnd = performance.now();
      keysSinceComposition = 0;
    },
    true,
  );
  // Counted before any handler sees the key: only the first key after a syllable can be its repeat.
  document.addEventListener('keydown', () => (keysSinceComposition += 1), true);
}

/** True for a keystroke that belongs to the input method, not to the app's keys or forms. */
export function isImeKeystroke(event: KeyboardEvent | ReactKeyboardEvent): boolean {
  const native = 'nativeEvent' in event ? event.nativeEvent : event;
  if (isComposingKey(native)) return true;
  // A repeat comes at once and first: an Escape pressed after Tabs, however quickly, is the user's.
  const sinceComposition = performance.now() - lastCompositionEnd;
  return (native.key === 'Enter' || native.key === 'Escape') && keysSinceComposition <= 1 && sinceComposition >= 0 && sinceComposition < REPEAT_WINDOW_MS;
}

let changesInComposition = 0;
if (typeof document !== 'undefined') {
  document.addEventListener('compositionstart', () => (changesInComposition = 0), true);
}

/**
 * Where a text change stands in composition: not composing; the first change of a new syllable;
 * or a later stage of the same syllable (ㅎ → 하 → 한), which undo must not step through.
 */
export function compositionStep(event: FormEvent): 'none' | 'first' | 'continuing' {
  if ((event.nativeEvent as InputEvent).isComposing !== true) return 'none';
  changesInComposition += 1;
  return changesInComposition === 1 ? 'first' : 'continuing';
}
