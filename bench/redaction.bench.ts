// Redaction on the whole path an export waits on: every string of a 10,000-segment interview
// folded, matched against a person, a place and the narrator in every spelling, replaced; then
// the file's text searched again by both leak checks (the replacer's spellings alone, then both
// as an export runs them: spellings, and by sound a stretch between line breaks and digits at a time) and
// reviewed for names nobody listed (with the English and Korean dictionaries, loaded once a process:
// the first review includes their loading).
// Goal: under 1 s for 10,000 segments (an export of that size has a 2 s budget in all).
import { bench, describe } from 'vitest';
import { findLeakedTerms, redactionTerms } from '../src/shared/redaction';
import { findUnlistedNames } from '../src/shared/redaction/unlisted-names';
import { loadVocabulary } from '../src/main/services/export/vocabulary';
import { publishableCopy } from '../src/main/services/export/publishable';
import { findLeaks, leakGuard } from '../src/main/services/export/leak-check';
import { realisticInterview } from './fixtures';

// Varied text with the listed names in many spellings (realisticInterview): identical sentences
// would let the check by sound hear one stretch for thousands.
const interview = realisticInterview('bench-redaction', 10_000);
interview.narrator.realName = '최순희';

describe('redaction, 10,000 segments (goal: < 1,000 ms each)', () => {
  let run = 0;
  bench(
    'replace every spelling in every field (publishable copy)',
    () => {
      // A fresh interview object and a fresh term list each time, as a new export process has:
      // both are remembered (the copy by interview, the terms and their compiled pattern by the
      // list's content), and a remembered copy took 0.002 ms. The reason is not part of any pattern.
      run += 1;
      const fresh = { ...interview, redactions: interview.redactions.map((redaction) => ({ ...redaction, reason: `run ${run}` })) };
      publishableCopy(fresh, redactionTerms(fresh));
    },
    { iterations: 5, time: 0 },
  );

  const text = interview.segments.map((segment) => `${segment.source}\n${segment.translation}`).join('\n');
  bench('leak check of the whole text (spellings)', () => void findLeakedTerms(text, redactionTerms(interview)), { iterations: 5, time: 0 });
  bench('both leak checks of the whole text, as an export runs them (spellings, and by sound)', () => void findLeaks([{ part: 'text', where: 'the text', text }], leakGuard(redactionTerms(interview))), { iterations: 5, time: 0 });
  bench('review of names nobody listed (dictionaries included)', () => void findUnlistedNames(text, { known: [], vocabulary: loadVocabulary() }), { iterations: 5, time: 0 });
});
