// "Find speakers…": the voices of the interview's segments told apart (speakers-job.ts, all in
// the speech worker: the main process never runs the clustering), then proposals — following the segments a person already gave a speaker when there are enough of
// them, otherwise from the voices alone, as many as the interview's speaker list names (or the
// caller says), or as many as the recording shows.
import type { Interview } from '../../../shared/interview';
import { canFollowLabels, labelledSegments, speakersForClusters, type SpeakerProposals } from '../../../shared/speaker-proposals';
import { tellVoices, type VoiceJob } from './speakers-job';

export async function findSpeakers(interview: Interview, job: Omit<VoiceJob, 'segments'> & { speakers?: number; newId: () => string }): Promise<SpeakerProposals> {
  const labels = labelledSegments(interview);
  const follow = job.speakers === undefined && canFollowLabels(labels);
  // How many voices: as asked, else as many as the interview's speaker list names, else as many as the recording shows.
  const speakers = job.speakers ?? (interview.speakers.length > 0 ? interview.speakers.length : null);
  const { voices, outcome } = await tellVoices({ ...job, segments: interview.segments, labels, follow, speakers });
  if (outcome.kind === 'labels') {
    const proposals = voices.flatMap((voice, index) => {
      const follows = outcome.follows[index];
      return follows ? [{ segmentId: voice.segmentId, ...follows }] : [];
    });
    return { proposals, newSpeakers: [], voices: new Set(labels.values()).size, method: 'labels' };
  }
  const guesses = outcome.guesses.map((guess, index) => ({ segmentId: voices[index]!.segmentId, ...guess }));
  return { ...speakersForClusters(interview, guesses, outcome.count, job.newId), method: 'clusters' };
}
