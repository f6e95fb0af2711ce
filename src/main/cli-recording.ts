// The recording from a terminal: `testimony spoken-names` lists every place the transcript says a
// listed name, with the stretch proposed for it, and records what a person decided after
// listening (confirm, at the proposal or at times they give; waive; or mark a stretch the
// transcript does not show); `testimony export --format recording` publishes the recording with
// the names covered. Names appear only on the user's own terminal, never in a log.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { redactionTerms } from '../shared/redaction';
import { nameOccurrences, withDecision, withMarkedStretch, type NameOccurrence } from '../shared/spoken-names';
import { formatTimecode } from '../shared/timecode';
import { libraryFrom, parseInterviewCommand, withCliLibrary, type CommandValues } from './cli-library';
import { exportRecording } from './services/export/recording-export';

export const RECORDING_USAGE = `  testimony spoken-names --data-dir DIR --interview ID [--list] [--confirm N[@START-END]]… [--waive N]… [--confirm-all-proposed] [--mark START-END]… [--passphrase-env VAR]   (N as --list numbers them; times in seconds)
  testimony export --data-dir DIR --interview ID --format recording --out FILE.ogg|FILE.mp3 [--cover silence|tone] [--disguise SEMITONES] [--passphrase-env VAR]`;

type Io = { out: (line: string) => void; err: (line: string) => void };

/** "12.5-13.4" as seconds. */
function stretchOf(text: string): { start: number; end: number } {
  const match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!match || Number(match[2]) <= Number(match[1])) throw new Error(`“${text}” is not a stretch of seconds like 12.5-13.4.`);
  return { start: Number(match[1]), end: Number(match[2]) };
}

const describeOccurrence = (occurrence: NameOccurrence, number: number) => {
  const decided = occurrence.decision ? `${occurrence.decision.state} ${occurrence.decision.start.toFixed(2)}-${occurrence.decision.end.toFixed(2)}` : 'undecided';
  return `${number}\tsegment ${occurrence.segmentNumber}\t${formatTimecode(occurrence.proposed.start)}\tproposed ${occurrence.proposed.start.toFixed(2)}-${occurrence.proposed.end.toFixed(2)}\t${decided}\t${occurrence.written}`;
};

export async function runSpokenNames(args: readonly string[], io: Io, usage: string): Promise<number> {
  const values = parseInterviewCommand(
    args,
    {
      list: { type: 'boolean', default: false },
      confirm: { type: 'string', multiple: true },
      waive: { type: 'string', multiple: true },
      'confirm-all-proposed': { type: 'boolean', default: false },
      mark: { type: 'string', multiple: true },
    },
    io,
    usage,
  );
  if (!values) return 2;
  return withCliLibrary(libraryFrom(values, io), io, 'Spoken names', async ({ library }) => {
    let interview = await library.get(String(values.interview));
    const occurrences = nameOccurrences(interview, redactionTerms(interview));
    const pick = (text: string) => {
      const number = Number(text);
      if (!Number.isInteger(number) || number < 1 || number > occurrences.length) throw new Error(`There is no spoken name ${text}: --list shows ${occurrences.length}.`);
      return occurrences[number - 1]!;
    };
    const newId = () => `spn-${randomUUID()}`;
    try {
      for (const text of (values.confirm as string[] | undefined) ?? []) {
        const [number, stretch] = text.split('@');
        const occurrence = pick(number!);
        interview = withDecision(interview, occurrence, { state: 'confirmed', ...(stretch ? stretchOf(stretch) : occurrence.proposed) }, newId);
      }
      if (values['confirm-all-proposed'] === true) {
        for (const occurrence of occurrences) if (!occurrence.decision) interview = withDecision(interview, occurrence, { state: 'confirmed', ...occurrence.proposed }, newId);
      }
      for (const text of (values.waive as string[] | undefined) ?? []) {
        const occurrence = pick(text);
        interview = withDecision(interview, occurrence, { state: 'waived', ...occurrence.proposed }, newId);
      }
      for (const text of (values.mark as string[] | undefined) ?? []) {
        const { start, end } = stretchOf(text);
        interview = withMarkedStretch(interview, start, end, newId);
      }
    } catch (error) {
      io.err((error as Error).message);
      return 2;
    }
    if (interview.spokenNames !== (await library.get(interview.id)).spokenNames) await library.save(interview);
    const now = nameOccurrences(interview, redactionTerms(interview));
    const open = now.filter((occurrence) => !occurrence.decision).length;
    if (values.list === true) now.forEach((occurrence, index) => io.out(describeOccurrence(occurrence, index + 1)));
    io.err(`${now.length} spoken name${now.length === 1 ? '' : 's'} in the transcript, ${open} undecided; ${interview.spokenNames.filter((name) => name.origin === 'marked').length} stretch(es) marked by hand.`);
    return 0;
  });
}

/** `testimony export --format recording`: the published recording, refused (exit 3 or 4) as the window refuses it. */
export async function runRecordingExport(values: CommandValues, io: Io, usage: string): Promise<number> {
  const cover = values.cover === undefined ? 'silence' : String(values.cover);
  const disguise = values.disguise === undefined ? 0 : Number(values.disguise);
  if (!values['data-dir'] || !values.interview || !values.out || (cover !== 'silence' && cover !== 'tone') || !Number.isFinite(disguise)) {
    io.err(`Give --data-dir, --interview and --out FILE.ogg or FILE.mp3; --cover is silence or tone; --disguise a number of semitones.\n${usage}`);
    return 2;
  }
  return withCliLibrary(libraryFrom(values, io), io, 'Publishing the recording', async ({ library, store }) => {
    const interview = await library.get(String(values.interview));
    const target = resolve(String(values.out));
    const { covered } = await exportRecording({ dataDir: library.dataDir, store, interview, target, choices: { cover, pitchSemitones: disguise }, now: new Date() });
    // Where the OHMS record points from now on.
    if (!library.readOnly) await library.save({ ...interview, publishedRecording: { fileName: target.split(/[\\/]/).at(-1)!, exportedAt: new Date().toISOString() } });
    io.err(`${covered} stretch${covered === 1 ? '' : 'es'} covered with ${cover}${disguise ? `, the voice shifted ${disguise} semitones` : ''}.`);
    io.out(target);
    return 0;
  });
}
