// How a translation-memory match's source differs from the row being translated: the words
// changed (so the translator sees what the stored translation does not cover), and whether a
// number differs — 열세 (thirteen) stored, 열두 (twelve) here — in which case the match must not
// go in with one key.
import DiffMatchPatch from 'diff-match-patch';

export type DiffPiece = { kind: 'same' | 'onlyInMatch' | 'onlyHere'; text: string };

/** The match's source against this row's, in readable pieces (word-level cleanup). */
export function sourceDifference(matchSource: string, rowSource: string): DiffPiece[] {
  const engine = new DiffMatchPatch();
  const diffs = engine.diff_main(matchSource, rowSource);
  engine.diff_cleanupSemantic(diffs);
  return diffs.map(([operation, text]) => ({ kind: operation === 0 ? 'same' : operation < 0 ? 'onlyInMatch' : 'onlyHere', text }));
}

/**
 * Numbers written with digits, or as Korean number words (native 하나…아흔아홉 with their
 * attributive forms 한/두/세/네/스무, and Sino-Korean 일…구 with 십/백/천/만 and a counter).
 */
const NUMBER =
  /\d+(?:[.,]\d+)*|(?:열|스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔)(?:하나|한|둘|두|셋|세|넷|네|다섯|여섯|일곱|여덟|아홉)?|(?:하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉)|(?:한|두|세|네)(?=\s?(?:살|명|개|시|시간|번|달|해|마리|사람|권|장|잔|그릇|끼|가지|주|층|척))|[일이삼사오육칠팔구]?[십백천만]+[일이삼사오육칠팔구]?(?=\s?(?:년|월|일|살|세|명|개|원|분|시|번|킬로|미터|리))/gu;

export function numbersIn(text: string): string[] {
  return [...text.normalize('NFC').matchAll(NUMBER)].map((match) => match[0]);
}

/** The numbers that differ between the two sources (each side's, in order), or null when they agree. */
export function differingNumbers(matchSource: string, rowSource: string): { inMatch: string[]; here: string[] } | null {
  const inMatch = numbersIn(matchSource);
  const here = numbersIn(rowSource);
  if (inMatch.length === here.length && inMatch.every((number, index) => number === here[index])) return null;
  const rest = (from: string[], other: string[]) => {
    const pool = [...other];
    return from.filter((number) => {
      const at = pool.indexOf(number);
      if (at === -1) return true;
      pool.splice(at, 1);
      return false;
    });
  };
  return { inMatch: rest(inMatch, here), here: rest(here, inMatch) };
}
