// The last gate before a file is written: every part of the produced file is read back and
// searched for every listed term in every spelling we know. A file that still holds one is
// refused, and the message says where — by part and term number, never repeating the term.
import { decodeXML } from 'entities';
import { findLeakedTerms, type RedactionTerm } from '../../../shared/redaction';
import { findSoundAlikes, HEARING_BREAKS, soundIndexFor, type SoundIndex } from '../../../shared/redaction/sound-check';
import type { DocxParts } from './docx-styles';
import { DistinctStretches } from './distinct-stretches';
import { asRenderedProse, renderedMarkdownText, renderedSubtitleText } from './rendered-text';


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
const BETWEEN_WORDS = /<\/w:p>|<\/w:tc>|<w:br\/>|<w:tab\/>/g;

function searchableTexts(pieces: string[]): string[] {
  const attributeValues = new Set<string>();
  for (const piece of pieces) for (const match of piece.matchAll(/="([^"]*)"|='([^']*)'/g)) attributeValues.add(match[1] ?? match[2]!);
  // Pieces split a part only between tags, so stripping each and joining strips the whole. Runs
  // join with nothing between them (a name split across runs is one word again); the end of a
  // paragraph or cell, a line break or a tab is a space, as a reader sees it: a table's speaker
  // cell and a name at the start of the next cell ("Narrator" "Heoryong…") are two words.
  return [decodeXML([...attributeValues].join('\n')), decodeXML(pieces.map((piece) => piece.replace(BETWEEN_WORDS, ' ').replace(/<[^>]*>/g, '')).join(''))];
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

/** What a leak check reads: a stretch of text, and where in the file (or the interview) it stands. */
export type Reading = { part: string; where: string; text: string };

/** Every reading of a Word file: each part's attribute values and its text with the tags out. */
export const docxReadings = (parts: DocxParts): Reading[] =>
  parts.filter(({ name }) => !name.endsWith('/')).flatMap(({ name, pieces }) => searchableTexts(pieces).map((text) => ({ part: name, where: describePart(name), text })));

export type TextKind = 'plain' | 'subtitles' | 'markdown' | 'xml';

/** A text file as a reader meets it: as its viewer renders it (a plain text file is shown as it is). */
export function shownText(text: string, kind: TextKind): string {
  switch (kind) {
    case 'subtitles':
      return renderedSubtitleText(text);
    case 'markdown':
      return renderedMarkdownText(text);
    case 'xml':
      return asRenderedProse(text);
    case 'plain':
      return text;
  }
}

/**
 * A text file as written and as a viewer renders it. A caller that needs the rendered text too
 * (the names review reads it) passes it as `shown`, so a file of megabytes is rendered once.
 */
export function textReadings(text: string, kind: TextKind = 'plain', shown: string = shownText(text, kind)): Reading[] {
  return [text, decodeXML(text), shown].map((reading) => ({ part: 'text', where: 'the text', text: reading }));
}

/** The two checks' knowledge of the listed names, made once per file. */
export type LeakGuard = {
  terms: RedactionTerm[];
  sound: SoundIndex;
  /** Words the editor said are not the listed name (allowed names, removed proposals), for the check by sound. */
  notTheName: ReadonlySet<string>;
};

export function leakGuard(terms: RedactionTerm[], allowedNames: readonly string[] = []): LeakGuard {
  return {
    terms,
    sound: soundIndexFor(terms),
    notTheName: new Set([...allowedNames, ...terms.flatMap((term) => term.rejected)].map(lettersOnly)),
  };
}

const lettersOnly = (text: string) => text.normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

export type LeakFinding = {
  part: string;
  where: string;
  termNumber: number;
  replacement: string;
  /** Found by the check by sound: the stretch heard as the name (the name only, never its context). */
  heard?: string;
};

/**
 * Both checks over every reading: the replacer's own spellings (findLeakedTerms), and the check
 * by sound, which shares nothing with the replacer but the list of names (sound-check.ts).
 */
export function findLeaks(readings: Reading[], guard: LeakGuard): LeakFinding[] {
  const findings = new Map<string, LeakFinding>();
  const replacementOf = new Map(guard.terms.map((term) => [term.number, term.replacementEn]));
  // The readings of one part (the raw file, its entities decoded, its prose as shown) are mostly
  // the same text: each distinct reading is searched once, and the check by sound, which never
  // joins words across a line break or a digit, hears each distinct stretch between them once
  // (HEARING_BREAKS) — so lines that differ only in their numbers are heard once.
  const searched = new Map<string, Set<string>>();
  const heardStretches = new Map<string, DistinctStretches>();
  for (const { part, where, text } of readings) {
    let texts = searched.get(part);
    if (!texts) searched.set(part, (texts = new Set()));
    if (texts.has(text)) continue;
    texts.add(text);
    for (const leak of findLeakedTerms(text, guard.terms)) findings.set(`${part}#${leak.termNumber}`, { part, where, ...leak });
    let stretches = heardStretches.get(part);
    if (!stretches) heardStretches.set(part, (stretches = new DistinctStretches(HEARING_BREAKS)));
    stretches.forEachNew(text, (stretch) => {
      for (const heard of findSoundAlikes(stretch, guard.sound)) {
        if (guard.notTheName.has(lettersOnly(heard.heard)) || findings.has(`${part}#${heard.termNumber}`)) continue;
        findings.set(`${part}#${heard.termNumber}`, { part, where, termNumber: heard.termNumber, replacement: replacementOf.get(heard.termNumber) ?? '', heard: heard.heard });
      }
    });
  }
  return [...findings.values()];
}

export const findLeaksInDocx = (parts: DocxParts, terms: RedactionTerm[], guard: LeakGuard = leakGuard(terms)): LeakFinding[] => findLeaks(docxReadings(parts), guard);

export const findLeaksInText = (text: string, terms: RedactionTerm[], kind: TextKind = 'plain', guard: LeakGuard = leakGuard(terms)): LeakFinding[] => findLeaks(textReadings(text, kind), guard);

/** The message of a refused file: where, which term (by number and replacement), and for the check by sound what it heard. */
export function describeLeaks(findings: LeakFinding[], located: string[] = []): string {
  const places = findings.slice(0, 8).map(
    (finding) =>
      `${finding.heard ? `“${finding.heard}”, which sounds like ` : ''}sensitive term ${finding.termNumber} (replaced by “${finding.replacement}”) in ${finding.where}${finding.where === finding.part || finding.part === 'text' ? '' : ` (${finding.part})`}`,
  );
  const more = findings.length > 8 ? `; and ${findings.length - 8} more` : '';
  const inInterview = located.length > 0 ? ` It stands in ${located.join('; ')}.` : '';
  return `Nothing was written: the file would still contain ${places.join('; ')}${more}.${inInterview} Remove it there (check Settings › document author and the series text too) and export again.`;
}
