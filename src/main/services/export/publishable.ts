// A copy of the interview with every listed term replaced in every piece of text, and without
// the real name or the redaction list: exporters only ever see this copy. Each text gets the
// replacement of its own language: a segment's source and translation by the interview's
// languages (the article and the narrator's details, used in the article, as the translation),
// anything else by its script. Markup in the prose (tags, entities) is resolved
// first, as a viewer would, so a name cannot hide behind it.
import type { Interview } from '../../../shared/interview';
import { applyRedactions, replacementLanguage, type Language, type RedactionTerm } from '../../../shared/redaction';
import { asRenderedProse } from './rendered-text';

/** Fields that are identifiers or codes, never prose a name could hide in. */
const structuralKeys = new Set(['id', 'speakerId', 'segmentIds', 'schemaVersion', 'createdAt', 'updatedAt', 'status', 'kind', 'fileName', 'mimeType', 'color', 'anonymity', 'languages']);


/** One text's redaction, remembered for the pass: a source and the source it was translated from are mostly the same text. */
type Redacted = Map<string, string>;

function redactStrings(value: unknown, terms: RedactionTerm[], languageOfKey: (key: string) => Language | undefined, done: Redacted, language?: Language): unknown {
  if (typeof value === 'string') {
    const key = `${language ?? ''}\u0000${value}`;
    let redacted = done.get(key);
    if (redacted === undefined) done.set(key, (redacted = applyRedactions(asRenderedProse(value), terms, { language })));
    return redacted;
  }
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, terms, languageOfKey, done, language));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, structuralKeys.has(key) ? inner : redactStrings(inner, terms, languageOfKey, done, languageOfKey(key) ?? language)]),
    );
  }
  return value;
}

export function publishableCopy(interview: Interview, terms: RedactionTerm[]): Interview {
  // One export asks for it several times (the file, the names review, the subtitle warnings); it
  // depends only on these two objects, which nobody changes in place.
  const known = copies.get(interview);
  if (known?.terms === terms) return known.copy;
  const copy = redactedCopy(interview, terms);
  copies.set(interview, { terms, copy });
  return copy;
}

const copies = new WeakMap<Interview, { terms: RedactionTerm[]; copy: Interview }>();

function redactedCopy(interview: Interview, terms: RedactionTerm[]): Interview {
  const source = replacementLanguage(interview.languages.source);
  const target = replacementLanguage(interview.languages.target);
  const languageOfKey = (key: string): Language | undefined =>
    key === 'source' || key === 'sourceAtTranslation' ? source : key === 'translation' || key === 'basedOn' || key === 'article' || key === 'narrator' ? target : undefined;
  const copy = redactStrings({ ...interview, redactions: [], allowedNames: [] }, terms, languageOfKey, new Map()) as Interview;
  return { ...copy, narrator: { ...copy.narrator, realName: '' } };
}
