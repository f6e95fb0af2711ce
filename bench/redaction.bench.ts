// Redaction on the whole path an export waits on: every string of a 10,000-segment interview
// folded, matched against a person, a place and the narrator in every spelling, replaced; then
// the file's text searched again by both leak checks (the replacer's spellings, and by sound) and
// reviewed for names nobody listed (with the English and Korean dictionaries, loaded once a process:
// the first review includes their loading).
// Goal: under 1 s for 10,000 segments (an export of that size has a 2 s budget in all).
import { bench, describe } from 'vitest';
import { findLeakedTerms, redactionTerms } from '../src/shared/redaction';
import { findUnlistedNames } from '../src/shared/redaction/unlisted-names';
import { findSoundAlikes, soundIndexFor } from '../src/shared/redaction/sound-check';
import { loadVocabulary } from '../src/main/services/export/vocabulary';
import { publishableCopy } from '../src/main/services/export/publishable';
import { largeInterview } from './fixtures';

const interview = largeInterview('bench-redaction', 10_000);
interview.narrator.realName = '최순희';
interview.redactions = [
  { id: 'red-1', kind: 'person', korean: ['박영희'], english: [], rejected: [], replacementKo: '[어머니]', replacementEn: '[her mother]', reason: '' },
  { id: 'red-2', kind: 'place', korean: ['회령시'], english: [], rejected: [], replacementKo: '[국경 도시]', replacementEn: 'a border city', reason: '' },
];
interview.segments = interview.segments.map((segment, index) =>
  index % 50 === 0 ? { ...segment, translation: `${segment.translation} Park Young-hee lived in Hoeryong.`, source: `${segment.source} 박영희는 회령에 살았다.` } : segment,
);

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
  bench('leak check of the whole text (by sound)', () => void findSoundAlikes(text, soundIndexFor(redactionTerms(interview))), { iterations: 5, time: 0 });
  bench('review of names nobody listed (dictionaries included)', () => void findUnlistedNames(text, { known: [], vocabulary: loadVocabulary() }), { iterations: 5, time: 0 });
});
