// The last gate before a file is written: every part of the produced file is read back and
// searched for every listed term in every spelling we know. A file that still holds one is
// refused, and the message says where — by part and term number, never repeating the term.
import JSZip from 'jszip';
import { findLeakedTerms, type RedactionTerm } from '../../../shared/redaction';

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

function decodeXmlEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The texts to search in one XML part: the XML as it is (attributes such as a comment's author
 * included), and its text with the tags taken out, so a name split across runs is joined again.
 */
function searchableTexts(xml: string): string[] {
  return [decodeXmlEntities(xml), decodeXmlEntities(xml.replace(/<[^>]*>/g, ''))];
}

export async function findLeaksInDocx(bytes: Uint8Array, terms: RedactionTerm[]): Promise<LeakFinding[]> {
  const zip = await JSZip.loadAsync(bytes);
  const findings: LeakFinding[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const content = await entry.async('string');
    const leaked = new Map(searchableTexts(content).flatMap((text) => findLeakedTerms(text, terms)).map((leak) => [leak.termNumber, leak]));
    for (const leak of leaked.values()) findings.push({ part: entry.name, where: describePart(entry.name), ...leak });
  }
  return findings;
}

export function findLeaksInText(text: string, terms: RedactionTerm[]): LeakFinding[] {
  return findLeakedTerms(text, terms).map((leak) => ({ part: 'text', where: 'the text', ...leak }));
}

export function describeLeaks(findings: LeakFinding[]): string {
  const places = findings.map(
    (finding) => `sensitive term ${finding.termNumber} (replaced by “${finding.replacement}”) in ${finding.where}${finding.where === finding.part ? '' : ` (${finding.part})`}`,
  );
  return `Nothing was written: the file would still contain ${places.join('; ')}. Remove it there (check Settings › document author and the series text too) and export again.`;
}
