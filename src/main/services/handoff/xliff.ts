// For translators who work in a CAT tool (OmegaT, Trados, memoQ): the interview as XLIFF 1.2 —
// one trans-unit per segment, keyed by the segment's id, speaker and timing as notes — and the
// glossary as TBX beside it. Coming back, translations land by id and go through the same
// three-way merge as a package: a translation whose source changed since the export is stale,
// and a segment both sides translated differently is a conflict.
import { XMLParser } from 'fast-xml-parser';
import { randomUUID } from 'node:crypto';
import type { GlossaryTerm, Interview } from '../../../shared/interview';
import { mergeInterviews, type MergeResult } from '../../../shared/merge';
import { formatCueTime } from '../../../shared/timecode';
import { DeskError } from '../desk-error';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const xliffState = (segment: Interview['segments'][number]) =>
  segment.translation.trim() === '' ? 'needs-translation' : segment.status === 'reviewed' ? 'final' : segment.sourceAtTranslation !== segment.source ? 'needs-review-translation' : 'translated';

export function buildXliff(interview: Interview): string {
  const speakers = new Map(interview.speakers.map((speaker) => [speaker.id, speaker.name]));
  const { source, target } = interview.languages;
  const units = interview.segments.map((segment) =>
    [
      `      <trans-unit id="${escapeXml(segment.id)}" resname="${escapeXml(segment.id)}">`,
      `        <source xml:lang="${escapeXml(source)}">${escapeXml(segment.source)}</source>`,
      `        <target xml:lang="${escapeXml(target)}" state="${xliffState(segment)}">${escapeXml(segment.translation)}</target>`,
      `        <note from="speaker">${escapeXml(speakers.get(segment.speakerId ?? '') ?? '')}</note>`,
      `        <note from="timing">${formatCueTime(segment.start, '.')} --> ${formatCueTime(segment.end, '.')}</note>`,
      ...(segment.notes.trim() ? [`        <note from="translator">${escapeXml(segment.notes)}</note>`] : []),
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

/** The glossary as TBX (TBX-Basic shape): one termEntry per term, Korean and English langSets. */
export function buildTbx(terms: readonly GlossaryTerm[], languages: Interview['languages']): string {
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

/** The trans-units of an XLIFF 1.2 file, as written by this app or by a CAT tool that kept the ids. */
export function parseXliff(xml: string, interviewId: string): Unit[] {
  let document: unknown;
  try {
    document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', isArray: (name) => ['trans-unit', 'file', 'note', 'mrk', 'g'].includes(name) }).parse(xml);
  } catch {
    throw new DeskError('refused', 'This is not a readable XLIFF file.');
  }
  const files = (document as { xliff?: { file?: { '@original'?: string; body?: { 'trans-unit'?: unknown[] } }[] } }).xliff?.file;
  if (!files?.length) throw new DeskError('refused', 'This is not an XLIFF 1.2 file (no <file> element).');
  const file = files.find((candidate) => candidate['@original'] === interviewId);
  if (!file) throw new DeskError('refused', 'This XLIFF file belongs to another interview.');
  const flatten = (value: unknown): string => {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (Array.isArray(value)) return value.map(flatten).join('');
    const node = value as Record<string, unknown>;
    return Object.entries(node)
      .filter(([key]) => !key.startsWith('@'))
      .map(([, inner]) => flatten(inner))
      .join('');
  };
  return (file.body?.['trans-unit'] ?? []).map((unit) => {
    const record = unit as Record<string, unknown>;
    return { id: String(record['@id'] ?? ''), source: flatten(record.source), target: flatten(record.target) };
  });
}

/**
 * Brings translations back by id. The XLIFF's source is what each translation was made from, so
 * a segment whose source changed here since is stale; `base` (the copy exported) lets the merge
 * tell the translator's changes from ours.
 */
export function importXliff(base: Interview | null, ours: Interview, units: Unit[], translator: string): MergeResult {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const theirs: Interview = {
    ...structuredClone(base ?? ours),
    segments: (base ?? ours).segments.map((segment) => {
      const unit = byId.get(segment.id);
      if (!unit || unit.target.trim() === '' || unit.target === segment.translation) return segment;
      return { ...segment, translation: unit.target, sourceAtTranslation: unit.source, status: 'draft' as const };
    }),
  };
  return mergeInterviews(base ?? ours, ours, theirs, { theirAuthor: translator, newId: () => `cfl-${randomUUID()}` });
}
