// A hand-off package (`<title>.testimony`): a tar of JSON files — manifest.json, interview.json,
// glossary.json — and, if chosen, the recording, encrypted with age to a passphrase or to the
// receiver's public key (age1…). An archive can open one without this app:
//   age -d package.testimony | tar -x   (asks for the passphrase; or -i identity.txt)
// The sender's library key never goes in. The redaction list always travels (inside the
// encryption): a receiver without it would export the names it protects. The narrator's real
// name stays out unless the sender includes it, and the receiver sees it as withheld.
import { open, rm } from 'node:fs/promises';
import { Decrypter } from 'age-encryption';
import { z } from 'zod';
import { interviewMigrations } from '../../../shared/document-migrations';
import { GlossaryTerm, Interview, INTERVIEW_SCHEMA_VERSION } from '../../../shared/interview';
import { DeskError } from '../desk-error';
import { migrateToCurrent } from '../storage/migrations';
import type { LibraryCipher } from '../storage/encryption/library-cipher';
import { headerLength, newFileKey } from '../storage/encryption/age-payload';
import { openPayloadStream, PayloadCheckError, sealPayload } from '../storage/encryption/age-stream';
import { ScryptIdentity, ScryptRecipient } from '../storage/encryption/scrypt-recipient';
import { reusedReads } from '../storage/reused-reads';
import { utf8Bytes } from '../storage/utf8';
import { packFiles, readSmallFile, unpackFiles, type PackedFile } from './tar-files';

export const PACKAGE_FORMAT = 'testimony-package';
export const PACKAGE_VERSION = 1;

export const PackageManifest = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.number().int(),
  appVersion: z.string().max(40),
  createdAt: z.string().max(40),
  /** Who sent it, as the sender describes themselves (a role, not necessarily a name). */
  sender: z.string().max(200),
  interviewId: z.string().max(64),
  title: z.string().max(200),
  recording: z.string().max(100).nullable(),
  /** The library that made it (packages from before lineage have none). */
  libraryId: z.string().max(64).optional(),
  /** 'redactions' only in packages from before the list always travelled. */
  withheld: z.array(z.enum(['realName', 'redactions', 'recording'])),
});
export type PackageManifest = z.infer<typeof PackageManifest>;

/** A received recording waits in the library's scratch folder, stored the library's way, until accepted. */
/**
 * What a package holds. `interviewJson` is interview.json as it arrived, when it needed no
 * migration: the receiver keeps it as the merge base without writing the interview out again.
 */
export type PackageContents = { manifest: PackageManifest; interview: Interview; interviewJson: Uint8Array | null; glossary: GlossaryTerm[]; recording: { stashedAt: string } | null };

/**
 * A recording about to travel: read in pieces (decrypted on the way if the library is encrypted),
 * each of which may be refilled once the next is asked for.
 */
export type OutgoingRecording = { fileName: string; size: number; pieces: () => AsyncIterable<Uint8Array> };

/** Where a package is read from: a file (read in pieces) or bytes already in memory (a drop). */
export type PackageSource = { path: string } | { bytes: Uint8Array };

/** Puts a received recording aside (sealed in an encrypted library) and says where. */
export type RecordingStash = (content: AsyncIterable<Uint8Array>) => Promise<string>;

export type SendChoices = {
  sender: string;
  /** The sending library's id (Library.libraryId): the package's place in the interview's lineage. */
  libraryId?: string;
  includeRecording: boolean;
  includeRealName: boolean;
};

export type PackageLock = { passphrase: string } | { recipient: string };

/** The interview as it travels: the real name blanked unless chosen, conflicts left behind. */
function travellingCopy(interview: Interview, choices: SendChoices): Interview {
  return {
    ...interview,
    narrator: { ...interview.narrator, realName: choices.includeRealName ? interview.narrator.realName : '' },
    mergeConflicts: [],
  };
}

/**
 * The travelling copy and its text, made once: the package's interview.json and the sender's
 * next merge base are the same bytes (a 2,500-segment interview takes ~25 ms to write as text).
 */
export type TravellingInterview = { interview: Interview; json: Uint8Array };

export function travellingInterview(interview: Interview, choices: SendChoices): TravellingInterview {
  const copy = travellingCopy(interview, choices);
  return { interview: copy, json: utf8Bytes(JSON.stringify(copy, null, 1)) };
}

/**
 * The encrypted package in pieces, for writing as it is made: the age header, then the tar of its
 * files sealed chunk by chunk. A recording is read while it is encrypted, never whole in memory.
 */
