// A redaction entry for tests: one person or place, with the defaults the editor starts from.
import type { Redaction } from '../../interview';

export const redactionEntity = (fields: Partial<Redaction> & Pick<Redaction, 'kind'>): Redaction => ({
  id: `red-${fields.kind}-${[...(fields.korean ?? []), ...(fields.english ?? [])].join('')}`,
  korean: [],
  english: [],
  rejected: [],
  replacementKo: '[비공개]',
  replacementEn: '[redacted]',
  reason: '',
  ...fields,
});
