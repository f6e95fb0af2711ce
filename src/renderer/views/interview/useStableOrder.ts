import { useState } from 'react';

/** True when both lists hold the same ids in the same order. */
function sameOrder(a: readonly { id: string }[], b: readonly { id: string }[]): boolean {
  if (a.length !== b.length) return false;
  // The same object is the same id: only an item that changed is looked into (the rest stay in the arrays' memory).
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index] && a[index]!.id !== b[index]!.id) return false;
  return true;
}

/**
 * The list as it was when its ids last changed: the same array while typing changes only what
 * the items say, a new one when an item is added, removed or moved. What depends on the order
 * alone (an id → index map, a virtual list's keys and measurements) is then built once per
 * change of order, not on every keystroke — at 100,000 segments that is the difference between
 * typing and waiting. Comparing ids costs a pass of pointer comparisons.
 */
export function useStableOrder<T extends { id: string }>(items: readonly T[]): readonly T[] {
  const [kept, keep] = useState(items);
  // React's pattern for information from earlier renders: set during render, re-rendered at once.
  if (kept !== items && !sameOrder(kept, items)) {
    keep(items);
    return items;
  }
  return kept;
}
