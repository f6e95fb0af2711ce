import type { Interview } from '../../../shared/interview';
import { explainStatus, statusMayHaveChanged, type SpeechStretch, type StatusReason } from '../../../shared/workflow-status';

/** The last judgement, with the interview it was made for (held weakly: not kept after closing). */
let lastJudged: { interview: WeakRef<Interview>; speech: readonly SpeechStretch[] | null; reason: StatusReason } | null = null;

/**
 * Why the interview has its status, judged again only when an edit could change it: a letter
 * typed into a segment with text costs a look at the replaced segment (shared/followed.ts), not a
 * judgement of every segment. Remembered from one render to the next, outside React's state, so
 * keeping it up to date costs no render of its own; the same interview gives the same reason.
 */
export function statusReasonOf(interview: Interview | null, speech: readonly SpeechStretch[] | null): StatusReason | null {
  if (!interview) return null;
  const before = lastJudged?.speech === speech ? lastJudged.interview.deref() : undefined;
  const reason = before && (before === interview || !statusMayHaveChanged(before, interview)) ? lastJudged!.reason : explainStatus(interview, speech);
  lastJudged = { interview: new WeakRef(interview), speech, reason };
  return reason;
}
