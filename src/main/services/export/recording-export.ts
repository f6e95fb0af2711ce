// The recording leaves the desk only as `publishedRecording` makes it, and only when the narrator
// consented to the audio, no condition of theirs stands in the way, and every place the
// transcript says a listed name has been listened to and confirmed (silenced) or waived.
import { basename } from 'node:path';
import { judgeConsent, localDay } from '../../../shared/consent';
import type { Interview } from '../../../shared/interview';
import { redactionTerms } from '../../../shared/redaction';
import { nameOccurrences, silencedStretches, undecidedNames } from '../../../shared/spoken-names';
import { recordingPath } from '../data-paths';
import { DeskError } from '../desk-error';
import { containerFor, publishedRecording, type PublishedRecordingOptions } from '../media/publish-recording';
import type { FileStore } from '../storage/file-store';
import { publishableRefusal } from './export-interview';
import { recordingPass, writeOutgoing } from './gate';

export type RecordingExportChoices = Pick<PublishedRecordingOptions, 'cover' | 'pitchSemitones'>;

/** Why this interview's recording may not be published now, or null. */
export function recordingRefusal(interview: Interview, now: Date): { code: 'consent' | 'leak' | 'refused'; message: string } | null {
  if (!interview.recording) return { code: 'refused', message: 'This interview has no recording to publish.' };
  const refusal = publishableRefusal(interview);
  if (refusal) return { code: 'refused', message: refusal };
  const verdict = judgeConsent(interview.consent, 'recording', localDay(now), { draft: false });
  if (verdict.refusal) return { code: 'consent', message: `Nothing was written. ${verdict.refusal}` };
  const undecided = undecidedNames(nameOccurrences(interview, redactionTerms(interview)));
  if (undecided) return { code: 'leak', message: `Nothing was written: ${undecided}` };
  return null;
}

/**
 * A few seconds of the recording as it would be published, to listen to before publishing (the
 * disguise's level, a stretch's cover): in memory, never written. Refused only without a recording:
 * hearing how the names are covered is how they get decided.
 */
export async function previewRecording(options: { dataDir: string; store: FileStore; interview: Interview; choices: RecordingExportChoices; from: number; seconds: number }): Promise<Uint8Array> {
  const { interview } = options;
  if (!interview.recording) throw new DeskError('refused', 'This interview has no recording to publish.');
  const input = await options.store.mediaInput(recordingPath(options.dataDir, interview));
  const chunks: Uint8Array[] = [];
  const excerpt = { from: Math.max(0, options.from), seconds: Math.min(30, Math.max(1, options.seconds)) };
  for await (const chunk of publishedRecording(input, silencedStretches(interview), { ...options.choices, container: 'ogg', excerpt })) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Writes the published recording to `target` (Ogg Opus for .ogg/.opus, MP3 for .mp3): names and
 * withdrawn passages covered, the voice disguised if asked. Returns how many stretches it covered.
 */
export async function exportRecording(options: { dataDir: string; store: FileStore; interview: Interview; target: string; choices: RecordingExportChoices; now: Date; signal?: AbortSignal }): Promise<{ covered: number }> {
  const { interview, target } = options;
  const container = containerFor(basename(target));
  if (!container) throw new DeskError('invalid-input', 'The published recording is written as .ogg (Opus) or .mp3: give the file one of those names.');
  const refusal = recordingRefusal(interview, options.now);
  if (refusal) throw new DeskError(refusal.code, refusal.message);
  const pitch = options.choices.pitchSemitones;
  if (!Number.isFinite(pitch) || Math.abs(pitch) > 12) throw new DeskError('invalid-input', 'Voice disguise is between −12 and 12 semitones.');
  const stretches = silencedStretches(interview);
  const input = await options.store.mediaInput(recordingPath(options.dataDir, interview));
  await writeOutgoing(target, publishedRecording(input, stretches, { ...options.choices, container, durationSeconds: interview.recording!.durationSeconds }, options.signal), recordingPass());
  return { covered: stretches.length };
}
