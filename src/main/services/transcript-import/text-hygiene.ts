// What an imported transcript may not carry into the interview: characters nobody said. Direction
// overrides and isolates (U+202A–202E, U+2066–2069) can make a row display reversed text; direction
// marks and zero-width characters hide inside words; control characters are no speech. Control
// whitespace (vertical tab, form feed, next line, line and paragraph separators) stood between
// words: it becomes a space, so the words do not run together. Zero-width joiner and non-joiner
// stay where a script needs them (after a letter of a script that is neither Latin nor Hangul, or
// in an emoji sequence), and are removed between Latin or Hangul letters, where they only hide.

// eslint-disable-next-line no-control-regex
const SPACE_LIKE = /[\u000b\u000c\u0085\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060\ufeff\u180e]/g;
const JOINER_WITHOUT_NEED = /(?<=[\p{Script=Latin}\p{Script=Hangul}\s\p{P}]|^)[\u200c\u200d]|[\u200c\u200d](?=[\p{Script=Latin}\p{Script=Hangul}\s\p{P}]|$)/gu;

/** The text as said, and how many characters were changed on the way. */
export function cleanedText(text: string): { text: string; changes: number } {
  let changes = 0;
  const count = (replacement: string) => () => {
    changes += 1;
    return replacement;
  };
  const cleaned = text.replace(SPACE_LIKE, count(' ')).replace(CONTROL, count('')).replace(INVISIBLE, count('')).replace(JOINER_WITHOUT_NEED, count(''));
  return { text: cleaned, changes };
}
