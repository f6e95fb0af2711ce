// Library search matches what the list shows (title, pseudonym, status), never the real name.
import type { InterviewSummary } from './interview';

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
