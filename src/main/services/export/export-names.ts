import type { ExportFormat } from '../../../shared/contract';
import type { Interview } from '../../../shared/interview';
import { applyRedactions, redactionTerms } from '../../../shared/redaction';

/** A file name from the (redacted) title: a suggested name must not leak a name either. */
export function suggestedExportName(interview: Interview, format: ExportFormat | 'recording', extension: string): string {
  const title = applyRedactions(interview.title, redactionTerms(interview));
  const slug = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'interview'}-${format}.${extension}`;
}
