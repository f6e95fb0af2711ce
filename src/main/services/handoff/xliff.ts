// For translators who work in a CAT tool (OmegaT, Trados, memoQ): the interview as XLIFF 1.2 —
// one trans-unit per segment, keyed by the segment's id, speaker and timing as notes — and the
// glossary as TBX beside it. Coming back, translations land by id and go through the same
// three-way merge as a package: a translation whose source changed since the export is stale,
// and a segment both sides translated differently is a conflict.
import { randomUUID } from 'node:crypto';
import type { GlossaryTerm, Interview } from '../../../shared/interview';
import { applyRedactions, findLeakedTerms, redactionTerms, replacementLanguage, type Language, type RedactionTerm } from '../../../shared/redaction';
import { asRenderedProse } from '../export/rendered-text';
import { isWithdrawn, WITHDRAWN_MARK } from '../../../shared/consent';
import { mergeInterviews, type MergeResult } from '../../../shared/merge';
import { formatCueTime } from '../../../shared/timecode';
import type { XliffUnit } from './xliff-read';
import { REDACTED_CTYPE } from './xliff-read';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const xliffState = (segment: Interview['segments'][number]) =>
  segment.translation.trim() === '' ? 'needs-translation' : segment.status === 'reviewed' ? 'final' : segment.sourceAtTranslation !== segment.source ? 'needs-review-translation' : 'translated';

/** A redacted name inside text: private-use marks no text contains, around the term's number and its replacement. */
const PLACEHOLDER_START = '\ue010';
const PLACEHOLDER_MIDDLE = '\ue011';
const PLACEHOLDER_END = '\ue012';
const PLACEHOLDER = new RegExp(`${PLACEHOLDER_START}(\\d+)${PLACEHOLDER_MIDDLE}([^${PLACEHOLDER_END}]*)${PLACEHOLDER_END}`, 'g');


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


/**
 * A passage the narrator withdrew: its unit stays (ids and order are the CAT tool's map of the
 * file) but holds only the mark, locked against translation, and says why.
 */
function withdrawnUnit(id: string, source: string, target: string): string {
  return [
    `      <trans-unit id="${escapeXml(id)}" resname="${escapeXml(id)}" translate="no">`,
    `        <source xml:lang="${escapeXml(source)}">${escapeXml(WITHDRAWN_MARK)}</source>`,
    `        <target xml:lang="${escapeXml(target)}" state="final">${escapeXml(WITHDRAWN_MARK)}</target>`,
    '        <note from="consent">Withdrawn by the narrator: not to be translated or published.</note>',
    '      </trans-unit>',
  ].join('\n');
}

