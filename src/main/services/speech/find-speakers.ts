// "Find speakers…": the voices of the interview's segments (speakers-job.ts, in the worker), then
// proposals — following the segments a person already gave a speaker when there are enough of
// them, otherwise from the voices alone, as many as the interview's speaker list names (or the
// caller says), or as many as the recording shows.
import type { Interview } from '../../../shared/interview';
import { canFollowLabels, labelledSegments, speakersForClusters, type SpeakerProposals } from '../../../shared/speaker-proposals';
import { segmentVoices, type VoiceJob } from './speakers-job';

export async function findSpeakers(interview: Interview, job: Omit<VoiceJob, 'segments'> & { speakers?: number; newId: () => string }): Promise<SpeakerProposals> {
  const voices = await segmentVoices({ ...job, segments: interview.segments });
  // The clustering library is loaded only when speakers are looked for (not by every command).
  const { findVoices, followLabels } = await import('./speaker-clusters');
  const labelled = labelledSegments(interview);
  if (job.speakers === undefined && canFollowLabels(labelled)) {
    const proposals = followLabels(voices, labelled);
    return { proposals, newSpeakers: [], voices: new Set(labelled.values()).size, method: 'labels' };
  }
  const count = job.speakers ?? (interview.speakers.length > 0 ? interview.speakers.length : undefined);
  const { guesses, count: found } = findVoices(voices, count === undefined ? {} : { speakers: count });
  return { ...speakersForClusters(interview, guesses, found, job.newId), method: 'clusters' };
}
