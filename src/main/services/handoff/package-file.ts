// A hand-off package (`<title>.testimony`): a tar of JSON files — manifest.json, interview.json,
// glossary.json — and, if chosen, the recording, encrypted with age to a passphrase or to the
// receiver's public key (age1…). An archive can open one without this app:
//   age -d package.testimony | tar -x   (asks for the passphrase; or -i identity.txt)
// The sender's library key never goes in; the real name and the redaction list stay out unless
// the sender includes them, and the receiver sees them as withheld.
import { Decrypter, Encrypter } from 'age-encryption';
import { z } from 'zod';
import { interviewMigrations } from '../../../shared/document-migrations';
import { GlossaryTerm, Interview, INTERVIEW_SCHEMA_VERSION } from '../../../shared/interview';
import { DeskError } from '../desk-error';
import { migrateToCurrent } from '../storage/migrations';
import type { LibraryCipher } from '../storage/encryption/library-cipher';
import { headerLength, openPayload, sealFile } from '../storage/encryption/age-payload';
import { packFiles, unpackFiles } from './tar-files';

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
  withheld: z.array(z.enum(['realName', 'redactions', 'recording'])),
});
export type PackageManifest = z.infer<typeof PackageManifest>;

export type PackageContents = { manifest: PackageManifest; interview: Interview; glossary: GlossaryTerm[]; recording: Uint8Array | null };

export type SendChoices = {
  sender: string;
  includeRecording: boolean;
  includeRealName: boolean;
  includeRedactions: boolean;
};

export type PackageLock = { passphrase: string } | { recipient: string };

/** The interview as it travels: withheld details blanked, conflicts left behind. */
export function travellingCopy(interview: Interview, choices: SendChoices): Interview {
  return {
    ...interview,
    narrator: { ...interview.narrator, realName: choices.includeRealName ? interview.narrator.realName : '' },
    redactions: choices.includeRedactions ? interview.redactions : [],
    mergeConflicts: [],
  };
}

export async function buildPackage(
  interview: Interview,
  glossary: GlossaryTerm[],
  recording: { fileName: string; bytes: Uint8Array } | null,
  choices: SendChoices,
  lock: PackageLock,
  appVersion: string,
  now: Date,
): Promise<Uint8Array> {
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    appVersion,
    createdAt: now.toISOString(),
    sender: choices.sender,
    interviewId: interview.id,
    title: interview.title,
    recording: choices.includeRecording && recording ? recording.fileName : null,
    withheld: [
      ...(choices.includeRealName ? [] : (['realName'] as const)),
      ...(choices.includeRedactions ? [] : (['redactions'] as const)),
      ...(choices.includeRecording || !recording ? [] : (['recording'] as const)),
    ],
  };
  const files = [
    { name: 'manifest.json', bytes: Buffer.from(JSON.stringify(manifest, null, 1)) },
    { name: 'interview.json', bytes: Buffer.from(JSON.stringify(travellingCopy(interview, choices), null, 1)) },
    { name: 'glossary.json', bytes: Buffer.from(JSON.stringify(glossary, null, 1)) },
    ...(manifest.recording && recording ? [{ name: `recording/${manifest.recording}`, bytes: recording.bytes }] : []),
  ];
  const bytes = await packFiles(files, now);
  const encrypter = new Encrypter();
  if ('passphrase' in lock) {
    if (lock.passphrase.length < 8) throw new DeskError('invalid-input', 'Choose a package passphrase of at least 8 characters.');
    encrypter.setPassphrase(lock.passphrase);
    return encrypter.encrypt(bytes);
  }
  if (!/^age1[0-9a-z]{58}$/.test(lock.recipient.trim())) throw new DeskError('invalid-input', 'That is not an age public key (age1… , 62 characters).');
  // age-encryption writes the header (the receiver's X25519 stanza); a second recipient that adds
  // no stanza only learns the random file key, so the payload — a recording can be large — is
  // sealed with Node's native ChaCha20-Poly1305 in the same STREAM format.
  let fileKey: Uint8Array | null = null;
  encrypter.addRecipient(lock.recipient.trim());
  encrypter.addRecipient({ wrapFileKey: (key) => ((fileKey = key), []) });
  const empty = await encrypter.encrypt(new Uint8Array(0));
  if (!fileKey) throw new Error('age-encryption did not hand out the file key');
  return sealFile(empty.subarray(0, headerLength(empty)), fileKey, bytes);
}

/** Decrypts and checks a package; refuses wrong keys, damage, tampering and newer formats. */
export async function openPackage(bytes: Uint8Array, keys: { passphrase?: string; cipher?: LibraryCipher | null }): Promise<PackageContents> {
  const decrypter = new Decrypter();
  if (keys.passphrase) decrypter.addPassphrase(keys.passphrase);
  if (keys.cipher) decrypter.addIdentity(keys.cipher.secretIdentity);
  if (!keys.passphrase && !keys.cipher) throw new DeskError('locked', 'This package needs its passphrase.');
  let fileKey: Uint8Array;
  let length: number;
  try {
    length = headerLength(bytes);
  } catch {
    throw new DeskError('refused', 'This is not a Testimony Desk package (it is not an age file). Nothing was changed.');
  }
  try {
    fileKey = await decrypter.decryptHeader(bytes.subarray(0, length));
  } catch {
    throw new DeskError('locked', 'This package does not open with that passphrase or with this library’s key. Nothing was changed.');
  }
  let plain: Uint8Array;
  try {
    plain = openPayload(fileKey, bytes.subarray(length)); // every 64 KiB chunk is authenticated
  } catch {
    throw new DeskError('refused', 'This package is damaged or was altered (its encryption check failed). Nothing was changed.');
  }
  let files: Map<string, Buffer>;
  try {
    files = await unpackFiles(plain);
  } catch {
    throw new DeskError('refused', 'This package’s contents are damaged. Nothing was changed.');
  }
  const read = async (name: string) => {
    const entry = files.get(name);
    if (!entry) throw new DeskError('refused', `This package is incomplete (${name} is missing). Nothing was changed.`);
    return entry.toString('utf8');
  };
  const manifest = PackageManifest.safeParse(JSON.parse(await read('manifest.json')));
  if (!manifest.success) throw new DeskError('refused', 'This is not a Testimony Desk package, or it is damaged. Nothing was changed.');
  if (manifest.data.version > PACKAGE_VERSION) {
    throw new DeskError('refused', `This package was made by a newer version of Testimony Desk (${manifest.data.appVersion}). Update the app to open it. Nothing was changed.`);
  }
  const rawInterview = JSON.parse(await read('interview.json')) as { schemaVersion?: number };
  if ((rawInterview.schemaVersion ?? 0) > INTERVIEW_SCHEMA_VERSION) {
    throw new DeskError('refused', `This package was made by a newer version of Testimony Desk (${manifest.data.appVersion}). Update the app to open it. Nothing was changed.`);
  }
  const interview = Interview.safeParse(migrateToCurrent(rawInterview, interviewMigrations, INTERVIEW_SCHEMA_VERSION, 'package'));
  if (!interview.success) throw new DeskError('refused', 'The interview in this package is damaged. Nothing was changed.');
  const glossary = z.array(GlossaryTerm).safeParse(JSON.parse(await read('glossary.json')));
  const recordingEntry = manifest.data.recording ? (files.get(`recording/${manifest.data.recording}`) ?? null) : null;
  return {
    manifest: manifest.data,
    interview: interview.data,
    glossary: glossary.success ? glossary.data : [],
    recording: recordingEntry,
  };
}
