// Korean particles: what may follow a word inside the same written word, and the ones whose form
// depends on whether the word before them ends in a consonant (이/가, 을/를, 은/는…). Find &
// replace and the names review both need them.

/** What may follow a noun inside its word: particles, the copula and its endings; longest first. */
export const PARTICLES = [
  '이었어요', '이었습니다', '이었다', '였어요', '였습니다', '였다', '입니다', '이에요', '예요', '이라는', '이라고', '이라서', '라는', '라고', '이랑', '이나', '이고',
  '에게서', '한테서', '께서는', '에서는', '에서', '에게', '한테', '께서', '으로', '로서', '처럼', '까지', '부터', '하고', '랑', '이요', '이야', '이다',
  '마다', '보다', '조차', '밖에', '라도', '이라도', '대로', '만큼', '끼리', '에도', '에는', '엔', '와는', '과는', '하고는',
  '은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '로', '만', '도', '야', '아',
].sort((a, b) => b.length - a.length);

/**
 * Particles with two forms: [after a final consonant, after a vowel]. 으로/로 also takes 로 after
 * a final ㄹ. Longest first, so 이라고 is tried before 이.
 */
const ALTERNATING = ([
  ['이었어요', '였어요'], ['이었습니다', '였습니다'], ['이었다', '였다'], ['이에요', '예요'], ['이라는', '라는'], ['이라고', '라고'], ['이라서', '라서'],
  ['이라도', '라도'], ['이랑', '랑'], ['이나', '나'], ['으로', '로'], ['과는', '와는'], ['은', '는'], ['이', '가'], ['을', '를'], ['과', '와'], ['아', '야'],
] as [string, string][]).sort((a, b) => b[0].length - a[0].length);

const FIRST_SYLLABLE = 0xac00;
const LAST_SYLLABLE = 0xd7a3;
const FINAL_RIEUL = 8;

/** The final consonant of a Hangul syllable (0 for none), or null for anything else. */
export function finalOf(character: string | undefined): number | null {
  const code = character?.codePointAt(0);
  if (code === undefined || code < FIRST_SYLLABLE || code > LAST_SYLLABLE) return null;
  return (code - FIRST_SYLLABLE) % 28;
}

/** A regular-expression source for "optionally particles, then the end of the word". */
export const PARTICLE_TAIL = `(?:${PARTICLES.join('|')}){0,2}(?![\\p{L}\\p{N}])`;

/** Does this text (what follows a word) begin with an alternating particle that ends the word? */
function alternatingAt(after: string): { particle: string; pair: readonly [string, string] } | null {
  for (const pair of ALTERNATING) {
    for (const particle of pair) {
      if (!after.startsWith(particle)) continue;
      const rest = after.slice(particle.length);
      if (new RegExp(`^${PARTICLE_TAIL}`, 'u').test(rest)) return { particle, pair };
    }
  }
  return null;
}

/**
 * The particle that should follow `word` in place of the one at the start of `after`, when the
 * word now ends differently (김철수가 → 김철이; 장마당을 → 시장을). Null when nothing changes:
 * no alternating particle there, or the word does not end in a Hangul syllable.
 */
export function refitParticle(word: string, after: string): { from: string; to: string } | null {
  const final = finalOf([...word].at(-1));
  if (final === null) return null;
  const found = alternatingAt(after);
  if (!found) return null;
  const [afterConsonant, afterVowel] = found.pair;
  const rieulTakesVowelForm = afterConsonant === '으로';
  const wanted = final === 0 || (rieulTakesVowelForm && final === FINAL_RIEUL) ? afterVowel : afterConsonant;
  return wanted === found.particle ? null : { from: found.particle, to: wanted };
}
