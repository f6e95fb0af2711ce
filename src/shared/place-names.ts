// A place written in Korean, said in English for an English article: each part by its glossary
// name where the glossary has one (the newsroom's agreed spelling, "Hoeryong", not a
// romanisation), otherwise romanised; smallest place first, as English addresses run
// ("함경북도 회령" → "Hoeryong, North Hamgyong Province"). An English gloss the writer added in
// brackets ("회령 (Hoeryong)") is dropped once the Korean has been rendered, so nothing doubles.
import { romanize } from 'es-hangul';
import type { GlossaryTerm } from './interview';

const HANGUL = /[\uac00-\ud7a3]/u;

type PlaceTerm = Pick<GlossaryTerm, 'korean' | 'english'>;

/** An administrative suffix after a known name ("혜산시"), as English says it: a city is just its name. */
const SUFFIXES: Record<string, string> = { 시: '', 읍: '', 군: ' County', 도: ' Province', 구역: ' District', 동: '-dong', 리: '-ri' };

function withSuffix(english: string, suffix: string): string {
  const added = SUFFIXES[suffix]!;
  return added && english.toLowerCase().endsWith(added.trim().toLowerCase()) ? english : `${english}${added}`;
}

/** Korean words in English text become their Revised Romanization: the article is English. */
export function withoutHangul(text: string): string {
  return text.replace(/[\uac00-\ud7a3]+/gu, (word) => romanize(word).replace(/^./, (first) => first.toUpperCase()));
}

export function englishPlaceName(text: string, glossary: readonly PlaceTerm[]): string {
  const trimmed = text.trim();
  if (!HANGUL.test(trimmed)) return trimmed;
  // The longest glossary names first, so "함경북도" is not read as something shorter inside it.
  const byLength = [...glossary].filter((term) => HANGUL.test(term.korean)).sort((a, b) => b.korean.length - a.korean.length);
  const withoutGlosses = trimmed.replace(/\s*[(（][^()（）\uac00-\ud7a3]*[)）]/gu, '');
  const parts: string[] = [];
  for (const chunk of withoutGlosses.split(/[\s,、·]+/u).filter(Boolean)) {
    const whole = byLength.find((term) => term.korean.trim() === chunk);
    if (whole || !HANGUL.test(chunk)) {
      parts.push(whole ? whole.english.trim() : chunk);
      continue;
    }
    // A run-together address ("함경북도회령시"): peel known names off the front.
    let rest = chunk;
    while (rest) {
      const known = byLength.find((term) => rest.startsWith(term.korean.trim()));
      if (!known) {
        parts.push(withoutHangul(rest));
        break;
      }
      rest = rest.slice(known.korean.trim().length);
      if (rest in SUFFIXES) {
        parts.push(withSuffix(known.english.trim(), rest));
        break;
      }
      parts.push(known.english.trim());
    }
  }
  return parts.reverse().join(', ');
}
