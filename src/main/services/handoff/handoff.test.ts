// Two libraries on two laptops: the interviewer sends to the translator, both work, the
// translator sends back, and the interviewer's library ends with everyone's work.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Encrypter } from 'age-encryption';
import { hasAgeTool } from '../storage/encryption/age-tool';
import { describe, expect, it } from 'vitest';
import { newSegment } from '../../../shared/interview';
import { isStale } from '../../../shared/translation';
import { createHandlers } from '../handlers';
import { LibrarySession } from '../library-session';
import { LibraryLock } from '../storage/library-lock';
import { mediaFolder } from '../data-paths';
import { isAgeEncrypted } from '../storage/encryption/library-cipher';
import { readBase, sendInterview } from './handoff';
import { openPackage } from './package-file';
import { packFiles } from './tar-files';
import { lowerScryptWorkFactorForTests } from '../storage/encryption/scrypt-recipient';

// Scrypt is not what these tests test: a cheap work factor for every passphrase they lock.
lowerScryptWorkFactorForTests(10);

const resourcesDir = resolve(__dirname, '../../../../resources');

async function collect(pieces: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const all: Uint8Array[] = [];
  for await (const piece of pieces) all.push(piece);
  return Buffer.concat(all);
}

async function laptop(name: string, mode: 'plain' | 'encrypted' = 'plain') {
  const dataDir = await mkdtemp(join(tmpdir(), `handoff-${name}-`));
  const exchange = { save: '', open: '' };
  const lock = await LibraryLock.acquire(dataDir, name);
  const session = new LibrarySession({ dataDir, resourcesDir, lock, keyring: { scryptLogN: 10 } });
  const handlers = await createHandlers({
    session,
    dataDir,
    resourcesDir,
    version: '0.1.0',
    mediaBaseUrl: 'x/',
    chooseExportPath: async () => exchange.save,
    chooseRecording: async () => exchange.open,
    choosePackage: async () => exchange.open,
  });
  await handlers['library.setup'](mode === 'plain' ? { mode } : { mode, passphrase: `${name} passphrase` });
  return { handlers, exchange, dataDir, session, release: () => lock.release() };
}

const everyone = { sender: 'interviewer', includeRecording: false, includeRealName: false };
const exportTxt = { format: 'txt', language: 'target', includeOpenQueries: false, includeNotes: false, includeStatus: false, draftMark: false, allowIncomplete: false, allowUnlisted: true } as const;

/**
 * A package made by hand, as another app (older, newer, broken) would make one: manifest, the
 * interview's text, an empty glossary and perhaps a recording, tarred and sealed by age-encryption.
 */
async function handMadePackage(
  contents: { manifest: Record<string, unknown>; interview: string; recording?: { name: string; bytes: Buffer } },
  lock: { passphrase: string } | { recipient: string },
): Promise<Uint8Array> {
  const manifest = { format: 'testimony-package', version: 1, appVersion: '0.1.0', createdAt: '', sender: 'x', title: 'x', recording: null, withheld: [], ...contents.manifest };
  const archive = await collect(
    packFiles(
      [
        { name: 'manifest.json', bytes: Buffer.from(JSON.stringify(manifest)) },
        { name: 'interview.json', bytes: Buffer.from(contents.interview) },
        { name: 'glossary.json', bytes: Buffer.from('[]') },
        ...(contents.recording ? [{ name: `recording/${contents.recording.name}`, bytes: contents.recording.bytes }] : []),
      ],
      new Date(),
    ),
  );
  const encrypter = new Encrypter();
  if ('passphrase' in lock) {
    encrypter.setPassphrase(lock.passphrase);
    encrypter.setScryptWorkFactor(10);
  } else encrypter.addRecipient(lock.recipient);
  return encrypter.encrypt(archive);
}

