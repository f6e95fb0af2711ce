// Glossary import and export as CSV or TSV (papaparse): korean, english, avoid (";"-separated), note.
// Messy files import what they can and say which lines were skipped, and why.
import Papa from 'papaparse';
import type { GlossaryTerm } from '../../shared/interview';

export type GlossaryRow = Omit<GlossaryTerm, 'id'>;
export type SkippedLine = { line: number; reason: string };

const headerAliases: Record<string, keyof GlossaryRow> = {
  korean: 'korean',
  한국어: 'korean',
  term: 'korean',
  english: 'english',
  영어: 'english',
  rendering: 'english',
  avoid: 'avoid',
  variants: 'avoid',
  note: 'note',
  notes: 'note',
  메모: 'note',
};

export function parseGlossary(text: string): { rows: GlossaryRow[]; skipped: SkippedLine[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: ['\t', ',', ';'],
    transformHeader: (header) => headerAliases[header.trim().toLowerCase()] ?? header.trim().toLowerCase(),
  });
  const skipped: SkippedLine[] = parsed.errors
    .filter((error) => error.row !== undefined)
    .map((error) => ({ line: (error.row ?? 0) + 2, reason: error.message }));
  const rows: GlossaryRow[] = [];
  parsed.data.forEach((record, index) => {
    const line = index + 2; // 1-based, after the header line
    if (skipped.some((skip) => skip.line === line)) return;
    const korean = (record.korean ?? '').trim().normalize('NFC');
    const english = (record.english ?? '').trim();
    if (!korean || !english) {
      skipped.push({ line, reason: !korean ? 'no Korean term' : 'no English rendering' });
      return;
    }
    const avoid = (record.avoid ?? '')
      .split(';')
      .map((variant) => variant.trim())
      .filter(Boolean);
    rows.push({ korean, english, avoid, note: (record.note ?? '').trim() });
  });
  if (!parsed.meta.fields?.includes('korean') || !parsed.meta.fields.includes('english')) {
    return { rows: [], skipped: [{ line: 1, reason: 'the first line must name the columns: korean, english, avoid, note' }] };
  }
  return { rows, skipped: skipped.sort((a, b) => a.line - b.line) };
}

export function serializeGlossary(terms: readonly GlossaryTerm[], delimiter: ',' | '\t'): string {
  return Papa.unparse(
    {
      fields: ['korean', 'english', 'avoid', 'note'],
      data: terms.map((term) => [term.korean, term.english, term.avoid.join('; '), term.note]),
    },
    { delimiter, newline: '\n' },
  );
}

/** Merges imported rows by Korean term: existing terms are updated, new ones added. */
export function mergeGlossary(
  existing: readonly GlossaryTerm[],
  rows: readonly GlossaryRow[],
  newId: () => string,
): { terms: GlossaryTerm[]; added: number; updated: number } {
  const terms = [...existing];
  let added = 0;
  let updated = 0;
  for (const row of rows) {
    const index = terms.findIndex((term) => term.korean.normalize('NFC') === row.korean);
    if (index === -1) {
      terms.push({ id: newId(), ...row });
      added += 1;
    } else {
      terms[index] = { ...terms[index]!, ...row };
      updated += 1;
    }
  }
  return { terms, added, updated };
}
