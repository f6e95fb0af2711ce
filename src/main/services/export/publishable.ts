// A copy of the interview with every listed term replaced in every piece of text, and without
// the real name or the redaction list: exporters only ever see this copy.
import type { Interview } from '../../../shared/interview';
import { applyRedactions, type RedactionTerm } from '../../../shared/redaction';

/** Fields that are identifiers or codes, never prose a name could hide in. */
const structuralKeys = new Set(['id', 'speakerId', 'segmentIds', 'schemaVersion', 'createdAt', 'updatedAt', 'status', 'kind', 'fileName', 'mimeType', 'color', 'anonymity', 'languages']);

function redactStrings(value: unknown, terms: RedactionTerm[]): unknown {
  if (typeof value === 'string') return applyRedactions(value, terms);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, terms));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, structuralKeys.has(key) ? inner : redactStrings(inner, terms)]),
    );
  }
  return value;
}

export function publishableCopy(interview: Interview, terms: RedactionTerm[]): Interview {
  const copy = redactStrings({ ...interview, redactions: [] }, terms) as Interview;
  return { ...copy, narrator: { ...copy.narrator, realName: '' } };
}