describe('hand-off between two libraries', () => {
  it('merges 20 translations, 3 source fixes and a split with no conflict; a same-field edit is one conflict', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'handoff-files-'));
    const interviewer = await laptop('interviewer');
    const translator = await laptop('translator', 'encrypted');
    const { recipient } = await translator.handlers['library.recipient']({});
    expect(recipient).toMatch(/^age1/);

    let interview = await interviewer.handlers['interview.create']({ title: '장마당 인터뷰' });
    interview = { ...interview, narrator: { ...interview.narrator, realName: '최순희', pseudonym: 'Lee Ji-woo' } };
    interview.segments = Array.from({ length: 25 }, (_, index) => newSegment({ id: `seg-${index}`, start: index * 10, end: index * 10 + 9, source: `원문 ${index}` }));
    await interviewer.handlers['interview.save']({ interview });

    // Interviewer → translator, to the translator's public key; the real name stays home.
    interviewer.exchange.save = join(folder, 'to-translator.testimony');
    expect(await interviewer.handlers['package.send']({ id: interview.id, lock: { recipient: recipient! }, choices: everyone })).toEqual({ saved: true, fileName: 'to-translator.testimony' });
    expect((await readFile(interviewer.exchange.save)).includes(Buffer.from('원문'))).toBe(false);
    translator.exchange.open = interviewer.exchange.save;
    const opened = await translator.handlers['package.open']({});
    if (!opened.opened) throw new Error('not opened');
    expect(opened).toMatchObject({ title: '장마당 인터뷰', sender: 'interviewer', segmentCount: 25, existing: false, withheld: ['realName'] });
    expect((await translator.handlers['package.accept']({ token: opened.token })).outcome).toBe('added');
    const received = await translator.handlers['interview.get']({ id: interview.id });
    expect(received.narrator.realName).toBe('');

    // The translator translates 20 segments…
    await translator.handlers['interview.save']({
      interview: { ...received, segments: received.segments.map((segment, index) => (index < 20 ? { ...segment, translation: `Translation ${index}`, sourceAtTranslation: segment.source, status: 'draft' as const } : segment)) },
    });
    // …while the interviewer fixes three source lines and splits one segment.
    const mine = await interviewer.handlers['interview.get']({ id: interview.id });
    const fixed = mine.segments.map((segment) => (['seg-3', 'seg-7', 'seg-22'].includes(segment.id) ? { ...segment, source: `${segment.source} (고침)` } : segment));
    const at = fixed.findIndex((segment) => segment.id === 'seg-10');
    fixed.splice(at, 1, { ...fixed[at]!, end: 104 }, newSegment({ id: 'seg-10b', start: 104, end: 109, source: '원문 10 뒤' }));
    await interviewer.handlers['interview.save']({ interview: { ...mine, segments: fixed } });

    // Translator → interviewer, with a passphrase told another way.
    translator.exchange.save = join(folder, 'back.testimony');
    await translator.handlers['package.send']({ id: interview.id, lock: { passphrase: 'told by phone' }, choices: { ...everyone, sender: 'translator' } });
    interviewer.exchange.open = translator.exchange.save;
    await expect(interviewer.handlers['package.open']({ passphrase: 'wrong words here' })).rejects.toThrow(/does not open/);
    const back = await interviewer.handlers['package.open']({ passphrase: 'told by phone' });
    if (!back.opened) throw new Error('not opened');
    expect(back.existing).toBe(true);
    const outcome = await interviewer.handlers['package.accept']({ token: back.token });
    expect(outcome).toMatchObject({ outcome: 'merged', conflicts: 0 });
    const merged = await interviewer.handlers['interview.get']({ id: interview.id });
    expect(merged.narrator.realName).toBe('최순희');
    expect(merged.segments).toHaveLength(26);
    expect(merged.segments.filter((segment) => segment.translation.startsWith('Translation'))).toHaveLength(20);
    expect(merged.segments.filter(isStale).map((segment) => segment.id).sort()).toEqual(['seg-3', 'seg-7']);
    expect(merged.segments.find((segment) => segment.id === 'seg-10b')).toBeTruthy();

    // Undo the merge in one step, then merge again.
    expect((await interviewer.handlers['interview.undoMerge']({ id: interview.id })).segments.filter((segment) => segment.translation !== '')).toHaveLength(0);
    interviewer.exchange.open = translator.exchange.save;
    const again = await interviewer.handlers['package.open']({ passphrase: 'told by phone' });
    if (!again.opened) throw new Error('not opened');
    await interviewer.handlers['package.accept']({ token: again.token });

    // Both change the same field: exactly one conflict, and exports wait for it.
    const ours = await interviewer.handlers['interview.get']({ id: interview.id });
    await interviewer.handlers['interview.save']({ interview: { ...ours, segments: ours.segments.map((segment) => (segment.id === 'seg-0' ? { ...segment, translation: 'Interviewer wording' } : segment)) } });
    const theirs = await translator.handlers['interview.get']({ id: interview.id });
    await translator.handlers['interview.save']({ interview: { ...theirs, segments: theirs.segments.map((segment) => (segment.id === 'seg-0' ? { ...segment, translation: 'Translator wording' } : segment)) } });
    await translator.handlers['package.send']({ id: interview.id, lock: { passphrase: 'told by phone' }, choices: { ...everyone, sender: 'translator' } });
    const third = await interviewer.handlers['package.open']({ passphrase: 'told by phone' });
    if (!third.opened) throw new Error('not opened');
    expect((await interviewer.handlers['package.accept']({ token: third.token })).conflicts).toBe(1);
    const conflicted = await interviewer.handlers['interview.get']({ id: interview.id });
    expect(conflicted.mergeConflicts).toEqual([expect.objectContaining({ targetId: 'seg-0', field: 'translation', mine: 'Interviewer wording', theirs: 'Translator wording', theirAuthor: 'translator' })]);
    await expect(interviewer.handlers['export.review']({ id: interview.id, request: { format: 'srt', language: 'target', includeOpenQueries: false, includeNotes: false, includeStatus: false, draftMark: false, allowIncomplete: false, allowUnlisted: true } })).rejects.toThrow(/hand-off conflict/);

    await interviewer.release();
    await translator.release();
  }, 60_000);

  it('keeps the previous merge base when a send fails, and the new one once a send succeeds', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'handoff-failed-'));
    const interviewer = await laptop('interviewer-fails');
    let interview = await interviewer.handlers['interview.create']({ title: 'Base kept' });
    interview = { ...interview, segments: [newSegment({ id: 'seg-1', start: 0, end: 5, source: '처음' })] };
    await interviewer.handlers['interview.save']({ interview });
    const base = join(interviewer.dataDir, 'interviews', interview.id, 'handoff-base.json');
    interviewer.exchange.save = join(folder, 'first.testimony');
    await interviewer.handlers['package.send']({ id: interview.id, lock: { passphrase: 'told by phone' }, choices: everyone });
    const firstBase = await readFile(base, 'utf8');
    expect(JSON.parse(firstBase).segments[0].source).toBe('처음');

    await interviewer.handlers['interview.save']({ interview: { ...(await interviewer.handlers['interview.get']({ id: interview.id })), segments: [newSegment({ id: 'seg-1', start: 0, end: 5, source: '고침' })] } });
    interviewer.exchange.save = join(folder, 'no such folder', 'second.testimony');
    await expect(interviewer.handlers['package.send']({ id: interview.id, lock: { passphrase: 'told by phone' }, choices: everyone })).rejects.toThrow();
    expect(await readFile(base, 'utf8')).toBe(firstBase);
    expect((await readdir(join(interviewer.dataDir, 'interviews', interview.id))).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    interviewer.exchange.save = join(folder, 'second.testimony');
    await interviewer.handlers['package.send']({ id: interview.id, lock: { passphrase: 'told by phone' }, choices: everyone });
    expect(JSON.parse(await readFile(base, 'utf8')).segments[0].source).toBe('고침');
    await interviewer.release();
  }, 30_000); // three packages, each one scrypt at age's work factor

  it('refuses a truncated, tampered or newer package and changes nothing; the age tool opens one with the passphrase', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'handoff-bad-'));
    const sender = await laptop('sender');
    const receiver = await laptop('receiver');
    const interview = await sender.handlers['interview.create']({ title: 'Checked' });
    sender.exchange.save = join(folder, 'good.testimony');
    await sender.handlers['package.send']({ id: interview.id, lock: { passphrase: 'package passphrase' }, choices: everyone });
    const good = await readFile(sender.exchange.save);
    const tryOpen = async (bytes: Buffer) => {
      const path = join(folder, `try-${Math.random()}.testimony`);
      await writeFile(path, bytes);
      receiver.exchange.open = path;
      return receiver.handlers['package.open']({ passphrase: 'package passphrase' });
    };
    await expect(tryOpen(good.subarray(0, good.length - 40))).rejects.toThrow(/damaged or was altered/);
    const tampered = Buffer.from(good);
    tampered[tampered.length - 100]! ^= 1;
    await expect(tryOpen(tampered)).rejects.toThrow(/damaged or was altered/);
    expect((await receiver.handlers['library.list']({})).interviews).toEqual([]);

    // A package from a newer app is refused with a clear message.
    const newer = await handMadePackage({ manifest: { version: 2, appVersion: '9.0.0', interviewId: interview.id }, interview: JSON.stringify(interview) }, { passphrase: 'package passphrase' });
    await expect(tryOpen(Buffer.from(newer))).rejects.toThrow(/newer version of Testimony Desk \(9\.0\.0\)/);
    expect((await receiver.handlers['library.list']({})).interviews).toEqual([]);

    if (hasAgeTool()) {
      // Readable without this app: the age tool (it reads passphrases from a terminal, given here
      // by `script`) decrypts it to a plain tar of JSON files, which tar lists and unpacks.
      const out = join(folder, 'package.tar');
      execFileSync('script', ['-q', '-c', `age -d -o '${out}' '${sender.exchange.save}'`, '/dev/null'], { input: 'package passphrase\n' });
      expect(execFileSync('tar', ['-tf', out]).toString().trim().split('\n').sort()).toEqual(['glossary.json', 'interview.json', 'manifest.json']);
      expect(JSON.parse(execFileSync('tar', ['-xOf', out, 'interview.json']).toString()).title).toBe('Checked');
    }
    await sender.release();
    await receiver.release();
  }, 60_000);

  it('carries the recording in pieces into an encrypted library, byte for byte; a package altered inside the recording leaves nothing behind', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'handoff-recording-'));
    const sender = await laptop('recorder');
    const receiver = await laptop('listener', 'encrypted');
    const interview = await sender.handlers['interview.create']({ title: 'With its recording' });
    const sample = await readFile(join(resourcesDir, 'sample', 'recording.ogg'));
    sender.exchange.open = join(resourcesDir, 'sample', 'recording.ogg');
    expect((await sender.handlers['media.import']({ id: interview.id, confirmed: false })).imported).toBe(true);
    const { recipient } = await receiver.handlers['library.recipient']({});
    sender.exchange.save = join(folder, 'with-recording.testimony');
    await sender.handlers['package.send']({ id: interview.id, lock: { recipient: recipient! }, choices: { ...everyone, includeRecording: true } });
    const good = await readFile(sender.exchange.save);
    expect(good.length).toBeGreaterThan(sample.length);

    // Altered in the middle of the recording: refused, and the part already decrypted is gone.
    const tampered = Buffer.from(good);
    tampered[Math.floor(good.length / 2)]! ^= 1;
    receiver.exchange.open = join(folder, 'tampered.testimony');
    await writeFile(receiver.exchange.open, tampered);
    await expect(receiver.handlers['package.open']({})).rejects.toThrow(/damaged or was altered/);
    expect(await readdir(join(receiver.dataDir, '.scratch')).catch(() => [])).toEqual([]);
    // Sealed well but holding a damaged interview, found only after the recording was put aside.
    const damaged = await handMadePackage(
      { manifest: { interviewId: interview.id, recording: 'recording.ogg' }, interview: '{"segments": "not a list"}', recording: { name: 'recording.ogg', bytes: sample } },
      { recipient: recipient! },
    );
    await writeFile(receiver.exchange.open, damaged);
    await expect(receiver.handlers['package.open']({})).rejects.toThrow(/damaged\. Nothing was changed/);
    expect(await readdir(join(receiver.dataDir, '.scratch'))).toEqual([]);
    expect((await receiver.handlers['library.list']({})).interviews).toEqual([]);

    // Opened twice (the first one left unanswered), then added: one recording, moved into place.
    receiver.exchange.open = sender.exchange.save;
    expect(await receiver.handlers['package.open']({})).toMatchObject({ hasRecording: true, withheld: ['realName'] });
    const opened = await receiver.handlers['package.open']({});
    if (!opened.opened) throw new Error('not opened');
    expect(await readdir(join(receiver.dataDir, '.scratch'))).toHaveLength(1);
    expect((await receiver.handlers['package.accept']({ token: opened.token })).outcome).toBe('added');
    expect(await readdir(join(receiver.dataDir, '.scratch'))).toEqual([]);
    const received = await receiver.handlers['interview.get']({ id: interview.id });
    const stored = join(mediaFolder(receiver.dataDir, interview.id), received.recording!.fileName);
    expect(isAgeEncrypted(await readFile(stored))).toBe(true);
    const reader = await receiver.session.open().store.openRecording(stored);
    expect((await collect(reader.stream())).equals(sample)).toBe(true);
    await reader.close();
    await sender.release();
    await receiver.release();
  }, 60_000);

  it('sends a recording kept sealed in an encrypted library, read into reused buffers, and it arrives byte for byte', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'handoff-sealed-recording-'));
    const sender = await laptop('sealed-recorder', 'encrypted');
    const receiver = await laptop('plain-listener');
    const interview = await sender.handlers['interview.create']({ title: 'Sealed at home' });
    const sample = await readFile(join(resourcesDir, 'sample', 'recording.ogg'));
    sender.exchange.open = join(resourcesDir, 'sample', 'recording.ogg');
    expect((await sender.handlers['media.import']({ id: interview.id, confirmed: false })).imported).toBe(true);
    sender.exchange.save = join(folder, 'sealed.testimony');
    await sender.handlers['package.send']({ id: interview.id, lock: { passphrase: 'told by phone' }, choices: { ...everyone, includeRecording: true } });
    receiver.exchange.open = sender.exchange.save;
    const opened = await receiver.handlers['package.open']({ passphrase: 'told by phone' });
    if (!opened.opened) throw new Error('not opened');
    expect((await receiver.handlers['package.accept']({ token: opened.token })).outcome).toBe('added');
    const received = await receiver.handlers['interview.get']({ id: interview.id });
    expect((await readFile(join(mediaFolder(receiver.dataDir, interview.id), received.recording!.fileName))).equals(sample)).toBe(true);
    await sender.release();
    await receiver.release();
  }, 60_000);

  it('keeps the package\'s interview.json as the merge base when it needed no migration, and the migrated interview when it did', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'handoff-base-bytes-'));
    const sender = await laptop('base-sender');
    const receiver = await laptop('base-receiver');
    const created = await sender.handlers['interview.create']({ title: 'Base as sent' });
    await sender.handlers['interview.save']({ interview: { ...created, segments: [newSegment({ id: 'seg-1', start: 0, end: 4, source: '장마당' })] } });
    sender.exchange.save = join(folder, 'current.testimony');
    await sender.handlers['package.send']({ id: created.id, lock: { passphrase: 'told by phone' }, choices: everyone });
    receiver.exchange.open = sender.exchange.save;
    const opened = await receiver.handlers['package.open']({ passphrase: 'told by phone' });
    if (!opened.opened) throw new Error('not opened');
    await receiver.handlers['package.accept']({ token: opened.token });
    const basePath = (id: string) => join(receiver.dataDir, 'interviews', id, 'handoff-base.json');
    const sent = await openPackage({ path: sender.exchange.save }, { passphrase: 'told by phone' }, async () => 'no recording');
    expect(sent.interviewJson).not.toBeNull();
    expect(await readFile(basePath(created.id), 'utf8')).toBe(Buffer.from(sent.interviewJson!).toString('utf8'));
    expect((await readBase(receiver.dataDir, receiver.session.open().store, created.id))?.segments[0]?.source).toBe('장마당');

    // A package from an app one schema older: migrated on the way in, so the base is written anew.
    const { mergeConflicts: _, ...older } = { ...(await sender.handlers['interview.get']({ id: created.id })), id: 'older-one', schemaVersion: 3 };
    receiver.exchange.open = join(folder, 'older.testimony');
    await writeFile(receiver.exchange.open, await handMadePackage({ manifest: { appVersion: '0.0.9', interviewId: 'older-one' }, interview: JSON.stringify(older) }, { passphrase: 'told by phone' }));
    const olderOpened = await receiver.handlers['package.open']({ passphrase: 'told by phone' });
    if (!olderOpened.opened) throw new Error('not opened');
    await receiver.handlers['package.accept']({ token: olderOpened.token });
    const olderBase = JSON.parse(await readFile(basePath('older-one'), 'utf8'));
    expect(olderBase.schemaVersion).toBe(4);
    expect(olderBase.mergeConflicts).toEqual([]);
    expect((await readBase(receiver.dataDir, receiver.session.open().store, 'older-one'))?.segments[0]?.source).toBe('장마당');
    await sender.release();
    await receiver.release();
  }, 60_000);

  it('carries the redaction list by default, so the receiver’s exports are redacted; an older package without it refuses exports until the list is here', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'handoff-redactions-'));
    const interviewer = await laptop('interviewer');
    const editor = await laptop('editor');
    let interview = await interviewer.handlers['interview.create']({ title: 'Market days' });
    interview = {
      ...interview,
      narrator: { ...interview.narrator, realName: '최순희', pseudonym: 'Lee Ji-woo' },
      redactions: [{ id: 'red-1', kind: 'person', korean: ['박영희'], english: [], rejected: [], replacementKo: '[어머니]', replacementEn: '[her mother]', reason: 'family in the North' }],
      segments: [newSegment({ id: 'seg-0', start: 0, end: 5, source: '박영희는 제 어머니예요.', translation: 'Park Young-hee is my mother.', status: 'reviewed' })],
    };
    await interviewer.handlers['interview.save']({ interview });

    // The default package: the list travels (inside the encryption), the real name does not.
    interviewer.exchange.save = join(folder, 'default.testimony');
    await interviewer.handlers['package.send']({ id: interview.id, lock: { passphrase: 'told by phone' }, choices: everyone });
    editor.exchange.open = interviewer.exchange.save;
    const opened = await editor.handlers['package.open']({ passphrase: 'told by phone' });
    if (!opened.opened) throw new Error('not opened');
    expect(opened.withheld).toEqual(['realName']);
    await editor.handlers['package.accept']({ token: opened.token });
    const received = await editor.handlers['interview.get']({ id: interview.id });
    expect(received.redactions.map((redaction) => redaction.korean)).toEqual([['박영희']]);
    expect(received.redactionsWithheld).toBe(false);
    // The editor allows every name the review lists, and still the article carries no name.
    editor.exchange.save = join(folder, 'transcript.txt');
    await editor.handlers['export.save']({ id: interview.id, request: exportTxt });
    const exported = await readFile(editor.exchange.save, 'utf8');
    expect(exported).toContain('[her mother] is my mother.');
    expect(exported).not.toMatch(/Park|Young-hee|박영희/);

    // A package made before the list always travelled, to a third library: exports wait for the list.
    const third = await laptop('third');
    const old = { ...received, redactions: [], lineage: {}, narrator: { ...received.narrator, realName: '' } }; // as an app from before lineage wrote it
    third.exchange.open = join(folder, 'old.testimony');
    await writeFile(third.exchange.open, await handMadePackage({ manifest: { interviewId: interview.id, withheld: ['realName', 'redactions'] }, interview: JSON.stringify(old) }, { passphrase: 'told by phone' }));
    const oldOpened = await third.handlers['package.open']({ passphrase: 'told by phone' });
    if (!oldOpened.opened) throw new Error('not opened');
    await third.handlers['package.accept']({ token: oldOpened.token });
    expect((await third.handlers['interview.get']({ id: interview.id })).redactionsWithheld).toBe(true);
    third.exchange.save = join(folder, 'refused.txt');
    await expect(third.handlers['export.save']({ id: interview.id, request: exportTxt })).rejects.toThrow(/without its redaction list/);
    await expect(readFile(third.exchange.save)).rejects.toMatchObject({ code: 'ENOENT' });
    // A current package brings the list: the interview is complete again, and exports redact.
    third.exchange.open = interviewer.exchange.save;
    const current = await third.handlers['package.open']({ passphrase: 'told by phone' });
    if (!current.opened) throw new Error('not opened');
    await third.handlers['package.accept']({ token: current.token });
    const complete = await third.handlers['interview.get']({ id: interview.id });
    expect(complete.redactionsWithheld).toBe(false);
    expect(complete.redactions).toHaveLength(1);
    await third.handlers['export.save']({ id: interview.id, request: exportTxt });
    expect(await readFile(third.exchange.save, 'utf8')).toContain('[her mother] is my mother.');
    await Promise.all([interviewer.release(), editor.release(), third.release()]);
  }, 60_000);

  it('carries the narrator’s consent and withdrawn passages: the receiver’s exports obey them, and a later change merges by value', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'handoff-consent-'));
    const interviewer = await laptop('interviewer');
    const editor = await laptop('editor');
    let interview = await interviewer.handlers['interview.create']({ title: 'Market days' });
    interview = {
      ...interview,
      consent: { ...interview.consent, given: { date: '2026-11-30', how: 'written', takenBy: 'Mina' }, scope: ['text', 'translation'], conditions: { afterReview: false, embargoUntil: '2999-01-01', notIn: '' } },
      segments: [
        newSegment({ id: 'seg-0', start: 0, end: 5, source: '시장에 갔어요.', translation: 'I went to the market.', status: 'reviewed' }),
        newSegment({ id: 'seg-1', start: 5, end: 9, source: '이모가 왔어요.', translation: 'My aunt came.', status: 'reviewed', narratorAnswer: 'withdraw' }),
      ],
    };
    await interviewer.handlers['interview.save']({ interview });
    interviewer.exchange.save = join(folder, 'consent.testimony');
    await interviewer.handlers['package.send']({ id: interview.id, lock: { passphrase: 'told by phone' }, choices: everyone });
    editor.exchange.open = interviewer.exchange.save;
    const opened = await editor.handlers['package.open']({ passphrase: 'told by phone' });
    if (!opened.opened) throw new Error('not opened');
    await editor.handlers['package.accept']({ token: opened.token });
    const received = await editor.handlers['interview.get']({ id: interview.id });
    expect(received.consent.conditions.embargoUntil).toBe('2999-01-01');
    expect(received.segments[1]!.narratorAnswer).toBe('withdraw');

    // Under embargo at the editor's desk too.
    editor.exchange.save = join(folder, 'transcript.txt');
    await expect(editor.handlers['export.save']({ id: interview.id, request: exportTxt })).rejects.toMatchObject({ code: 'consent', message: expect.stringMatching(/under embargo until 2999-01-01/) });
    // The interviewer lifts the embargo and sends again: the editor's copy takes it, and the withdrawn passage stays withdrawn.
    await interviewer.handlers['interview.save']({ interview: { ...(await interviewer.handlers['interview.get']({ id: interview.id })), consent: { ...interview.consent, conditions: { ...interview.consent.conditions, embargoUntil: '' } } } });
    await interviewer.handlers['package.send']({ id: interview.id, lock: { passphrase: 'told by phone' }, choices: everyone });
    const again = await editor.handlers['package.open']({ passphrase: 'told by phone' });
    if (!again.opened) throw new Error('not opened');
    await editor.handlers['package.accept']({ token: again.token });
    await editor.handlers['export.save']({ id: interview.id, request: exportTxt });
    const exported = await readFile(editor.exchange.save, 'utf8');
    expect(exported).toContain('[withdrawn at the narrator’s request]');
    expect(exported).not.toContain('aunt');
    expect(exported).toContain('I went to the market.');
    await Promise.all([interviewer.release(), editor.release()]);
  }, 60_000);

  it('takes nothing from a package older than, or already in, what it holds, and says so', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'handoff-lineage-'));
    let clock = Date.parse('2026-03-01T09:00:00Z');
    const interviewer = await laptop('interviewer');
    const translator = await laptop('translator');
    let interview = await interviewer.handlers['interview.create']({ title: 'Lineage' });
    interview = { ...interview, segments: [newSegment({ id: 'seg-0', start: 0, end: 5, source: '원문' })] };
    await interviewer.handlers['interview.save']({ interview });
    const send = async (from: typeof interviewer, name: string, sender: string) => {
      from.exchange.save = join(folder, name);
      clock += 60_000;
      await sendInterviewAt(from, interview.id, sender, new Date(clock));
      return from.exchange.save;
    };
    const receive = async (to: typeof interviewer, path: string) => {
      to.exchange.open = path;
      const opened = await to.handlers['package.open']({ passphrase: 'told by phone' });
      if (!opened.opened) throw new Error('not opened');
      return to.handlers['package.accept']({ token: opened.token });
    };
    const translate = async (text: string) => {
      const current = await translator.handlers['interview.get']({ id: interview.id });
      await translator.handlers['interview.save']({ interview: { ...current, segments: current.segments.map((segment) => ({ ...segment, translation: text, sourceAtTranslation: segment.source, status: 'draft' as const })) } });
    };
    await receive(translator, await send(interviewer, 'first.testimony', 'interviewer'));
    await translate('Second version');
    const second = await send(translator, 'second.testimony', 'translator');
    await translate('Third version');
    const third = await send(translator, 'third.testimony', 'translator');

    await receive(interviewer, third);
    const translationHere = async () => (await interviewer.handlers['interview.get']({ id: interview.id })).segments[0]!.translation;
    expect(await translationHere()).toBe('Third version');
    await expect(receive(interviewer, second)).rejects.toThrow(/^This package is older than your copy: made 2026-03-01 09:02:00 UTC by translator, who has sent a newer one since \(2026-03-01 09:03:00 UTC\)\. Nothing was taken\.$/);
    expect(await translationHere()).toBe('Third version');
    await expect(receive(interviewer, third)).rejects.toThrow(/already in your copy/);
    // The interviewer's own package, come back unchanged, is nothing new either.
    const own = await send(interviewer, 'own.testimony', 'interviewer');
    await expect(receive(interviewer, own)).rejects.toThrow(/already in your copy/);
    expect(await translationHere()).toBe('Third version');
    await Promise.all([interviewer.release(), translator.release()]);
  }, 60_000);
});

/** Sends through the handlers with a clock the test sets (package times decide lineage). */
async function sendInterviewAt(from: { session: LibrarySession; exchange: { save: string } }, id: string, sender: string, now: Date) {
  const { library, store } = from.session.open();
  await sendInterview({ library, store, id, choices: { sender, includeRecording: false, includeRealName: false }, lock: { passphrase: 'told by phone' }, appVersion: 'test', now, to: from.exchange.save });
}
