// Redaction, as the rest of the app uses it: sensitive entities, their spellings, folding, matching.
export * from './redaction';
export { isKorean, isMostlyKorean, guessRedactionKind } from './kinds';
export { proposedSpellings, lettersOf } from './spellings';
export { foldText, foldSpelling } from './folding';
