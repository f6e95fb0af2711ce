// `testimony` on the command line, for batch work with the same code as the app:
//   testimony export --data-dir DIR --interview ID --format FORMAT --out FILE [--text source|target] [--with-queries] [--allow-unlisted] [--break-lock]
//   testimony import --data-dir DIR --title T [--media FILE] [--transcript FILE]
//   testimony init --data-dir DIR (--passphrase-env VAR | --plain)
//   testimony transcribe --data-dir DIR --interview ID --model FILE [--range FROM-TO]
// Every command takes --passphrase-env VAR for an encrypted library (or asks at a terminal).
//   testimony consent --data-dir DIR --interview ID [--given DATE --scope text,audio,…] [--embargo-until DATE] [--withdraw-segments 3,7-9] [--show]
// Exit codes: 0 done, 1 failed, 2 wrong usage, 3 refused by the leak check or the names review,
// 4 refused by the narrator's consent (embargo, withdrawal, scope, review not back).
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ExportFormat, exportFormats } from '../shared/contract';
import type { Interview } from '../shared/interview';
import { paragraphSourceChanged, segmentsById } from '../shared/article';
import { MISSING_CONSENT_WARNING } from '../shared/consent';
import { formatTimecode } from '../shared/timecode';
import { withStatusFollowingWork } from '../shared/workflow-status';
import { DeskError } from './services/desk-error';
import { prepareExport, writePreparedExport, type SubtitleWarning } from './services/export/export-interview';
import { scratchFolder } from './services/data-paths';
import { openCliLibrary, withCliLibrary, type CliLibrary } from './cli-library';
import { runTranscribe, TRANSCRIBE_USAGE } from './cli-transcribe';
import { REDACT_USAGE, runRedact } from './cli-redact';
import { CONSENT_USAGE, runConsent } from './cli-consent';
import { RECORDING_USAGE, runRecordingExport, runSpokenNames } from './cli-recording';
import { runSpeakers, SPEAKERS_USAGE } from './cli-speakers';
import { LIBRARY_COMMANDS_USAGE, runEdit, runKey, runList } from './cli-library-commands';
import { exportXliff, importXliffFile, receivePackage, sendInterview, stashInScratch } from './services/handoff/handoff';
import { openPackage } from './services/handoff/package-file';
import { writeOutgoing } from './services/export/gate';
import { importRecording, RecordingCutOff } from './services/media/import-recording';
import { MediaRefused } from './services/media/probe';
import { parseTranscript, toSegments } from './services/transcript-import/import-transcript';
import { judgeImport, summarizeNotices } from './services/transcript-import/import-limits';
import { readTranscriptFile } from './services/transcript-import/read-transcript-file';

export type CliOutput = { out: (line: string) => void; err: (line: string) => void };

const USAGE = `Usage:
  testimony init --data-dir DIR (--passphrase-env VAR | --plain)
  testimony export --data-dir DIR --interview ID --format ${exportFormats.join('|')} --out FILE [--text source|target] [--with-queries] [--with-notes] [--with-status] [--draft-mark] [--allow-incomplete] [--allow NAME]… [--allow-unlisted] [--passphrase-env VAR] [--break-lock]
${REDACT_USAGE}
${CONSENT_USAGE}
${RECORDING_USAGE}
${SPEAKERS_USAGE}
  testimony import --data-dir DIR --title TITLE [--media FILE] [--transcript FILE] [--force] [--passphrase-env VAR | --plain] [--break-lock]
  testimony send --data-dir DIR --interview ID --out FILE (--recipient age1… | --passphrase-env VAR) [--with-recording] [--with-real-name] [--sender ROLE] [--library-passphrase-env VAR]   (the redaction list always travels)
  testimony receive --data-dir DIR --in FILE [--passphrase-env VAR] [--library-passphrase-env VAR]
  testimony xliff export --data-dir DIR --interview ID --out FILE.xlf [--unredacted] [--allow-unlisted] [--passphrase-env VAR]   (writes FILE.tbx beside it; names become placeholders unless --unredacted)
  testimony xliff import --data-dir DIR --interview ID --in FILE.xlf [--translator NAME] [--translated-as-reviewed] [--passphrase-env VAR]   (XLIFF 1.2 or 2.0)
${LIBRARY_COMMANDS_USAGE}
${TRANSCRIBE_USAGE}`;

