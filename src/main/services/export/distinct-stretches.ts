// The distinct stretches of a few large texts, told without keeping them. The leak check hears
// each distinct stretch of a file once (between line breaks and digits, where the check by sound
// never joins words), and a 10,000-segment export has hundreds of thousands of them over its
// readings: kept as strings in a Set, every one survived into the collector's old space, and how
// much that cost swung with V8's heuristics — the same export took 0.8 s or 1.2 s in the check
// after an unrelated change moved an allocation. Here a stretch is remembered by where it stands
// in its text (kept alive by the caller anyway): a hash table of numbers, compared in place.

const EMPTY = -1;

export class DistinctStretches {
  private readonly texts: string[] = [];
  /** Per remembered stretch: which text, where it starts, its length and its hash. */
  private textOf = new Int32Array(1024);
  private startOf = new Int32Array(1024);
  private lengthOf = new Int32Array(1024);
  private hashOf = new Int32Array(1024);
  private count = 0;
  /** Open addressing: each slot holds a remembered stretch's number, or EMPTY. */
  private slots = new Int32Array(2048).fill(EMPTY);

  /** What parts the stretches: a copy of the caller's pattern, so no one else moves its position. */
  private readonly breaks: RegExp;

  /** `breaks`: a pattern that never matches empty, as `/[\n0-9]+/g`. */
  constructor(breaks: RegExp) {
    this.breaks = new RegExp(breaks.source, breaks.flags.includes('g') ? breaks.flags : `${breaks.flags}g`);
  }

  /**
   * Calls `onNew` with each stretch of `text` between its breaks (as `text.split(breaks)` gives
   * them) that no earlier call of this object met, in order.
   */
  forEachNew(text: string, onNew: (stretch: string) => void): void {
    const textNumber = this.texts.push(text) - 1;
    const breaks = this.breaks;
    breaks.lastIndex = 0;
    for (let start = 0; ; ) {
      const found = breaks.exec(text);
      const end = found ? found.index : text.length;
      if (this.remember(textNumber, start, end)) onNew(text.slice(start, end));
      if (!found) break;
      start = found.index + found[0].length;
    }
  }

  /** Remembers the stretch [start, end) of text `textNumber`; false when an equal one was remembered before. */
  private remember(textNumber: number, start: number, end: number): boolean {
    const text = this.texts[textNumber]!;
    let hash = 0x811c9dc5 | 0; // FNV-1a over UTF-16 units, as a signed 32-bit number like the table holds
    for (let at = start; at < end; at += 1) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) {
        this.slots[slot] = this.add(textNumber, start, end - start, hash);
        if (this.count * 2 > this.slots.length) this.growSlots();
        return true;
      }
      if (this.hashOf[entry] === hash && this.lengthOf[entry] === end - start && this.sameUnits(entry, text, start)) return false;
    }
  }

  private sameUnits(entry: number, text: string, start: number): boolean {
    const other = this.texts[this.textOf[entry]!]!;
    const otherStart = this.startOf[entry]!;
    const length = this.lengthOf[entry]!;
    for (let offset = 0; offset < length; offset += 1) if (other.charCodeAt(otherStart + offset) !== text.charCodeAt(start + offset)) return false;
    return true;
  }

  private add(textNumber: number, start: number, length: number, hash: number): number {
    if (this.count === this.textOf.length) {
      const grown = (array: Int32Array) => {
        const bigger = new Int32Array(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.textOf = grown(this.textOf);
      this.startOf = grown(this.startOf);
      this.lengthOf = grown(this.lengthOf);
      this.hashOf = grown(this.hashOf);
    }
    this.textOf[this.count] = textNumber;
    this.startOf[this.count] = start;
    this.lengthOf[this.count] = length;
    this.hashOf[this.count] = hash;
    return this.count++;
  }

  private growSlots(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry += 1) {
      let slot = this.hashOf[entry]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
  }
}
