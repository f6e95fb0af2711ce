// The last gate before a file is written: every part of the produced file is read back and
// searched for every listed term in every spelling we know. A file that still holds one is
// refused, and the message says where — by part and term number, never repeating the term.
import { decodeXML } from 'entities';
import { findLeakedTerms, type RedactionTerm } from '../../../shared/redaction';
import type { DocxParts } from './docx-styles';
import { asRenderedProse, renderedMarkdownText, renderedSubtitleText } from './rendered-text';

export type LeakFinding = { part: string; where: string; termNumber: number; replacement: string };

const partDescriptions: [RegExp, string][] = [
  [/^word\/document\.xml$/, 'the document body'],
  [/^word\/footnotes\.xml$/, 'the footnotes'],
  [/^word\/endnotes\.xml$/, 'the endnotes'],
  [/^word\/comments/, 'the comments'],
  [/^word\/(header|footer)\d*\.xml$/, 'a header or footer'],
  [/^docProps\//, 'the document properties'],
  [/^word\/styles\.xml$/, 'the styles'],
];

export const describePart = (part: string) => partDescriptions.find(([pattern]) => pattern.test(part))?.[1] ?? part;

/**
 * The texts to search in one XML part: every distinct attribute value (a comment's author, a
 * property), and the text with the tags taken out, so a name split across runs is joined again.
 * Between them they hold every character of the part that is not markup; attribute values repeat
 * by the thousand ("ko-KR", "0") and are searched once each.
 */
function searchableTexts(pieces: string[]): string[] {
  const attributeValues = new Set<string>();
  for (const piece of pieces) for (const match of piece.matchAll(/="([^"]*)"|='([^']*)'/g)) attributeValues.add(match[1] ?? match[2]!);
  // Pieces split a part only between tags, so stripping each and joining strips the whole.
  return [decodeXML([...attributeValues].join('\n')), decodeXML(pieces.map((piece) => piece.replace(/<[^>]*>/g, '')).join(''))];
}

/** Parts a reader of the document sees: body, notes, comments, headers, footers, properties. */
const READABLE_PART = /^(word\/(document|footnotes|endnotes|comments|header\d*|footer\d*)\.xml|docProps\/core\.xml)$/;

/** The document's readable text, one paragraph a line. */
export function docxReadableText(parts: DocxParts): string {
  const texts: string[] = [];
  for (const { name, pieces } of parts) {
    if (!READABLE_PART.test(name)) continue;
    // Field codes (PAGE, NUMPAGES in a footer) are instructions to Word, not text anyone reads.
    const shown = pieces.map((piece) => piece.replace(/<w:instrText\b[^>]*>[^<]*<\/w:instrText>/g, '').replace(/<\/(w:p|dc:\w+|cp:\w+)>/g, '\n').replace(/<[^>]*>/g, ''));
    texts.push(decodeXML(shown.join('')));
  }
  return texts.join('\n');
}

export function findLeaksInDocx(parts: DocxParts, terms: RedactionTerm[]): LeakFinding[] {
  const findings: LeakFinding[] = [];
  for (const { name, pieces } of parts) {
    if (name.endsWith('/')) continue;
    const leaked = new Map(searchableTexts(pieces).flatMap((text) => findLeakedTerms(text, terms)).map((leak) => [leak.termNumber, leak]));
    for (const leak of leaked.values()) findings.push({ part: name, where: describePart(name), ...leak });
  }
  return findings;
}

export type TextKind = 'plain' | 'subtitles' | 'markdown' | 'xml';

/** Searches the file as written and as a viewer renders it. */
export function findLeaksInText(text: string, terms: RedactionTerm[], kind: TextKind = 'plain'): LeakFinding[] {
  const readings = [text, decodeXML(text)];
  if (kind === 'subtitles') readings.push(renderedSubtitleText(text));
  if (kind === 'markdown') readings.push(renderedMarkdownText(text));
  if (kind === 'xml') readings.push(asRenderedProse(text));
  const leaked = new Map(readings.flatMap((reading) => findLeakedTerms(reading, terms)).map((leak) => [leak.termNumber, leak]));
  return [...leaked.values()].map((leak) => ({ part: 'text', where: 'the text', ...leak }));
}

export function describeLeaks(findings: LeakFinding[]): string {
  const places = findings.map(
    (finding) => `sensitive term ${finding.termNumber} (replaced by “${finding.replacement}”) in ${finding.where}${finding.where === finding.part ? '' : ` (${finding.part})`}`,
  );
  return `Nothing was written: the file would still contain ${places.join('; ')}. Remove it there (check Settings › document author and the series text too) and export again.`;
}