/** Options every command that opens a library understands. */
const libraryOptions = {
  'data-dir': { type: 'string' },
  'passphrase-env': { type: 'string' },
  plain: { type: 'boolean', default: false },
  'break-lock': { type: 'boolean', default: false },
} as const;

/** The usage of one command (its lines of USAGE), or all of it. */
function usageOf(command: string | undefined): string {
  const lines = USAGE.split('\n').filter((line) => command && line.startsWith(`  testimony ${command} `));
  return lines.length > 0 ? `Usage:\n${lines.join('\n')}` : USAGE;
}

export async function runCli(argv: readonly string[], io: CliOutput): Promise<number> {
  // --help or -h anywhere, or `testimony help [COMMAND]`: the usage, on stdout, exit 0.
  if (argv[0] === 'help' || argv.includes('--help') || argv.includes('-h')) {
    io.out(usageOf(argv[0] === 'help' ? argv[1] : argv[0]));
    return 0;
  }
  const [command, ...rest] = argv;
  if (command === 'import') return runImport(rest, io);
  if (command === 'init') return runInit(rest, io);
  if (command === 'send') return runSend(rest, io);
  if (command === 'receive') return runReceive(rest, io);
  if (command === 'xliff') return runXliff(rest, io);
  if (command === 'transcribe') return runTranscribe(rest, io, USAGE);
  if (command === 'redact') return runRedact(rest, io, USAGE);
  if (command === 'consent') return runConsent(rest, io, USAGE);
  if (command === 'spoken-names') return runSpokenNames(rest, io, USAGE);
  if (command === 'speakers') return runSpeakers(rest, io, USAGE);
  if (command === 'list') return runList(rest, io, USAGE);
  if (command === 'key') return runKey(rest, io, USAGE);
  if (command === 'edit') return runEdit(rest, io, USAGE);
  if (command !== 'export') {
    io.err(command ? `Unknown command “${command}”.\n${USAGE}` : USAGE);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: {
        ...libraryOptions,
        interview: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        text: { type: 'string' },
        'with-queries': { type: 'boolean', default: false },
        'with-notes': { type: 'boolean', default: false },
        'with-status': { type: 'boolean', default: false },
        'draft-mark': { type: 'boolean', default: false },
        'allow-incomplete': { type: 'boolean', default: false },
        'allow-unlisted': { type: 'boolean', default: false },
        allow: { type: 'string', multiple: true },
        cover: { type: 'string' },
        disguise: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.format === 'recording') return runRecordingExport(values, io, USAGE);
  if (values.cover !== undefined || values.disguise !== undefined) {
    io.err(`--cover and --disguise apply to --format recording.\n${USAGE}`);
    return 2;
  }
  const format = ExportFormat.safeParse(values.format);
  const missing = (['data-dir', 'interview', 'out'] as const).filter((name) => !values[name]);
  if (missing.length > 0 || !format.success || (values.text !== undefined && values.text !== 'source' && values.text !== 'target')) {
    io.err(`${missing.length ? `Missing --${missing.join(', --')}. ` : ''}${format.success ? '' : 'Give a --format. '}\n${USAGE}`);
    return 2;
  }
  // The article (docx-article, md) is the English piece: a language asked for is honoured or refused, never ignored.
  if ((format.data === 'docx-article' || format.data === 'md') && values.text === 'source') {
    io.err('The article is written in the translation’s language: --text source applies to transcripts and subtitles. Export the original-language transcript with --format txt or docx-transcript --text source.');
    return 2;
  }
  const dataDir = resolve(values['data-dir']!);
  if (!existsSync(dataDir)) {
    io.err(`There is no library folder at ${dataDir}.`);
    return 1;
  }
  return withCliLibrary({ dataDir, breakLock: values['break-lock'], passphraseEnv: values['passphrase-env'], err: io.err }, io, 'Export', async ({ library }) => {
    let interview = await library.get(values.interview!);
    const allowed = (values.allow ?? []).map((name) => name.trim()).filter((name) => name && !interview.allowedNames.includes(name));
    if (allowed.length > 0) {
      // Remembered for this interview, like the window's allow list.
      interview = { ...interview, allowedNames: [...interview.allowedNames, ...allowed] };
      if (library.readOnly) io.err(`Allowed for this export only (the library is read-only): ${allowed.join(', ')}`);
      else await library.save(interview);
    }
    const target = resolve(values.out!);
    const request = {
      format: format.data,
      language: (values.text ?? 'source') as 'source' | 'target',
      includeOpenQueries: values['with-queries']!,
      includeNotes: values['with-notes']!,
      includeStatus: values['with-status']!,
      draftMark: values['draft-mark']!,
      allowIncomplete: values['allow-incomplete']!,
      allowUnlisted: values['allow-unlisted']!,
    };
    if (request.format === 'docx-article' || request.format === 'md') {
      // The window marks these paragraphs; a script would otherwise publish the older wording unawares.
      const byId = segmentsById(interview.segments);
      const changed = interview.article.blocks.flatMap((block, index) => (block.kind === 'paragraph' && paragraphSourceChanged(block, byId) ? [index + 1] : []));
      if (changed.length > 0) {
        io.err(`The article is older than its translation: paragraph${changed.length === 1 ? '' : 's'} ${changed.join(', ')} ${changed.length === 1 ? 'was' : 'were'} written from a translation that has changed since (Edit & Export shows them). Exported as written.`);
      }
    }
    const prepared = await prepareExport(interview, library.settings, request, library.glossary);
    const { unlisted, warnings } = prepared;
    for (const line of prepared.consentWarnings) io.err(line);
    // One line per kind, not one per cue: a long interview can have thousands.
    for (const line of summarizeSubtitleWarnings(warnings)) io.err(line);
    if (unlisted.length > 0) {
      // The same review the window shows: the user's own terminal, not a log.
      io.err(
        request.allowUnlisted
          ? `--allow-unlisted let through ${unlisted.length} name${unlisted.length === 1 ? '' : 's'} nobody reviewed:`
          : `Names in this file that are neither redacted, in the glossary nor allowed (${unlisted.length}):`,
      );
      for (const name of unlisted) io.err(`  ${name.name}  (${name.count}×)`);
      if (!request.allowUnlisted) {
        io.err('Nothing was written. Redact them (testimony redact --add NAME), allow each with --allow NAME, or let them all through with --allow-unlisted.');
        return 3;
      }
    }
    await writePreparedExport(prepared, request, target);
    if (prepared.consentWarnings.includes(MISSING_CONSENT_WARNING) && !library.readOnly) {
      // Told once: the next export of this interview does not say it again.
      await library.save({ ...interview, consent: { ...interview.consent, missingNoticed: true } });
    }
    io.out(target);
    return 0;
  });
}

/** Creates an interview, with a recording and a transcript if given; prints its id. */
async function runImport(args: readonly string[], io: CliOutput): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { ...libraryOptions, title: { type: 'string' }, media: { type: 'string' }, transcript: { type: 'string' }, force: { type: 'boolean', default: false } },
      strict: true,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values['data-dir'] || !values.title?.trim()) {
    io.err(`Give --data-dir and --title.\n${USAGE}`);
    return 2;
  }
  const dataDir = resolve(values['data-dir']);
  await mkdir(dataDir, { recursive: true });
  let cli: CliLibrary;
  try {
    cli = await openCliLibrary({ dataDir, breakLock: values['break-lock'], passphraseEnv: values['passphrase-env'], plain: values.plain, err: io.err });
  } catch (error) {
    io.err(error instanceof DeskError ? error.message : 'The library could not be opened.');
    return 1;
  }
  const { library, store } = cli.opened;
  let created: Interview | null = null;
  try {
    const transcript = values.transcript ? await readTranscriptFile(resolve(values.transcript)) : null;
    created = await library.create(values.title);
    let interview = created;
    if (values.media) {
      const recording = await importRecording({ dataDir, interviewId: interview.id, sourcePath: resolve(values.media), onProgress: () => undefined, store, acceptCutOff: values.force });
      interview = { ...interview, recording };
    }
    if (transcript !== null) {
      const parsed = parseTranscript(values.transcript!, transcript);
      // The same limits the window applies; what it would ask about is refused unless --force.
      const verdict = judgeImport(parsed, interview.recording?.durationSeconds ?? null);
      if (verdict.kind === 'refuse') throw new DeskError('refused', verdict.message);
      if (verdict.kind === 'ask' && !values.force) throw new DeskError('refused', `${verdict.message.replace(/ Import it anyway\?$/, '')} Nothing was imported; add --force to import it anyway.`);
      const { segments, speakers } = toSegments(parsed, interview.speakers, (prefix) => `${prefix}-${randomUUID()}`);
      interview = { ...interview, segments, speakers };
      if (parsed.skipped.length) io.err(`skipped: ${summarizeNotices(parsed.skipped)}`);
      if (parsed.adjusted.length) io.err(`adjusted: ${summarizeNotices(parsed.adjusted)}`);
    }
    // The status follows the work here too (an imported full transcript is past "transcribing").
    await library.save(withStatusFollowingWork(interview));
    io.out(interview.id);
    return 0;
  } catch (error) {
    // Nothing half-imported: the interview made for this import goes again.
    if (created) await library.delete(created.id).catch(() => undefined);
    if (error instanceof RecordingCutOff) io.err(`${error.message.replace(/ Import the .* that is there\?$/, '')} Nothing was imported; add --force to import what is there.`);
    else if (error instanceof MediaRefused || error instanceof DeskError) io.err(error.message);
    else if ((error as NodeJS.ErrnoException).code === 'ENOENT') io.err('A file given to import does not exist.');
    else io.err(`Import failed (${error instanceof Error ? error.name : 'unknown error'}).`);
    return 1;
  } finally {
    await cli.release();
  }
}

