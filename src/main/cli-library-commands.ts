// The commands that let the command line finish a job without the window: list the library's
// interviews, print the library's public key (what `send --recipient` needs), edit one segment.
// Text typed here is the user's own on their terminal; nothing of it is logged or echoed back.
import { randomUUID } from 'node:crypto';
import { libraryFrom, parseCommand, withCliLibrary, type CommandValues } from './cli-library';
import { DeskError } from './services/desk-error';
import { withStatusByKnownSpeech } from './services/media/speech-stretches';

export const LIBRARY_COMMANDS_USAGE = [
  '  testimony list --data-dir DIR [--json] [--passphrase-env VAR]   (id, status, segments, translated, title)',
  '  testimony key --data-dir DIR [--passphrase-env VAR]   (the library’s public key, for send --recipient)',
  '  testimony edit --data-dir DIR --interview ID --segment N (--source TEXT | --translation TEXT | --speaker NAME) [--passphrase-env VAR]   (segments numbered from 1, as the window shows them)',
].join('\n');

type Io = { out: (line: string) => void; err: (line: string) => void };

/** The parsed values of a command that needs only --data-dir to be given, or null after saying what is missing. */
function withDataDir(values: CommandValues | null, io: Io, usage: string): CommandValues | null {
  if (values && !values['data-dir']) io.err(`Give --data-dir.\n${usage}`);
  return values?.['data-dir'] ? values : null;
}

export async function runList(args: readonly string[], io: Io, usage: string): Promise<number> {
  const values = withDataDir(parseCommand(args, { json: { type: 'boolean', default: false } }, io, usage), io, usage);
  if (!values) return 2;
  return withCliLibrary(libraryFrom(values, io), io, 'Listing', async ({ library }) => {
    const { interviews, unreadable } = await library.list();
    if (values.json) {
      io.out(JSON.stringify({ interviews, unreadable }, null, 1));
      return 0;
    }
    for (const interview of interviews) io.out([interview.id, interview.status, `${interview.segmentCount} segments`, `${interview.translatedCount} translated`, interview.title].join('\t'));
    for (const broken of unreadable) io.err(`${broken.id}: cannot be read (${broken.reason})`);
    return 0;
  });
}

export async function runKey(args: readonly string[], io: Io, usage: string): Promise<number> {
  const values = withDataDir(parseCommand(args, {}, io, usage), io, usage);
  if (!values) return 2;
  return withCliLibrary(libraryFrom(values, io), io, 'Reading the key', async ({ store }) => {
    if (!store.cipher) {
      io.err('This library is not encrypted, so it has no public key. Packages to it are locked with a passphrase (send --passphrase-env).');
      return 1;
    }
    io.out(store.cipher.recipient);
    return 0;
  });
}

export async function runEdit(args: readonly string[], io: Io, usage: string): Promise<number> {
  const values = parseCommand(args, { interview: { type: 'string' }, segment: { type: 'string' }, source: { type: 'string' }, translation: { type: 'string' }, speaker: { type: 'string' } }, io, usage);
  if (!values) return 2;
  const number = Number(values.segment);
  const changes = (['source', 'translation', 'speaker'] as const).filter((field) => values[field] !== undefined);
  if (!values['data-dir'] || !values.interview || !Number.isInteger(number) || number < 1 || changes.length === 0) {
    io.err(`Give --data-dir, --interview, --segment N (from 1) and --source, --translation or --speaker.\n${usage}`);
    return 2;
  }
  const from = libraryFrom(values, io);
  return withCliLibrary(from, io, 'Editing', async ({ library, store }) => {
    const interview = await library.get(String(values.interview));
    const segment = interview.segments[number - 1];
    if (!segment) throw new DeskError('not-found', `This interview has ${interview.segments.length} segments; there is no segment ${number}.`);
    let edited = { ...segment };
    let speakers = interview.speakers;
    if (values.source !== undefined) edited = { ...edited, source: String(values.source) };
    if (values.translation !== undefined) {
      const translation = String(values.translation);
      // A translation typed now is made from the source as it is now, and is a draft until reviewed.
      edited = { ...edited, translation, sourceAtTranslation: edited.source, status: translation.trim() === '' ? 'untranslated' : 'draft' };
    }
    if (values.speaker !== undefined) {
      const name = String(values.speaker).trim();
      let speaker = speakers.find((candidate) => candidate.name === name);
      if (!speaker) {
        speaker = { id: `spk-${randomUUID()}`, name, color: '#5b6b7a' };
        speakers = [...speakers, speaker];
      }
      edited = { ...edited, speakerId: speaker.id };
    }
    const segments = interview.segments.map((candidate, index) => (index === number - 1 ? edited : candidate));
    // The status follows the work here as in the window (forward, or back when text is removed).
    await library.save(await withStatusByKnownSpeech(from.dataDir, { ...interview, speakers, segments }, store));
    io.err(`Segment ${number}: ${changes.join(', ')} saved.`);
    return 0;
  });
}
