// For translators who work in a CAT tool (OmegaT, Trados, memoQ): the interview as XLIFF 1.2 —
// one trans-unit per segment, keyed by the segment's id, speaker and timing as notes — and the
// glossary as TBX beside it. Coming back, translations land by id and go through the same
// three-way merge as a package: a translation whose source changed since the export is stale,
// and a segment both sides translated differently is a conflict.
import { XMLParser } from 'fast-xml-parser';
import { randomUUID } from 'node:crypto';
import type { GlossaryTerm, Interview } from '../../../shared/interview';
import { applyRedactions, findLeakedTerms, redactionTerms, type Language, type RedactionTerm } from '../../../shared/redaction';
import { asRenderedProse } from '../export/rendered-text';
import { mergeInterviews, type MergeResult } from '../../../shared/merge';
import { formatCueTime } from '../../../shared/timecode';
import { DeskError } from '../desk-error';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const xliffState = (segment: Interview['segments'][number]) =>
  segment.translation.trim() === '' ? 'needs-translation' : segment.status === 'reviewed' ? 'final' : segment.sourceAtTranslation !== segment.source ? 'needs-review-translation' : 'translated';

/** A redacted name inside text: private-use marks no text contains, around the term's number and its replacement. */
const PLACEHOLDER_START = '\ue010';
const PLACEHOLDER_MIDDLE = '\ue011';
const PLACEHOLDER_END = '\ue012';
const PLACEHOLDER = new RegExp(`${PLACEHOLDER_START}(\\d+)${PLACEHOLDER_MIDDLE}([^${PLACEHOLDER_END}]*)${PLACEHOLDER_END}`, 'g');

/** The ctype of a redacted name's placeholder; on the way back it becomes its equiv-text, the replacement. */
export const REDACTED_CTYPE = 'x-redacted';

/**
 * How the XLIFF treats names: for an outside translator every listed name becomes an inline
 * placeholder a CAT tool carries through translation untouched, `<x ctype="x-redacted"
 * equiv-text="[her mother]"/>`; for the team's own translator (asked for by name) the text is as it is.
 */
export type XliffNames = { redact: RedactionTerm[] } | { redact: null };

/**
 * Text as XLIFF inline content: escaped, each redacted name a placeholder. Its id names the term
 * and the occurrence (r2-1: the first of term 2), so the source's placeholder and the target's
 * for the same name have the same id, as CAT tools expect.
 */
function inlineContent(text: string, names: XliffNames, language: Language): string {
  if (!names.redact) return escapeXml(text);
  const marked = applyRedactions(asRenderedProse(text), names.redact, { language, mark: (replacement, term) => `${PLACEHOLDER_START}${term.number}${PLACEHOLDER_MIDDLE}${replacement}${PLACEHOLDER_END}` });
  const occurrences = new Map<string, number>();
  return escapeXml(marked).replace(PLACEHOLDER, (_, term: string, replacement: string) => {
    const occurrence = (occurrences.get(term) ?? 0) + 1;
    occurrences.set(term, occurrence);
    return `<x id="r${term}-${occurrence}" ctype="${REDACTED_CTYPE}" equiv-text="${replacement}"/>`;
  });
}

/** Notes are plain text in XLIFF: a name there becomes its replacement. */
const noteText = (text: string, names: XliffNames): string => escapeXml(names.redact ? applyRedactions(asRenderedProse(text), names.redact) : text);

const languageOf = (code: string): Language => (code.toLowerCase().startsWith('ko') ? 'ko' : 'en');