/** Creates a library: encrypted with the passphrase from --passphrase-env, or --plain. */
async function runInit(args: readonly string[], io: CliOutput): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: [...args], options: libraryOptions, strict: true }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values['data-dir'] || (!values.plain && !values['passphrase-env'])) {
    io.err(`Give --data-dir, and --passphrase-env VAR (encrypted) or --plain.\n${USAGE}`);
    return 2;
  }
  const dataDir = resolve(values['data-dir']);
  await mkdir(dataDir, { recursive: true });
  try {
    const cli = await openCliLibrary({ dataDir, passphraseEnv: values['passphrase-env'], plain: values.plain, err: io.err });
    await cli.release();
    io.out(dataDir);
    return 0;
  } catch (error) {
    io.err(error instanceof DeskError ? error.message : `The library could not be created (${error instanceof Error ? error.name : 'unknown error'}).`);
    return 1;
  }
}

/** Entry for bin/testimony.cjs and `node out/main/cli.js`. */
export function main(): void {
  const io: CliOutput = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main();

/** Options of the hand-off commands: --passphrase-env is the package's, the library's has its own name. */
const handoffOptions = {
  'data-dir': { type: 'string' },
  'library-passphrase-env': { type: 'string' },
  'passphrase-env': { type: 'string' },
  'break-lock': { type: 'boolean', default: false },
} as const;

function packagePassphrase(variable: string | undefined): string | undefined {
  if (!variable) return undefined;
  const value = process.env[variable];
  if (!value) throw new DeskError('invalid-input', `The environment variable ${variable} is empty or not set.`);
  return value;
}

/** Writes an interview as an encrypted hand-off package. */
async function runSend(args: readonly string[], io: CliOutput): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        ...handoffOptions,
        interview: { type: 'string' },
        out: { type: 'string' },
        recipient: { type: 'string' },
        sender: { type: 'string', default: '' },
        'with-recording': { type: 'boolean', default: false },
        'with-real-name': { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values['data-dir'] || !values.interview || !values.out || (!values.recipient === !values['passphrase-env'])) {
    io.err(`Give --data-dir, --interview, --out, and either --recipient age1… or --passphrase-env VAR.\n${USAGE}`);
    return 2;
  }
  const dataDir = resolve(values['data-dir']!);
  return withCliLibrary({ dataDir, breakLock: values['break-lock'], passphraseEnv: values['library-passphrase-env'], err: io.err }, io, 'Sending', async ({ library, store }) => {
    const passphrase = packagePassphrase(values['passphrase-env']);
    await sendInterview({
      library,
      store,
      id: values.interview!,
      choices: { sender: values.sender ?? '', includeRecording: values['with-recording']!, includeRealName: values['with-real-name']! },
      lock: passphrase ? { passphrase } : { recipient: values.recipient! },
      appVersion: appVersion(),
      now: new Date(),
      to: resolve(values.out!),
    });
    io.out(resolve(values.out!));
    return 0;
  });
}

