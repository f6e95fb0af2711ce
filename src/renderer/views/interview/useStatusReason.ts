import { useState } from 'react';
import type { Interview } from '../../../shared/interview';
import { explainStatus, statusMayHaveChanged, type SpeechStretch, type StatusReason } from '../../../shared/workflow-status';

/**
 * Why the interview has its status, judged again only when an edit could change it: a letter
 * typed into a segment with text costs a pass of pointer comparisons, not a judgement of every
 * segment (which, even deferred, would run in the gap after each keystroke).
 */
export function useStatusReason(interview: Interview | null, speech: readonly SpeechStretch[] | null): StatusReason | null {
  const [kept, keep] = useState<{ interview: Interview; speech: readonly SpeechStretch[] | null; reason: StatusReason } | null>(null);
  if (!interview) return null;
  if (kept && kept.speech === speech && (kept.interview === interview || !statusMayHaveChanged(kept.interview, interview))) return kept.reason;
  // React's pattern for information from earlier renders: set during render, re-rendered at once.
  const judged = { interview, speech, reason: explainStatus(interview, speech) };
  keep(judged);
  return judged.reason;
}