export function buildXliff(interview: Interview, names: XliffNames = { redact: null }): string {
  const speakers = new Map(interview.speakers.map((speaker) => [speaker.id, speaker.name]));
  const { source, target } = interview.languages;
  const units = interview.segments.map((segment) =>
    [
      `      <trans-unit id="${escapeXml(segment.id)}" resname="${escapeXml(segment.id)}">`,
      `        <source xml:lang="${escapeXml(source)}">${inlineContent(segment.source, names, languageOf(source))}</source>`,
      `        <target xml:lang="${escapeXml(target)}" state="${xliffState(segment)}">${inlineContent(segment.translation, names, languageOf(target))}</target>`,
      `        <note from="speaker">${noteText(speakers.get(segment.speakerId ?? '') ?? '', names)}</note>`,
      `        <note from="timing">${formatCueTime(segment.start, '.')} --> ${formatCueTime(segment.end, '.')}</note>`,
      ...(segment.notes.trim() ? [`        <note from="translator">${noteText(segment.notes, names)}</note>`] : []),
      '      </trans-unit>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    `  <file original="${escapeXml(interview.id)}" source-language="${escapeXml(source)}" target-language="${escapeXml(target)}" datatype="plaintext" tool-id="testimony-desk">`,
    '    <header><tool tool-id="testimony-desk" tool-name="Testimony Desk"/></header>',
    '    <body>',
    ...units,
    '    </body>',
    '  </file>',
    '</xliff>',
    '',
  ].join('\n');
}

/**
 * The glossary as an outside translator may see it: an entry that is itself a listed name (a home
 * town in the glossary) is left out, and names in the other entries' notes are replaced.
 */
function redactedGlossary(glossary: readonly GlossaryTerm[], terms: RedactionTerm[]): GlossaryTerm[] {
  const names = (text: string) => findLeakedTerms(text, terms).length > 0;
  return glossary
    .filter((term) => !names(term.korean) && !names(term.english))
    .map((term) => ({ ...term, avoid: term.avoid.filter((avoid) => !names(avoid)), note: applyRedactions(term.note, terms) }));
}

/** The glossary as TBX (TBX-Basic shape): one termEntry per term, Korean and English langSets. */
export function buildTbx(glossary: readonly GlossaryTerm[], languages: Interview['languages'], names: XliffNames = { redact: null }): string {
  const terms = names.redact ? redactedGlossary(glossary, names.redact) : glossary;
  const entries = terms.map((term) =>
    [
      `      <termEntry id="${escapeXml(term.id)}">`,
      `        <langSet xml:lang="${escapeXml(languages.source)}"><tig><term>${escapeXml(term.korean)}</term></tig></langSet>`,
      `        <langSet xml:lang="${escapeXml(languages.target)}"><tig><term>${escapeXml(term.english)}</term></tig>${term.avoid
        .map((avoid) => `<tig><term>${escapeXml(avoid)}</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>`)
        .join('')}</langSet>`,
      ...(term.note.trim() ? [`        <note>${escapeXml(term.note)}</note>`] : []),
      '      </termEntry>',
    ].join('\n'),
  );
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<martif type="TBX-Basic" xml:lang="en">', '  <text>', '    <body>', ...entries, '    </body>', '  </text>', '</martif>', ''].join('\n');
}

type Unit = { id: string; source: string; target: string };

/** A node of fast-xml-parser's ordered output: { tag: children, ':@': attributes } or { '#text': text }. */
type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const tagOf = (node: OrderedNode): string => Object.keys(node).find((key) => key !== ':@') ?? '';
const childrenOf = (node: OrderedNode): OrderedNode[] => (Array.isArray(node[tagOf(node)]) ? (node[tagOf(node)] as OrderedNode[]) : []);

/**
 * Inline content as text, in document order: the text of <g> and <mrk> stays where it stands, a
 * redacted name's placeholder becomes its replacement, other inline codes (<x/>, <bx/>, <ex/>,
 * <ph>, <bpt>, <ept>, <it>) are the original's formatting and add no text.
 */
function inlineText(nodes: OrderedNode[]): string {
  let text = '';
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === '#text') text += String(node['#text']);
    else if (tag === 'g' || tag === 'mrk') text += inlineText(childrenOf(node));
    else if (tag === 'x' && node[':@']?.['@ctype'] === REDACTED_CTYPE) text += node[':@']?.['@equiv-text'] ?? '';
  }
  return text;
}

/** Every trans-unit below these nodes, in groups at any depth. */
function transUnits(nodes: OrderedNode[]): OrderedNode[] {
  return nodes.flatMap((node) => (tagOf(node) === 'trans-unit' ? [node] : tagOf(node) === '#text' ? [] : transUnits(childrenOf(node))));
}

/** The trans-units of an XLIFF 1.2 file, as written by this app or by a CAT tool that kept the ids. */
export function parseXliff(xml: string, interviewId: string): Unit[] {
  let document: OrderedNode[];
  try {
    // Ordered, untrimmed and untyped: "one <g>two</g> three" stays in order with its spaces, "007" stays "007".
    document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true, trimValues: false, parseTagValue: false, parseAttributeValue: false }).parse(xml) as OrderedNode[];
  } catch {
    throw new DeskError('refused', 'This is not a readable XLIFF file.');
  }
  const root = document.find((node) => tagOf(node) === 'xliff');
  const files = root ? childrenOf(root).filter((node) => tagOf(node) === 'file') : [];
  if (files.length === 0) throw new DeskError('refused', 'This is not an XLIFF 1.2 file (no <file> element).');
  const file = files.find((candidate) => candidate[':@']?.['@original'] === interviewId);
  if (!file) throw new DeskError('refused', 'This XLIFF file belongs to another interview.');
  return transUnits(childrenOf(file)).map((unit) => {
    const part = (name: string) => childrenOf(unit).find((node) => tagOf(node) === name);
    const source = part('source');
    const target = part('target');
    return { id: String(unit[':@']?.['@id'] ?? ''), source: source ? inlineText(childrenOf(source)) : '', target: target ? inlineText(childrenOf(target)) : '' };
  });
}

/**
 * Brings translations back by id. The XLIFF's source is what each translation was made from, so
 * a segment whose source changed here since is stale; `base` (the copy exported) lets the merge
 * tell the translator's changes from ours.
 */
export function importXliff(base: Interview | null, ours: Interview, units: Unit[], translator: string): MergeResult {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const exported = base ?? ours;
  // A redacted XLIFF comes back with each name's replacement where the name was: a target the
  // translator left as it was exported is no change, whichever way it went out.
  const terms = redactionTerms(exported);
  const target = languageOf(exported.languages.target);
  const asSent = (translation: string) => (terms.length > 0 ? applyRedactions(asRenderedProse(translation), terms, { language: target }) : translation);
  const theirs: Interview = {
    ...structuredClone(exported),
    segments: exported.segments.map((segment) => {
      const unit = byId.get(segment.id);
      if (!unit || unit.target.trim() === '' || unit.target === segment.translation || unit.target === asSent(segment.translation)) return segment;
      // The translation was made from the source as exported (which the CAT tool saw redacted).
      return { ...segment, translation: unit.target, sourceAtTranslation: segment.source, status: 'draft' as const };
    }),
  };
  return mergeInterviews(base ?? ours, ours, theirs, { theirAuthor: translator, newId: () => `cfl-${randomUUID()}` });
}
