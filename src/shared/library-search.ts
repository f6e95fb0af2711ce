// Library search matches what the list shows (title, pseudonym, status), never the real name.
import type { Interview, InterviewSummary } from './interview';

function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase();
}

export function matchesLibrarySearch(
  summary: InterviewSummary,
  query: string,
  statusLabel: (status: InterviewSummary['status']) => string,
): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold([summary.title, summary.pseudonym, summary.status, statusLabel(summary.status)].join('\n'));
  return words.every((word) => haystack.includes(word));
}

export type SortKey = 'title' | 'pseudonym' | 'status' | 'coverage' | 'segmentCount' | 'translated' | 'openQueryCount' | 'updatedAt';
export type SortOrder = { key: SortKey; direction: 'ascending' | 'descending' };

const statusOrder = ['transcribing', 'translating', 'editing', 'ready'];
const sortValue = (summary: InterviewSummary, key: SortKey): string | number => {
  switch (key) {
    case 'title':
    case 'pseudonym':
      return fold(summary[key]);
    case 'status':
      return statusOrder.indexOf(summary.status);
    case 'translated':
      return summary.segmentCount === 0 ? -1 : summary.translatedCount / summary.segmentCount;
    case 'coverage':
      return summary.hasRecording ? summary.coverage : -1;
    default:
      return summary[key];
  }
};

/** The list in the order its column header asks for; ties keep the most recently changed first. */
export function sortSummaries(list: readonly InterviewSummary[], order: SortOrder, locale = 'en'): InterviewSummary[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  // The interface language decides whether Hangul or Latin titles come first.
  const collator = new Intl.Collator(locale, { numeric: true });
  return [...list].sort((a, b) => {
    const left = sortValue(a, order.key);
    const right = sortValue(b, order.key);
    const compared = typeof left === 'string' && typeof right === 'string' ? collator.compare(left, right) : Number(left) - Number(right);
    return compared * sign || b.updatedAt.localeCompare(a.updatedAt);
  });
}

/**
 * Full-text search inside an interview: every word of the query somewhere in its transcript or
 * translation. The narrator's real name, the redaction list and notes are never searched.
 */
export function transcriptMatches(interview: Pick<Interview, 'segments'>, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  const remaining = new Set(words);
  for (const segment of interview.segments) {
    const text = fold(`${segment.source}\n${segment.translation}`);
    for (const word of remaining) if (text.includes(word)) remaining.delete(word);
    if (remaining.size === 0) return true;
  }
  return false;
}
