// Translation memory: every reviewed segment in the library, found again by exact and fuzzy
// (70 % and up) match on its source. Each interview keeps its own small index, rebuilt when that
// interview is saved, so one save never re-reads the whole library.
import { distance } from 'fastest-levenshtein';
import type { Interview } from '../../shared/interview';

export const FUZZY_THRESHOLD = 0.7;
const CANDIDATE_DICE = 0.4; // bigram overlap below this cannot reach 70 % similarity in practice
const MAX_CANDIDATES = 60;

export type MemoryMatch = {
  score: number;
  source: string;
  translation: string;
  interviewId: string;
  interviewTitle: string;
  segmentId: string;
};

/** Compared form of a source: NFC, lower case, punctuation and extra spaces removed. */
export function normalizeForMemory(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function bigramsOf(text: string): Set<string> {
  const grams = new Set<string>();
  const chars = [...text];
  for (let index = 0; index < chars.length - 1; index += 1) grams.add(chars[index]! + chars[index + 1]!);
  if (chars.length === 1) grams.add(chars[0]!);
  return grams;
}

export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

type Entry = { segmentId: string; source: string; translation: string; normalized: string; gramCount: number };

class InterviewMemory {
  readonly entries: Entry[] = [];
  /** For each bigram, the entries that contain it (typed arrays: lookups walk them a lot). */
  readonly postings = new Map<string, Int32Array>();

  constructor(
    readonly interviewId: string,
    readonly title: string,
    interview: Interview,
  ) {
    const lists = new Map<string, number[]>();
    for (const segment of interview.segments) {
      if (segment.status !== 'reviewed' || segment.translation.trim() === '') continue;
      const normalized = normalizeForMemory(segment.source);
      if (!normalized) continue;
      const grams = bigramsOf(normalized);
      const index = this.entries.push({ segmentId: segment.id, source: segment.source, translation: segment.translation, normalized, gramCount: grams.size }) - 1;
      for (const gram of grams) {
        const list = lists.get(gram);
        if (list) list.push(index);
        else lists.set(gram, [index]);
      }
    }
    for (const [gram, list] of lists) this.postings.set(gram, Int32Array.from(list));
  }
}

export type InterviewSource = {
  ids(): Promise<string[]>;
  get(id: string): Promise<Interview>;
};

export class TranslationMemory {
  private readonly memories = new Map<string, InterviewMemory>();
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
    const candidates: { memory: InterviewMemory; entry: Entry; dice: number }[] = [];
    for (const memory of this.memories.values()) {
      const shared = new Uint16Array(memory.entries.length);
      for (const gram of queryGrams) {
        const list = memory.postings.get(gram);
        if (list) for (let at = 0; at < list.length; at += 1) shared[list[at]!]! += 1;
      }
      for (let index = 0; index < shared.length; index += 1) {
        const count = shared[index]!;
        if (count === 0) continue;
        const entry = memory.entries[index]!;
        if (memory.interviewId === exclude.interviewId && entry.segmentId === exclude.segmentId) continue;
        const dice = (2 * count) / (queryGrams.size + entry.gramCount);
        if (dice >= CANDIDATE_DICE) candidates.push({ memory, entry, dice });
      }
    }
    candidates.sort((a, b) => b.dice - a.dice);
    const matches: MemoryMatch[] = [];
    for (const { memory, entry } of candidates.slice(0, MAX_CANDIDATES)) {
      const score = entry.normalized === query ? 1 : similarity(query, entry.normalized);
      if (score < FUZZY_THRESHOLD) continue;
      matches.push({
        score: Math.round(score * 100) / 100,
        source: entry.source,
        translation: entry.translation,
        interviewId: memory.interviewId,
        interviewTitle: memory.title,
        segmentId: entry.segmentId,
      });
    }
    return matches.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  private async refresh(): Promise<void> {
    if (!this.loaded) {
      for (const id of await this.interviews.ids()) this.stale.add(id);
      this.loaded = true;
    }
    for (const id of [...this.stale]) {
      this.stale.delete(id);
      try {
        const interview = await this.interviews.get(id);
        this.memories.set(id, new InterviewMemory(id, interview.title, interview));
      } catch {
        this.memories.delete(id); // deleted or unreadable: nothing to remember from it
      }
    }
  }
}