/** Opens a hand-off package: adds its interview, or merges it into the one already here. */
async function runReceive(args: readonly string[], io: CliOutput): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: [...args], options: { ...handoffOptions, in: { type: 'string' } }, strict: true }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values['data-dir'] || !values.in) {
    io.err(`Give --data-dir and --in.\n${USAGE}`);
    return 2;
  }
  const options = { dataDir: resolve(values['data-dir']!), breakLock: values['break-lock'], passphraseEnv: values['library-passphrase-env'], err: io.err };
  return withCliLibrary(options, io, 'Receiving', async ({ library, store }) => {
    const passphrase = packagePassphrase(values['passphrase-env']);
    const contents = await openPackage({ path: resolve(values.in!) }, { passphrase, cipher: store.cipher }, stashInScratch(store, scratchFolder(library.dataDir)));
    const outcome = await receivePackage({ library, store, contents, now: new Date() });
    io.out(outcome.interviewId);
    io.err(
      outcome.outcome === 'added'
        ? `Added “${contents.manifest.title}” from ${contents.manifest.sender || 'the sender'} (${outcome.segmentsAdded} segments, ${outcome.glossaryAdded} glossary terms).`
        : `Merged “${contents.manifest.title}” from ${contents.manifest.sender || 'the sender'}: ${outcome.fieldsTaken} changes taken, ${outcome.segmentsAdded} segments added, ${outcome.conflicts} in conflict${outcome.conflicts ? ' (resolve them in the Translate view)' : ''}.`,
    );
    return 0;
  });
}

