// Speaker proposals as the transcriber meets them: for each segment, a speaker of the interview
// (or a new one the proposals bring) and how sure the machine is. Applying them is one change to
// the transcript (one undo step in the window), all at once or above a confidence.
import type { Interview, Segment, Speaker } from './interview';

export type SpeakerProposal = { segmentId: string; speakerId: string; confidence: number };
export type SpeakerProposals = {
  proposals: SpeakerProposal[];
  /** Speakers the proposals name that the interview does not have yet ("Speaker 2"). */
  newSpeakers: Speaker[];
  /** How many voices were told apart. */
  voices: number;
  /** 'labels': the rest followed the segments a person had given a speaker; 'clusters': found from the voices alone. */
  method: 'labels' | 'clusters';
};

const PALETTE = ['#2f5d8a', '#b5651d', '#4b7f52', '#8a3f6f', '#7a6a2f', '#3f6f8a'];

/** Segments carrying a speaker a person chose: the ones the rest can learn from. */
export function labelledSegments(interview: Pick<Interview, 'segments' | 'speakers'>): Map<string, string> {
  const known = new Set(interview.speakers.map((speaker) => speaker.id));
  return new Map(interview.segments.flatMap((segment) => (segment.speakerId && known.has(segment.speakerId) ? [[segment.id, segment.speakerId] as const] : [])));
}

/** Enough labels to follow: at least two segments of each of at least two speakers. */
export function canFollowLabels(labelled: ReadonlyMap<string, string>): boolean {
  const perSpeaker = new Map<string, number>();
  for (const speaker of labelled.values()) perSpeaker.set(speaker, (perSpeaker.get(speaker) ?? 0) + 1);
  return [...perSpeaker.values()].filter((count) => count >= 2).length >= 2;
}

/**
 * Clusters turned into the interview's speakers: a cluster whose segments a person already
 * labelled takes the label most of them carry; the rest take the interview's unused speakers in
 * order of first appearance, then new ones ("Speaker 3").
 */
export function speakersForClusters(interview: Pick<Interview, 'segments' | 'speakers'>, guesses: { segmentId: string; cluster: number; confidence: number }[], count: number, newId: () => string): Omit<SpeakerProposals, 'method'> {
  const labelled = labelledSegments(interview);
  const votes = Array.from({ length: count }, () => new Map<string, number>());
  for (const guess of guesses) {
    const label = labelled.get(guess.segmentId);
    if (label) votes[guess.cluster]!.set(label, (votes[guess.cluster]!.get(label) ?? 0) + 1);
  }
  const speakerOf: string[] = [];
  const used = new Set<string>();
  votes.forEach((vote, cluster) => {
    const winner = [...vote.entries()].sort((a, b) => b[1] - a[1]).find(([speaker]) => !used.has(speaker));
    if (!winner) return;
    speakerOf[cluster] = winner[0];
    used.add(winner[0]);
  });
  const unused = interview.speakers.filter((speaker) => !used.has(speaker.id));
  const newSpeakers: Speaker[] = [];
  for (let cluster = 0; cluster < count; cluster += 1) {
    if (speakerOf[cluster]) continue;
    const existing = unused.shift();
    if (existing) speakerOf[cluster] = existing.id;
    else {
      const number = interview.speakers.length + newSpeakers.length + 1;
      const speaker = { id: newId(), name: `Speaker ${number}`, color: PALETTE[(number - 1) % PALETTE.length]! };
      newSpeakers.push(speaker);
      speakerOf[cluster] = speaker.id;
    }
  }
  return { proposals: guesses.map((guess) => ({ segmentId: guess.segmentId, speakerId: speakerOf[guess.cluster]!, confidence: guess.confidence })), newSpeakers, voices: count };
}

/**
 * The interview with the proposals at or above `minConfidence` applied (and the new speakers
 * they name added); `onlyUnassigned` leaves every segment that has a speaker as it is.
 */
export function withSpeakerProposals(interview: Interview, found: Pick<SpeakerProposals, 'proposals' | 'newSpeakers'>, options: { minConfidence?: number; onlyUnassigned?: boolean } = {}): { interview: Interview; applied: number } {
  const minimum = options.minConfidence ?? 0;
  const chosen = new Map(found.proposals.filter((proposal) => proposal.confidence >= minimum).map((proposal) => [proposal.segmentId, proposal.speakerId]));
  let applied = 0;
  const segments = interview.segments.map((segment): Segment => {
    const speakerId = chosen.get(segment.id);
    if (!speakerId || speakerId === segment.speakerId || (options.onlyUnassigned && segment.speakerId)) return segment;
    applied += 1;
    return { ...segment, speakerId };
  });
  const named = new Set(segments.map((segment) => segment.speakerId));
  const speakers = [...interview.speakers, ...found.newSpeakers.filter((speaker) => named.has(speaker.id))];
  return { interview: applied === 0 ? interview : { ...interview, segments, speakers }, applied };
}
