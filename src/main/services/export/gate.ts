// One door out. Every file that leaves the desk — each export format, XLIFF and TBX for a CAT tool,
// a hand-off package, the glossary — is written by `writeOutgoing`, and only with a pass this
// module gives after applying what the file's road needs:
//   publishable (exports; XLIFF/TBX for an outside translator): both leak checks over everything a
//     reader can see, then the review of names nobody listed;
//   package: sealed with age, carrying the redaction list inside the encryption;
//   team (XLIFF asked for --unredacted, the library's glossary): nothing to redact, said so;
//   recording: every spoken name decided and the consent to audio given (recording-export.ts).
// A writer that does not go through here is a bug; gate.test.ts lists the writers.
import type { Interview } from '../../../shared/interview';
import { findUnlistedNames, type UnlistedName } from '../../../shared/redaction/unlisted-names';
import { DeskError } from '../desk-error';
import { writeFileDurably, type FileContent } from '../storage/durable-file';
import { describeLeaks, findLeaks, type LeakFinding, type LeakGuard, type Reading } from './leak-check';
import { loadVocabulary } from './vocabulary';

export type Road = 'publishable' | 'package' | 'team' | 'recording';

const passMark: unique symbol = Symbol('passed the gate');

/** What the gate gives a file that may leave: its road, and the names nobody listed (for the review). */
export type GatePass = { readonly [passMark]: true; road: Road; unlisted: UnlistedName[] };

/**
 * The checks of a publishable file. `readings` are everything a reader of the file can see;
 * `review` is its text as read (for the names review); `fields` say where in the interview a
 * refused name stands. Throws DeskError('leak') when either check finds a listed name.
 */
export function inspectPublishable(readings: Reading[], guard: LeakGuard, review: { text: string; known: string[] }, fields: () => Reading[] = () => []): GatePass {
  const findings = findLeaks(readings, guard);
  if (findings.length > 0) throw new DeskError('leak', describeLeaks(findings, locate(findings, fields(), guard)));
  const unlisted = review.text ? findUnlistedNames(review.text, { known: review.known, vocabulary: loadVocabulary() }) : [];
  return { [passMark]: true, road: 'publishable', unlisted };
}

/** A hand-off package: sealed to its receiver, with the redaction list inside (package-file.ts makes sure). */
export const packagePass = (): GatePass => ({ [passMark]: true, road: 'package', unlisted: [] });

/**
 * A recording to publish: every spoken listed name confirmed (silenced) or waived by a person who
 * listened, and the narrator's consent to the audio (recording-export.ts checks both first).
 */
export const recordingPass = (): GatePass => ({ [passMark]: true, road: 'recording', unlisted: [] });

/** A file for the team's own use that the user asked for as it is (said on the way out by the caller). */
export const teamPass = (): GatePass => ({ [passMark]: true, road: 'team', unlisted: [] });

/**
 * Writes a file that passed the gate: through a temp file beside the target (the same volume, so
 * the rename is atomic; never inside an encrypted library, where plaintext must not lie, nor inside
 * a read-only one), refusing names nobody reviewed unless they were allowed.
 */
export async function writeOutgoing(targetPath: string, content: FileContent, pass: GatePass, options: { allowUnlisted?: boolean } = {}): Promise<void> {
  if (!pass[passMark]) throw new Error('a file may only leave through the gate');
  const { unlisted } = pass;
  if (unlisted.length > 0 && !options.allowUnlisted) {
    throw new DeskError('unlisted', `Nothing was written: ${unlisted.length} name${unlisted.length === 1 ? '' : 's'} in this file ${unlisted.length === 1 ? 'is' : 'are'} neither redacted, in the glossary nor allowed. Review them, then export again.`);
  }
  await writeFileDurably(targetPath, content);
}

/** Where a refused name stands in the interview: the first few fields either check finds it in. */
function locate(findings: LeakFinding[], fields: Reading[], guard: LeakGuard): string[] {
  if (fields.length === 0) return [];
  const wanted = new Set(findings.map((finding) => finding.termNumber));
  const places: string[] = [];
  for (const field of fields) {
    if (places.length >= 5) break;
    if (findLeaks([field], guard).some((finding) => wanted.has(finding.termNumber))) places.push(field.where);
  }
  return places;
}

/** The interview's texts with where they stand, in the words of the window (segments numbered from 1). */
export function interviewFields(interview: Interview): Reading[] {
  const field = (where: string, text: string): Reading => ({ part: 'interview', where, text });
  const fields: Reading[] = [field('the title', interview.title), field('the narrator’s details', JSON.stringify(interview.narrator)), field('the reader’s question', interview.readerQuestion.text)];
  interview.segments.forEach((segment, index) => {
    fields.push(field(`segment ${index + 1} (source)`, segment.source), field(`segment ${index + 1} (translation)`, segment.translation));
    if (segment.notes) fields.push(field(`segment ${index + 1} (translator’s note)`, segment.notes));
    for (const query of segment.queries) fields.push(field(`segment ${index + 1} (query)`, JSON.stringify(query)));
  });
  const { article } = interview;
  fields.push(field('the article’s headline or dek', `${article.headline}\n${article.dek}\n${article.bio}\n${article.closing}\n${article.imageCredit}`));
  article.blocks.forEach((block, index) => fields.push(field(`article paragraph ${index + 1}`, JSON.stringify(block))));
  fields.push(field('the speakers', interview.speakers.map((speaker) => speaker.name).join('\n')));
  return fields.filter((entry) => entry.text.trim() !== '');
}
