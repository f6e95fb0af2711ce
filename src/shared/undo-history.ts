// Undo and redo over whole states. Edits that arrive close together under the same key (typing
// in one segment) become one step, so undo takes back a burst of typing, not one letter. A
// change that continues a syllable an input method is still composing (ㅎ → 하 → 한) never opens
// a step of its own, however slowly it is typed: undo never lands on half a syllable.

export class UndoHistory<State> {
  private past: State[] = [];
  private future: State[] = [];
  private lastKey: string | null = null;
  private lastAt = 0;

  constructor(
    private readonly limit = 500,
    private readonly coalesceMs = 1000,
  ) {}

  /**
   * Call with the state *before* an edit. `continuingComposition`: the edit is a later stage of
   * the syllable being composed (see compositionStep in the renderer's ime.ts).
   */
  record(previous: State, key: string | null = null, now = Date.now(), continuingComposition = false): void {
    const coalesce = key !== null && key === this.lastKey && (continuingComposition || now - this.lastAt < this.coalesceMs);
    if (!coalesce) {
      this.past.push(previous);
      if (this.past.length > this.limit) this.past.shift();
    }
    this.future = [];
    this.lastKey = key;
    this.lastAt = now;
  }

  undo(current: State): State | null {
    const previous = this.past.pop();
    if (previous === undefined) return null;
    this.future.push(current);
    this.lastKey = null;
    return previous;
  }

  redo(current: State): State | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(current);
    this.lastKey = null;
    return next;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}
