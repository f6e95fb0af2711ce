// Opening a library from the command line: take its lock, then open it plain, or encrypted with
// the passphrase from the environment variable named by --passphrase-env (never an argument,
// which other users can read in the process list) or typed at the terminal. A folder with no
// library yet is set up as --plain or encrypted with that passphrase (its recovery key printed
// once, on stderr).
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { DeskError } from './services/desk-error';
import { LibrarySession, type OpenLibrary } from './services/library-session';
import { LibraryLock } from './services/storage/library-lock';

export type CliLibraryOptions = {
  dataDir: string;
  breakLock?: boolean;
  /** Name of the environment variable that holds the passphrase. */
  passphraseEnv?: string;
  /** Set up a new library without encryption. */
  plain?: boolean;
  err: (line: string) => void;
  /** Tests: a lower scrypt work factor. */
  scryptLogN?: number;
};

export type CliLibrary = { opened: OpenLibrary; release: () => Promise<void> };

/** Reads a passphrase at the terminal without echoing it. */
async function askPassphrase(question: string): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stderr.write(question);
  const reader = createInterface({ input: process.stdin, output: muted, terminal: true });
  const answer = await new Promise<string>((resolve) => reader.question('', resolve));
  reader.close();
  process.stderr.write('\n');
  return answer;
}

async function passphraseFrom(options: CliLibraryOptions): Promise<string | null> {
  if (options.passphraseEnv) {
    const value = process.env[options.passphraseEnv];
    if (!value) throw new DeskError('invalid-input', `The environment variable ${options.passphraseEnv} is empty or not set.`);
    return value;
  }
  return askPassphrase('Passphrase: ');
}

export async function openCliLibrary(options: CliLibraryOptions): Promise<CliLibrary> {
  const lock = await LibraryLock.acquire(options.dataDir, 'the testimony command line', { breakStale: options.breakLock });
  try {
    const session = new LibrarySession({
      dataDir: options.dataDir,
      resourcesDir: join(__dirname, '../../resources'),
      lock,
      keyring: options.scryptLogN ? { scryptLogN: options.scryptLogN } : undefined,
    });
    await session.start();
    if (session.state === 'new') {
      if (options.plain) await session.setUp('plain');
      else {
        const passphrase = await passphraseFrom(options);
        if (!passphrase) throw new DeskError('invalid-input', 'This folder holds no library yet: give --passphrase-env VAR for an encrypted library, or --plain.');
        const { recoveryKey } = await session.setUp('encrypted', passphrase);
        options.err(`Created an encrypted library. Recovery key (write it down, it is shown only now): ${recoveryKey}`);
      }
    } else if (session.state === 'locked') {
      const passphrase = await passphraseFrom(options);
      if (!passphrase) throw new DeskError('locked', 'This library is encrypted: give --passphrase-env VAR, or run the command at a terminal to type the passphrase.');
      await session.unlock(passphrase);
    }
    return { opened: session.open(), release: () => lock.release() };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/**
 * Opens the library (lock, passphrase), runs the command's work, and always lets go of the lock.
 * Failures the user can act on print their message (exit 3 for an export the checks refused, 4 for one
 * the narrator's consent refused); others only
 * their kind, since messages may quote file contents.
 */
export async function withCliLibrary(options: CliLibraryOptions, io: { err: (line: string) => void }, what: string, work: (opened: OpenLibrary) => Promise<number>): Promise<number> {
  let cli: CliLibrary | null = null;
  try {
    cli = await openCliLibrary(options);
    return await work(cli.opened);
  } catch (error) {
    if (error instanceof DeskError) {
      io.err(error.message);
      if (error.code === 'consent') return 4;
      return error.code === 'leak' || error.code === 'unlisted' || error.code === 'incomplete' ? 3 : 1;
    }
    io.err(`${what} failed (${error instanceof Error ? error.name : 'unknown error'}).`);
    return 1;
  } finally {
    await cli?.release();
  }
}

type CommandIo = { err: (line: string) => void };
export type CommandValues = Record<string, string | boolean | string[] | undefined>;

/** Options every command that opens a library takes. */
export const libraryCommandOptions = { 'data-dir': { type: 'string' }, 'passphrase-env': { type: 'string' }, 'break-lock': { type: 'boolean', default: false } } as const;

/** A command's arguments, strictly parsed; null (after saying why, with the usage) when they are off. */
export function parseCommand(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>, io: CommandIo, usage: string): CommandValues | null {
  try {
    return parseArgs({ args: [...args], options: { ...libraryCommandOptions, ...options }, strict: true }).values as CommandValues;
  } catch (error) {
    io.err(`${(error as Error).message}\n${usage}`);
    return null;
  }
}

/** parseCommand for a command on one interview: --data-dir and --interview are required (null, said why, when missing). */
export function parseInterviewCommand(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>, io: CommandIo, usage: string): CommandValues | null {
  const values = parseCommand(args, { interview: { type: 'string' }, ...options }, io, usage);
  if (values && (!values['data-dir'] || !values.interview)) {
    io.err(`Give --data-dir and --interview.\n${usage}`);
    return null;
  }
  return values;
}

/** How to open the library the parsed values name. */
export const libraryFrom = (values: CommandValues, io: CommandIo): CliLibraryOptions => ({
  dataDir: resolve(String(values['data-dir'])),
  breakLock: values['break-lock'] === true,
  passphraseEnv: values['passphrase-env'] as string | undefined,
  err: io.err,
});
