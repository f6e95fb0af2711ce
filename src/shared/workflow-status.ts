// The status an interview has by its work, so the library never says "Transcribing" about a
// finished translation: transcribing → translating once the transcript covers the recording (or,
// without one, every segment has text) → editing once every segment with text is translated →
// ready once every one is reviewed and the article has a body. A status set by hand stays.
import type { Interview, WorkflowStatus } from './interview';
import { workflowStatuses } from './interview';
import { transcriptCoverage } from './coverage';

const COVERED = 0.95;

export function statusByWork(interview: Interview): WorkflowStatus {
  // One pass, nothing copied: this runs on every edit, and an interview can hold 100,000 segments.
  let spoken = 0;
  let untranslated = false;
  let unreviewed = false;
  for (const segment of interview.segments) {
    if (segment.source.trim() === '') continue;
    spoken += 1;
    if (!untranslated && segment.translation.trim() === '') untranslated = true;
    if (segment.status !== 'reviewed') unreviewed = true;
  }
  if (spoken === 0) return 'transcribing';
  const transcribed = interview.recording?.durationSeconds ? transcriptCoverage(interview.segments, interview.recording.durationSeconds) >= COVERED : true;
  if (!transcribed) return 'transcribing';
  if (untranslated) return 'translating';
  const bodyWritten = interview.article.blocks.some((block) => block.kind === 'paragraph' && block.text.trim() !== '');
  if (!unreviewed && bodyWritten) return 'ready';
  return 'editing';
}

/** The interview with its status moved on by the work (never back), unless it was set by hand. */
export function withStatusFollowingWork(interview: Interview): Interview {
  if (interview.statusSetByHand) return interview;
  const byWork = statusByWork(interview);
  return workflowStatuses.indexOf(byWork) > workflowStatuses.indexOf(interview.status) ? { ...interview, status: byWork } : interview;
}
