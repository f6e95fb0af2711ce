// `testimony speakers`: who spoke when, found from the recording and written into the interview
// (the same proposals as the window's "Find speakers…"). Segments a person already gave a speaker
// teach the rest when there are enough of them. Progress goes to stderr; no transcript text is printed.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { withSpeakerProposals } from '../shared/speaker-proposals';
import { libraryFrom, parseInterviewCommand, withCliLibrary } from './cli-library';
import { recordingPath } from './services/data-paths';
import { DeskError } from './services/desk-error';
import { findSpeakers } from './services/speech/find-speakers';
import { forkWorker } from './services/speech/worker-process';

export const SPEAKERS_USAGE = '  testimony speakers --data-dir DIR --interview ID [--speakers N] [--only-unassigned] [--min-confidence 0-1] [--passphrase-env VAR]';

type Io = { out: (line: string) => void; err: (line: string) => void };

export async function runSpeakers(args: readonly string[], io: Io, usage: string, workerEntry = join(__dirname, 'speech-worker.js')): Promise<number> {
  const values = parseInterviewCommand(args, { speakers: { type: 'string' }, 'only-unassigned': { type: 'boolean', default: false }, 'min-confidence': { type: 'string' } }, io, usage);
  if (!values) return 2;
  const speakers = values.speakers === undefined ? undefined : Number(values.speakers);
  const minConfidence = values['min-confidence'] === undefined ? 0 : Number(values['min-confidence']);
  if ((speakers !== undefined && !(Number.isInteger(speakers) && speakers >= 1 && speakers <= 20)) || !(minConfidence >= 0 && minConfidence <= 1)) {
    io.err(`--speakers is a whole number from 1 to 20, --min-confidence between 0 and 1.\n${usage}`);
    return 2;
  }
  return withCliLibrary(libraryFrom(values, io), io, 'Finding speakers', async ({ library, store }) => {
    const interview = await library.get(String(values.interview));
    if (!interview.recording) throw new DeskError('refused', 'This interview has no recording to find speakers in.');
    if (interview.segments.length === 0) throw new DeskError('refused', 'This interview has no segments yet: speakers are found for segments (propose them from pauses or import a transcript first).');
    const input = await store.mediaInput(recordingPath(library.dataDir, interview));
    let shown = -1;
    const found = await findSpeakers(interview, {
      input,
      spawnWorker: forkWorker,
      workerEntry,
      ...(speakers === undefined ? {} : { speakers }),
      newId: () => `spk-${randomUUID()}`,
      onProgress: (fraction) => {
        const percent = Math.floor(fraction * 10) * 10;
        if (percent > shown) io.err(`listening… ${(shown = percent)} %`);
      },
    });
    const { interview: updated, applied } = withSpeakerProposals(interview, found, { minConfidence, onlyUnassigned: values['only-unassigned'] === true });
    if (applied > 0) await library.save(updated);
    const how = found.method === 'labels' ? 'following the segments already given a speaker' : `${found.voices} voice${found.voices === 1 ? '' : 's'} told apart`;
    const added = found.newSpeakers.filter((speaker) => updated.speakers.some((kept) => kept.id === speaker.id)).map((speaker) => speaker.name);
    io.err(`${how}; ${applied} of ${interview.segments.length} segments given a speaker${added.length ? ` (new: ${added.join(', ')})` : ''}; ${found.proposals.length} proposals, ${found.proposals.filter((proposal) => proposal.confidence < minConfidence).length} below --min-confidence.`);
    io.out(String(applied));
    return 0;
  });
}