export async function* packageBytes(
  travelling: TravellingInterview,
  glossary: GlossaryTerm[],
  recording: OutgoingRecording | null,
  choices: SendChoices,
  lock: PackageLock,
  appVersion: string,
  now: Date,
): AsyncGenerator<Uint8Array> {
  const { interview } = travelling;
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    appVersion,
    createdAt: now.toISOString(),
    sender: choices.sender,
    ...(choices.libraryId ? { libraryId: choices.libraryId } : {}),
    interviewId: interview.id,
    title: interview.title,
    recording: choices.includeRecording && recording ? recording.fileName : null,
    withheld: [
      ...(choices.includeRealName ? [] : (['realName'] as const)),
      ...(choices.includeRecording || !recording ? [] : (['recording'] as const)),
    ],
  };
  const files: PackedFile[] = [
    { name: 'manifest.json', bytes: utf8Bytes(JSON.stringify(manifest, null, 1)) },
    { name: 'interview.json', bytes: travelling.json },
    { name: 'glossary.json', bytes: utf8Bytes(JSON.stringify(glossary, null, 1)) },
    ...(manifest.recording && recording ? [{ name: `recording/${manifest.recording}`, size: recording.size, pieces: recording.pieces }] : []),
  ];
  const { header, fileKey } = await packageKey(lock);
  yield header;
  yield* sealPayload(fileKey, packFiles(files, now));
}

/** A fresh file key and the age header that wraps it for the receiver (a passphrase or an age1… key). */
async function packageKey(lock: PackageLock): Promise<{ header: Uint8Array; fileKey: Uint8Array }> {
  if ('passphrase' in lock) {
    if (lock.passphrase.length < 8) throw new DeskError('invalid-input', 'Choose a package passphrase of at least 8 characters.');
    return newFileKey(new ScryptRecipient(lock.passphrase));
  }
  if (!/^age1[0-9a-z]{58}$/.test(lock.recipient.trim())) throw new DeskError('invalid-input', 'That is not an age public key (age1… , 62 characters).');
  return newFileKey(lock.recipient.trim());
}

/** The interview and glossary of a package are documents; this bounds what one may make us hold. */
const DOCUMENT_LIMIT = 512 * 2 ** 20;
const MAX_HEADER = 64 * 1024;

