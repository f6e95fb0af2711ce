// Translation memory: every reviewed segment in the library, found again by exact and fuzzy
// (70 % and up) match on its source. Each interview keeps its own small index, rebuilt when that
// interview is saved, so one save never re-reads the whole library. The tables come ready-made
// from each interview's index file on disk (memory-index.ts): a cold lookup reads compact files
// instead of opening every interview, and only the candidates' texts are ever decoded.
import { distance } from 'fastest-levenshtein';
import { bigramsOf, memoryEntry, normalizeForMemory, postingsOf, type MemoryIndex } from './memory-index';

export const FUZZY_THRESHOLD = 0.7;
const CANDIDATE_DICE = 0.4; // bigram overlap below this cannot reach 70 % similarity in practice
const MAX_CANDIDATES = 60;
/** Index files read at the same time on a cold lookup. */
const LOAD_AT_ONCE = 8;

export type MemoryMatch = {
  score: number;
  source: string;
  translation: string;
  interviewId: string;
  interviewTitle: string;
  segmentId: string;
};

export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

export type InterviewSource = {
  ids(): Promise<string[]>;
  /** An interview's lookup tables (memory-index.ts). */
  index(id: string): Promise<MemoryIndex>;
};

export class TranslationMemory {
  private readonly indexes = new Map<string, MemoryIndex>();
  private readonly stale = new Set<string>();
  private loaded = false;

  constructor(private readonly interviews: InterviewSource) {}

  /** Call after an interview is saved, created or deleted. */
  invalidate(interviewId: string): void {
    this.stale.add(interviewId);
  }

  async lookup(source: string, exclude: { interviewId: string; segmentId: string }, limit = 5): Promise<MemoryMatch[]> {
    await this.refresh();
    const query = normalizeForMemory(source);
    if (!query) return [];
    const queryGrams = bigramsOf(query);
    const candidates: { interviewId: string; index: MemoryIndex; entry: number; dice: number }[] = [];
    for (const [interviewId, index] of this.indexes) {
      const shared = new Uint16Array(index.entryCount);
      for (const [first, second] of queryGrams) {
        const list = postingsOf(index, first, second);
        for (let at = 0; at < list.length; at += 1) shared[list[at]!]! += 1;
      }
      for (let entry = 0; entry < shared.length; entry += 1) {
        const count = shared[entry]!;
        if (count === 0) continue;
        const dice = (2 * count) / (queryGrams.length + index.entryGrams[entry]!);
        if (dice >= CANDIDATE_DICE) candidates.push({ interviewId, index, entry, dice });
      }
    }
    candidates.sort((a, b) => b.dice - a.dice);
    const matches: MemoryMatch[] = [];
    for (const { interviewId, index, entry } of candidates.slice(0, MAX_CANDIDATES + 1)) {
      const found = memoryEntry(index, entry);
      if (interviewId === exclude.interviewId && found.segmentId === exclude.segmentId) continue;
      const score = found.normalized === query ? 1 : similarity(query, found.normalized);
      if (score < FUZZY_THRESHOLD) continue;
      matches.push({
        score: Math.round(score * 100) / 100,
        source: found.source,
        translation: found.translation,
        interviewId,
        interviewTitle: index.title,
        segmentId: found.segmentId,
      });
    }
    return matches.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /**
   * Reads every interview's index now, so the translator's first lookup finds them ready: started
   * when an interview is opened (a few hundred milliseconds for a hundred interviews, while the
   * view is drawn and the translator finds a row), instead of on the first keystroke in Translate.
   */
  warm(): Promise<void> {
    return this.refresh();
  }

  /** Loads run one after another: a lookup that arrives while a warm-up reads waits for all of it. */
  private loading: Promise<void> = Promise.resolve();

  private refresh(): Promise<void> {
    const load = this.loading.then(() => this.loadStale());
    this.loading = load.catch(() => undefined);
    return load;
  }

  private async loadStale(): Promise<void> {
    if (!this.loaded) {
      for (const id of await this.interviews.ids()) this.stale.add(id);
      this.loaded = true;
    }
    const pending = [...this.stale];
    this.stale.clear();
    // Several files at a time: reading and opening them waits on the disk and the thread pool,
    // not on this thread, so a cold lookup of a hundred interviews need not take a hundred turns.
    const load = async (id: string) => {
      try {
        this.indexes.set(id, await this.interviews.index(id));
      } catch {
        this.indexes.delete(id); // deleted or unreadable: nothing to remember from it
      }
    };
    for (let at = 0; at < pending.length; at += LOAD_AT_ONCE) await Promise.all(pending.slice(at, at + LOAD_AT_ONCE).map(load));
  }
}
