// Long work on the main process written as a generator that yields at safe points, run either at
// once (tests, the command line) or a few milliseconds at a time so the process keeps answering
// the window between them (an index rebuilt at 10,000 segments would otherwise hold it ~¼ s).
import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long the loop is held before other work gets a turn. */
const HOLD_MS = 4;

export function atOnce<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function patiently<T>(steps: Generator<void, T>): Promise<T> {
  let heldSince = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - heldSince >= HOLD_MS) {
      await nextTurn();
      heldSince = performance.now();
    }
  }
}