export function buildXliff(interview: Interview, names: XliffNames = { redact: null }): string {
  const speakers = new Map(interview.speakers.map((speaker) => [speaker.id, speaker.name]));
  const { source, target } = interview.languages;
  const units = interview.segments.map((segment) =>
    isWithdrawn(segment)
      ? withdrawnUnit(segment.id, source, target)
      : [
      `      <trans-unit id="${escapeXml(segment.id)}" resname="${escapeXml(segment.id)}">`,
      `        <source xml:lang="${escapeXml(source)}">${inlineContent(segment.source, names, replacementLanguage(source))}</source>`,
      `        <target xml:lang="${escapeXml(target)}" state="${xliffState(segment)}">${inlineContent(segment.translation, names, replacementLanguage(target))}</target>`,
      `        <note from="speaker">${noteText(speakers.get(segment.speakerId ?? '') ?? '', names)}</note>`,
      `        <note from="timing">${formatCueTime(segment.start, '.')} --> ${formatCueTime(segment.end, '.')}</note>`,
      ...(segment.notes.trim() ? [`        <note from="translator">${noteText(segment.notes, names)}</note>`] : []),
      // Open queries travel as notes, so the translator sees the question where it was asked.
      ...segment.queries.filter((query) => query.status === 'open').map((query) => `        <note from="query" priority="1">${noteText(query.text, names)}</note>`),
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
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<martif type="TBX-Basic" xml:lang="en">',
    // The header TBX requires: what the file is, and which constraint specification it follows.
    '  <martifHeader>',
    '    <fileDesc><sourceDesc><p>Glossary exported by Testimony Desk</p></sourceDesc></fileDesc>',
    '    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>',
    '  </martifHeader>',
    '  <text>',
    '    <body>',
    ...entries,
    '    </body>',
    '  </text>',
    '</martif>',
    '',
  ].join('\n');
}

/** What an XLIFF import did, for the person who ran it. */
export type XliffImportSummary = {
  /** Translations taken (changed from what was sent). */
  taken: number;
  /** Translator notes taken. */
  notesTaken: number;
  /** Units that came back as they went out. */
  unchanged: number;
  /** Units whose target is no translation: new, needs-translation, empty, or the source copied. */
  notTranslated: number;
  /** Units whose id is no segment of this interview (a few ids, for the message). */
  unknown: { count: number; ids: string[] };
};

/** Which segment status a target in this state comes back as; null when it is no translation. */
function statusFor(state: string | null, translatedIsReviewed: boolean): 'draft' | 'reviewed' | null {
  if (state === null) return 'draft';
  if (state === 'new' || state === 'needs-translation' || state === 'initial') return null;
  if (state === 'final' || state === 'signed-off' || state === 'reviewed') return 'reviewed';
  if (state === 'translated') return translatedIsReviewed ? 'reviewed' : 'draft';
  return 'draft'; // needs-review-*, needs-adaptation, needs-l10n, x-…: a translation someone should look at
}

/**
 * Brings translations back by id. The XLIFF's source is what each translation was made from, so
 * a segment whose source changed here since is stale; `base` (the copy exported) lets the merge
 * tell the translator's changes from ours. A target in a state that is no translation (new,
 * needs-translation), or one equal to its source (a CAT tool's copy), is not taken.
 */
export function importXliff(base: Interview | null, ours: Interview, units: XliffUnit[], translator: string, options: { translatedIsReviewed?: boolean } = {}): MergeResult & { summary: XliffImportSummary } {
  const exported = base ?? ours;
  const known = new Set(exported.segments.map((segment) => segment.id));
  const byId = new Map(units.filter((unit) => known.has(unit.id)).map((unit) => [unit.id, unit]));
  const unknownIds = units.filter((unit) => !known.has(unit.id)).map((unit) => unit.id);
  const summary: XliffImportSummary = { taken: 0, notesTaken: 0, unchanged: 0, notTranslated: 0, unknown: { count: unknownIds.length, ids: unknownIds.slice(0, 5) } };
  // A redacted XLIFF comes back with each name's replacement where the name was: a target the
  // translator left as it was exported is no change, whichever way it went out.
  const terms = redactionTerms(exported);
  const target = replacementLanguage(exported.languages.target);
  const asSent = (text: string, language?: Language) => (terms.length > 0 ? applyRedactions(asRenderedProse(text), terms, language ? { language } : {}) : text);
  const theirs: Interview = {
    ...structuredClone(exported),
    segments: exported.segments.map((segment) => {
      const unit = byId.get(segment.id);
      // A withdrawn passage went out as the mark alone: nothing that comes back for it is taken.
      if (!unit || isWithdrawn(segment)) return segment;
      let next = segment;
      const notes = unit.notes.join('\n');
      if (notes && notes !== segment.notes && notes !== asSent(segment.notes)) {
        next = { ...next, notes };
        summary.notesTaken += 1;
      }
      const status = statusFor(unit.state, options.translatedIsReviewed === true);
      const translation = unit.target ?? '';
      if (status === null || translation.trim() === '' || translation === unit.source) {
        summary.notTranslated += 1;
        return next;
      }
      if (translation === segment.translation || translation === asSent(segment.translation, target)) {
        // The same words; a reviewer's "final" still says something.
        if (status === 'reviewed' && segment.status !== 'reviewed' && segment.translation.trim() !== '') {
          summary.taken += 1;
          return { ...next, status };
        }
        summary.unchanged += 1;
        return next;
      }
      summary.taken += 1;
      // The translation was made from the source as exported (which the CAT tool saw redacted).
      return { ...next, translation, sourceAtTranslation: segment.source, status };
    }),
  };
  return { ...mergeInterviews(exported, ours, theirs, { theirAuthor: translator, newId: () => `cfl-${randomUUID()}` }), summary };
}
