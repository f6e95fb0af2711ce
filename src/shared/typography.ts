// Newsroom typography for the article: curly quotes and em dashes instead of typewriter marks.

const OPENS_QUOTE = /[\s([{\u2014\u2013-]/;

/** "straight" → “curly”, it's → it’s, -- and spaced hyphens → em dash. */
export function smartenPunctuation(text: string): string {
  const dashed = text.replace(/\s+--?\s+/g, ' — ').replace(/--/g, '—');
  let output = '';
  for (let index = 0; index < dashed.length; index += 1) {
    const char = dashed[index]!;
    const opens = index === 0 || OPENS_QUOTE.test(dashed[index - 1]!);
    if (char === '"') output += opens ? '“' : '”';
    else if (char === "'") output += opens && /\p{L}/u.test(dashed[index + 1] ?? '') ? '‘' : '’';
    else output += char;
  }
  return output;
}