async function packageHead(source: PackageSource): Promise<Uint8Array> {
  if ('bytes' in source) return source.bytes.subarray(0, MAX_HEADER);
  const file = await open(source.path, 'r');
  try {
    const head = Buffer.alloc(MAX_HEADER);
    const { bytesRead } = await file.read(head, 0, MAX_HEADER, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** The bytes after the header, in pieces refilled as they are opened. */
function packagePayload(source: PackageSource, from: number): AsyncIterable<Uint8Array> | Iterable<Uint8Array> {
  return 'bytes' in source ? [source.bytes.subarray(from)] : reusedReads(source.path, from);
}

export type PackageKeys = { passphrase?: string; cipher?: LibraryCipher | null };

/** The package's file key from its age header (a passphrase's scrypt stanza or this library's X25519 key), and where its payload starts. */
async function openPackageHeader(source: PackageSource, keys: PackageKeys): Promise<{ fileKey: Uint8Array; payloadStart: number }> {
  const decrypter = new Decrypter();
  if (keys.passphrase) decrypter.addIdentity(new ScryptIdentity(keys.passphrase));
  if (keys.cipher) decrypter.addIdentity(keys.cipher.secretIdentity);
  if (!keys.passphrase && !keys.cipher) throw new DeskError('locked', 'This package needs its passphrase.');
  const head = await packageHead(source);
  let length: number;
  try {
    length = headerLength(head);
  } catch {
    throw new DeskError('refused', 'This is not a Testimony Desk package (it is not an age file). Nothing was changed.');
  }
  try {
    return { fileKey: await decrypter.decryptHeader(head.subarray(0, length)), payloadStart: length };
  } catch {
    throw new DeskError('locked', 'This package does not open with that passphrase or with this library’s key. Nothing was changed.');
  }
}

/** A package's decrypted bytes as they are read, each 64 KiB chunk authenticated: the age layer alone, for the conformance tests. */
export async function* decryptedPackage(source: PackageSource, keys: PackageKeys): AsyncGenerator<Uint8Array> {
  const { fileKey, payloadStart } = await openPackageHeader(source, keys);
  yield* openPayloadStream(fileKey, packagePayload(source, payloadStart));
}

/**
 * Decrypts and checks a package as it is read; refuses wrong keys, damage, tampering and newer
 * formats. Its recording goes to `stash` as it is decrypted; on any refusal the stashed copy is
 * removed, so a refused package leaves nothing behind.
 */
export async function openPackage(source: PackageSource, keys: PackageKeys, stash: RecordingStash): Promise<PackageContents> {
  const { fileKey, payloadStart } = await openPackageHeader(source, keys);
  const documents = new Map<string, Buffer>();
  // Filled in as the archive is read.
  const found: { manifest: PackageManifest | null; stashedAt: string | null; payloadFailed: boolean } = { manifest: null, stashedAt: null, payloadFailed: false };
  // Every 64 KiB chunk is authenticated before the archive reader sees a byte of it. A failed
  // check can surface anywhere downstream (in the stash's write too), so it is noted here.
  const payload = (async function* checked() {
    try {
      yield* openPayloadStream(fileKey, packagePayload(source, payloadStart));
    } catch (error) {
      found.payloadFailed = error instanceof PayloadCheckError;
      throw error;
    }
  })();
  try {
    await unpackFiles(payload, async (name, _size, content) => {
      if (name === 'manifest.json') {
        found.manifest = readManifest(await readSmallFile(content, DOCUMENT_LIMIT));
      } else if (name === 'interview.json' || name === 'glossary.json') {
        documents.set(name, await readSmallFile(content, DOCUMENT_LIMIT));
      } else if (found.manifest?.recording && name === `recording/${found.manifest.recording}` && found.stashedAt === null) {
        found.stashedAt = await stash(content).catch((error: unknown) => {
          throw new StashFailure(error);
        });
      } else {
        content.resume();
      }
    });
    if (!found.manifest) throw new DeskError('refused', 'This package is incomplete (manifest.json is missing). Nothing was changed.');
    const contents = readDocuments(found.manifest, documents);
    return { ...contents, recording: found.stashedAt === null ? null : { stashedAt: found.stashedAt } };
  } catch (error) {
    if (found.stashedAt !== null) await rm(found.stashedAt, { force: true });
    if (found.payloadFailed) throw new DeskError('refused', 'This package is damaged or was altered (its encryption check failed). Nothing was changed.');
    if (error instanceof DeskError) throw error;
    if (error instanceof StashFailure) throw error.cause;
    throw new DeskError('refused', 'This package’s contents are damaged. Nothing was changed.');
  }
}

/** Writing the recording aside failed (a full disk): that is not the package's fault. */
class StashFailure extends Error {
  constructor(cause: unknown) {
    super('the received recording could not be stored', { cause });
  }
}

function readManifest(bytes: Buffer): PackageManifest {
  const manifest = PackageManifest.safeParse(parseJson(bytes));
  if (!manifest.success) throw new DeskError('refused', 'This is not a Testimony Desk package, or it is damaged. Nothing was changed.');
  if (manifest.data.version > PACKAGE_VERSION) {
    throw new DeskError('refused', `This package was made by a newer version of Testimony Desk (${manifest.data.appVersion}). Update the app to open it. Nothing was changed.`);
  }
  return manifest.data;
}

function readDocuments(manifest: PackageManifest, documents: Map<string, Buffer>): Omit<PackageContents, 'recording'> {
  const document = (name: string) => {
    const bytes = documents.get(name);
    if (!bytes) throw new DeskError('refused', `This package is incomplete (${name} is missing). Nothing was changed.`);
    return parseJson(bytes);
  };
  const rawInterview = document('interview.json') as { schemaVersion?: number };
  if ((rawInterview.schemaVersion ?? 0) > INTERVIEW_SCHEMA_VERSION) {
    throw new DeskError('refused', `This package was made by a newer version of Testimony Desk (${manifest.appVersion}). Update the app to open it. Nothing was changed.`);
  }
  const migrated = migrateToCurrent(rawInterview, interviewMigrations, INTERVIEW_SCHEMA_VERSION, 'package');
  const interview = Interview.safeParse(migrated);
  if (!interview.success) throw new DeskError('refused', 'The interview in this package is damaged. Nothing was changed.');
  const glossary = z.array(GlossaryTerm).safeParse(document('glossary.json'));
  // Read back, the bytes give this same interview only if no migration changed it on the way.
  const interviewJson = migrated === rawInterview ? documents.get('interview.json')! : null;
  return { manifest, interview: interview.data, interviewJson, glossary: glossary.success ? glossary.data : [] };
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new DeskError('refused', 'This package’s contents are damaged. Nothing was changed.');
  }
}