/** The app's version, from package.json (two folders up from both src/main and out/main). */
function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** XLIFF 1.2 out to a CAT tool and translations back in, by segment id. */
async function runXliff(args: readonly string[], io: CliOutput): Promise<number> {
  const [direction, ...rest] = args;
  let values;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: {
        ...libraryOptions,
        interview: { type: 'string' },
        out: { type: 'string' },
        in: { type: 'string' },
        translator: { type: 'string', default: 'CAT tool' },
        unredacted: { type: 'boolean', default: false },
        'translated-as-reviewed': { type: 'boolean', default: false },
        'allow-unlisted': { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = direction === 'export' ? values.out : values.in;
  if ((direction !== 'export' && direction !== 'import') || !values['data-dir'] || !values.interview || !file) {
    io.err(`Give export or import, --data-dir, --interview and --out or --in.\n${USAGE}`);
    return 2;
  }
  const options = { dataDir: resolve(values['data-dir']!), breakLock: values['break-lock'], passphraseEnv: values['passphrase-env'], err: io.err };
  return withCliLibrary(options, io, `XLIFF ${direction}`, async ({ library, store }) => {
    if (direction === 'export') {
      if (values.unredacted) io.err('Unredacted XLIFF: every name is in it as written. It is for the team’s own translator only; send it through an encrypted channel.');
      const files = await exportXliff(library, store, values.interview!, { unredacted: values.unredacted! });
      if (files.xliffPass.unlisted.length > 0) {
        io.err(`Names in this XLIFF that are neither redacted, in the glossary nor allowed (${files.xliffPass.unlisted.length}):`);
        for (const name of files.xliffPass.unlisted) io.err(`  ${name.name}  (${name.count}×)`);
        if (!values['allow-unlisted']) {
          io.err('Nothing was written. Redact or allow them, or add --allow-unlisted.');
          return 3;
        }
      }
      const target = resolve(file!);
      await writeOutgoing(target, Buffer.from(files.xliff, 'utf8'), files.xliffPass, { allowUnlisted: values['allow-unlisted'] });
      await writeOutgoing(/\.(xlf|xliff)$/i.test(target) ? target.replace(/\.(xlf|xliff)$/i, '.tbx') : `${target}.tbx`, Buffer.from(files.tbx, 'utf8'), files.tbxPass);
      io.out(target);
    } else {
      const outcome = await importXliffFile(library, store, values.interview!, await readFile(resolve(file!), 'utf8'), values.translator ?? 'CAT tool', new Date(), {
        translatedIsReviewed: values['translated-as-reviewed'],
      });
      const { summary } = outcome;
      io.out(values.interview!);
      io.err(`Merged the XLIFF: ${summary.taken} translations taken, ${outcome.conflicts} in conflict${outcome.conflicts ? ' (resolve them in the Translate view)' : ''}.`);
      io.err(
        `  ${summary.unchanged} came back as they went out, ${summary.notTranslated} not translated (new, needs-translation, empty or the source copied), ${summary.notesTaken} translator note${summary.notesTaken === 1 ? '' : 's'} taken` +
          (summary.unknown.count > 0 ? `; ${summary.unknown.count} unit${summary.unknown.count === 1 ? '' : 's'} matched no segment of this interview (${summary.unknown.ids.join(', ')}${summary.unknown.count > summary.unknown.ids.length ? ', …' : ''})` : '') +
          '.',
      );
    }
    return 0;
  });
}

const WARNING_KINDS: Record<SubtitleWarning['kind'], string> = {
  fast: 'read faster than 17 characters a second',
  short: 'are on screen too briefly to be read',
  long: 'stay on screen longer than a subtitle should',
};

/** "2,871 cues read faster than 17 characters a second; the first at 00:00:00, 00:01:12, 00:03:40, …" */
export function summarizeSubtitleWarnings(warnings: readonly SubtitleWarning[]): string[] {
  return (Object.keys(WARNING_KINDS) as SubtitleWarning['kind'][]).flatMap((kind) => {
    const found = warnings.filter((warning) => warning.kind === kind);
    if (found.length === 0) return [];
    const first = found.slice(0, 3).map((warning) => formatTimecode(warning.start));
    const cues = found.length === 1 ? '1 cue' : `${found.length.toLocaleString('en-US')} cues`;
    const verb = found.length === 1 ? WARNING_KINDS[kind].replace(/^read /, 'reads ').replace(/^are /, 'is ').replace(/^stay /, 'stays ') : WARNING_KINDS[kind];
    return [`${cues} ${verb}; ${found.length === 1 ? 'at' : 'the first at'} ${first.join(', ')}${found.length > 3 ? ', …' : ''}`];
  });
}
