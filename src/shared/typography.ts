// Newsroom typography for English text in every export: curly quotes and apostrophes, em dashes
// with the house's spacing, en dashes in ranges, the ellipsis character, and non-breaking spaces
// that keep "5 a.m." and "2 km" on one line. AP style by default; the house can close up dashes.

export type TypographyStyle = {
  /** AP: "word — word"; Chicago and many British houses: "word—word". */
  dashSpacing: 'spaced' | 'closed';
};
export const AP_STYLE: TypographyStyle = { dashSpacing: 'spaced' };

const OPENS_QUOTE = /[\s([{\u2014\u2013-]/;
const NBSP = '\u00a0';
/** Units that stay with their number. */
const UNITS = 'km|kg|cm|mm|m|g|mg|l|ml|ha|mph|km/h|kph|°C|°F|percent|won|yuan|dollars';
const DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const NUMBER_AND_UNIT = new RegExp(`(\\d) (${UNITS})(?![\\p{L}])`, 'gu');
const LETTER = /\p{L}/u;

/** "straight" → “curly”, it's → it’s, ’90s, rock ’n’ roll, and dashes with the house's spacing. */
export function smartenPunctuation(text: string, style: TypographyStyle = AP_STYLE): string {
  const dash = style.dashSpacing === 'spaced' ? ' — ' : '—';
  const dashed = text
    // A spaced hyphen between numbers is a range, not a dash (handled below).
    .replace(/(?<!\d)\s+--?\s+(?!\d)|(?<=\D)\s+--?\s+(?=\d)|(?<=\d)\s+--?\s+(?=\D)/g, dash)
    .replace(/(?<=\S)--(?=\S)/g, dash)
    .replace(/\s*—\s*/g, dash);
  // Only the quotes change, each by the character before it (and an apostrophe by the one after):
  // the rest of the text is copied as it is, not a character at a time.
  const output = dashed.replace(/["']/g, (char: string, index: number) => {
    const opens = index === 0 || OPENS_QUOTE.test(dashed[index - 1]!);
    if (char === '"') return opens ? '“' : '”';
    return opens && LETTER.test(dashed[index + 1] ?? '') ? '‘' : '’';
  });
  // ’n’ is two apostrophes (letters left out), not a quotation.
  return output.replace(/‘n’/g, '’n’');
}

/** Everything an English export's text gets before it is written. */
export function typesetEnglish(text: string, style: TypographyStyle = AP_STYLE): string {
  // ISO dates keep their hyphens; they are put back after the range rule.
  const dates: string[] = [];
  const guarded = text.replace(DATE, (date) => {
    dates.push(date);
    return `\u0000${dates.length - 1}\u0000`;
  });
  const typeset = smartenPunctuation(
    guarded
      .replace(/\.\s?\.\s?\./g, '…')
      // 40-50, 1994-1998, 10 - 12: an en dash, closed up.
      .replace(/(\d)\s*[-–]\s*(?=\d)/g, '$1–'),
    style,
  )
    .replace(/(\d) (a\.m\.|p\.m\.)/g, `$1${NBSP}$2`)
    .replace(NUMBER_AND_UNIT, `$1${NBSP}$2`)
    .replace(/(\d) %/g, `$1${NBSP}%`);
  // eslint-disable-next-line no-control-regex
  return typeset.replace(/\u0000(\d+)\u0000/g, (_, index: string) => dates[Number(index)]!);
}
