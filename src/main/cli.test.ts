import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, summarizeSubtitleWarnings } from './cli';
import { MISSING_CONSENT_WARNING } from '../shared/consent';
import { exportFixture } from './services/export/test-support/export-fixture';
import { Library } from './services/library';
import { LibraryLock } from './services/storage/library-lock';
import { canMountTmpfs } from './services/storage/test-support/tmpfs';
import { lowerScryptWorkFactorForTests } from './services/storage/encryption/scrypt-recipient';

// Scrypt is not what these tests test: a cheap work factor for every passphrase they lock.
lowerScryptWorkFactorForTests(10);

let dataDir: string;
let interviewId: string;
let output: { out: string[]; err: string[] };
const io = () => ({ out: (line: string) => output.out.push(line), err: (line: string) => output.err.push(line) });

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cli-'));
  const library = await Library.open(dataDir);
  interviewId = (await library.addCopy(exportFixture().interview, null)).id;
  output = { out: [], err: [] };
});

/** The fixture's segment 4 names an aunt and a town nobody listed; the SRT export of the translation that would carry them. */
async function withTwoUnlistedNames(): Promise<{ out: string; args: string[] }> {
  const library = await Library.open(dataDir);
  const interview = await library.get(interviewId);
  interview.segments[3]!.translation = 'In the winter of 2014 my aunt Soon-ok Rhee and I crossed the river near Musan.';
  await library.save(interview);
  const out = join(dataDir, 'subs.srt');
  return { out, args: ['export', '--data-dir', dataDir, '--interview', interviewId, '--format', 'srt', '--out', out, '--text', 'target'] };
}

describe('testimony export', () => {
  it('writes the export and prints where', async () => {
    const out = join(dataDir, 'subs.vtt');
    const code = await runCli(['export', '--data-dir', dataDir, '--interview', interviewId, '--format', 'vtt', '--out', out, '--text', 'target'], io());
    // The fixture records no consent: said once (testimony consent below).
    expect(output.err).toEqual([MISSING_CONSENT_WARNING]);
    expect(code).toBe(0);
    expect(output.out).toEqual([out]);
    const vtt = await readFile(out, 'utf8');
    expect(vtt).toContain('<v Lee Ji-woo>I grew up in my neighbourhood.');
    expect(vtt).not.toContain('최순희');
  });

  it('lists names nobody listed and refuses with exit 3 unless --allow-unlisted', async () => {
    const { out, args } = await withTwoUnlistedNames();
    expect(await runCli(args, io())).toBe(3);
    expect(output.err).toEqual(expect.arrayContaining(['  Musan  (1×)', '  Soon-ok Rhee  (1×)']));
    expect(existsSync(out)).toBe(false);
    expect(await runCli([...args, '--allow-unlisted'], io())).toBe(0);
    expect(output.err).toEqual(expect.arrayContaining(['--allow-unlisted let through 2 names nobody reviewed:']));
    // Wrapped to two lines of 42 characters, the name may fall across a line break.
    expect((await readFile(out, 'utf8')).replace(/\n/g, ' ')).toContain('Soon-ok Rhee');
  });

  it('allows names one at a time with --allow, remembered for the interview', async () => {
    const { args } = await withTwoUnlistedNames();
    expect(await runCli([...args, '--allow', 'Musan'], io())).toBe(3);
    expect(output.err).toContain('  Soon-ok Rhee  (1×)');
    expect(output.err).not.toContain('  Musan  (1×)');
    expect(await runCli([...args, '--allow', 'Soon-ok Rhee'], io())).toBe(0);
    output = { out: [], err: [] };
    expect(await runCli(args, io())).toBe(0); // both remembered
    expect(output.err).toEqual([]);
    expect((await (await Library.open(dataDir)).get(interviewId)).allowedNames).toEqual(['Musan', 'Soon-ok Rhee']);
  });

  it('exits 3 with a clear message when the leak check refuses, writing nothing', async () => {
    await (await Library.open(dataDir)).updateSettings({ documentAuthor: '최순희' });
    const out = join(dataDir, 'article.docx');
    const code = await runCli(['export', '--data-dir', dataDir, '--interview', interviewId, '--format', 'docx-article', '--out', out], io());
    expect(code).toBe(3);
    expect(output.err.join('\n')).toMatch(/Nothing was written: .*sensitive term 1 .*document properties/);
    expect(output.err.join('\n')).not.toContain('최순희');
    expect(existsSync(out)).toBe(false);
  });

  it('warns when the article was written from a translation that has changed since', async () => {
    const library = await Library.open(dataDir);
    const interview = await library.get(interviewId);
    interview.segments[1]!.translation = 'I grew up near the station, in my neighbourhood.';
    await library.save(interview);
    const out = join(dataDir, 'article.md');
    expect(await runCli(['export', '--data-dir', dataDir, '--interview', interviewId, '--format', 'md', '--out', out, '--allow-unlisted'], io())).toBe(0);
    expect(output.err[0]).toMatch(/^The article is older than its translation: paragraph 1 was written from a translation that has changed since/);
  });

  it('summarises subtitle warnings by kind, one line each, not one line per cue', () => {
    const fast = Array.from({ length: 2871 }, (_, index) => ({ start: index * 4, kind: 'fast' as const, problem: '20 characters per second (more than 17)' }));
    expect(summarizeSubtitleWarnings([...fast, { start: 3725, kind: 'long', problem: 'on screen 9 s' }])).toEqual([
      '2,871 cues read faster than 17 characters a second; the first at 00:00:00, 00:00:04, 00:00:08, …',
      '1 cue stays on screen longer than a subtitle should; at 01:02:05',
    ]);
    expect(summarizeSubtitleWarnings([])).toEqual([]);
  });

  it('refuses --text source for the article instead of ignoring it', async () => {
    const out = join(dataDir, 'article.md');
    expect(await runCli(['export', '--data-dir', dataDir, '--interview', interviewId, '--format', 'md', '--out', out, '--text', 'source'], io())).toBe(2);
    expect(output.err[0]).toMatch(/^The article is written in the translation’s language: --text source applies to transcripts and subtitles/);
    expect(existsSync(out)).toBe(false);
  });

  it('answers --help (and help COMMAND) with the usage on stdout, for every command', async () => {
    expect(await runCli(['--help'], io())).toBe(0);
    expect(output.out.at(-1)).toMatch(/^Usage:\n {2}testimony init /);
    for (const command of ['export', 'import', 'init', 'send', 'receive', 'xliff', 'redact', 'transcribe', 'list', 'key', 'edit']) {
      expect(await runCli([command, '--help'], io())).toBe(0);
      expect(output.out.at(-1)).toMatch(new RegExp(`^Usage:\\n  testimony ${command} `));
      expect(output.out.at(-1)).not.toContain('testimony init --data-dir DIR (--passphrase-env VAR | --plain)\n  testimony export');
    }
    expect(await runCli(['help', 'redact'], io())).toBe(0);
    expect(output.out.at(-1)).toContain('testimony redact --data-dir DIR --interview ID');
    expect(output.err).toEqual([]);
  });

  it('explains wrong usage (exit 2) and a missing interview or folder (exit 1)', async () => {
    expect(await runCli([], io())).toBe(2);
    expect(await runCli(['export', '--data-dir', dataDir, '--format', 'pdf', '--out', 'x'], io())).toBe(2);
    expect(output.err.join('\n')).toMatch(/Missing --interview.*Give a --format/s);
    expect(await runCli(['export', '--data-dir', dataDir, '--interview', 'abc-999', '--format', 'txt', '--out', join(dataDir, 'x.txt')], io())).toBe(1);
    expect(output.err.at(-1)).toBe('That interview does not exist.');
    expect(await runCli(['export', '--data-dir', join(dataDir, 'nope'), '--interview', 'abc-999', '--format', 'txt', '--out', 'x'], io())).toBe(1);
  });
});

describe('one writer per library', () => {
  it('the command line is refused while the window has the library, with the same message', async () => {
    const lockedDir = await mkdtemp(join(tmpdir(), 'lock-cli-'));
    const window = await LibraryLock.acquire(lockedDir, 'the Testimony Desk window');
    const err: string[] = [];
    const code = await runCli(['import', '--data-dir', lockedDir, '--title', 'Second writer'], { out: () => undefined, err: (line: string) => err.push(line) });
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/This library is open in the Testimony Desk window/);
    await window.release();
  });

});

describe('testimony on an encrypted library', () => {
  it('init takes the passphrase from an environment variable; import and export need it; files are age files', async () => {
    const encryptedDir = join(await mkdtemp(join(tmpdir(), 'cli-enc-')), 'library');
    process.env.TESTIMONY_TEST_PASSPHRASE = 'a command line passphrase';
    expect(await runCli(['init', '--data-dir', encryptedDir], io())).toBe(2);
    expect(await runCli(['init', '--data-dir', encryptedDir, '--passphrase-env', 'TESTIMONY_TEST_PASSPHRASE'], io())).toBe(0);
    expect(output.err.join('\n')).toMatch(/Recovery key \(write it down, it is shown only now\): [A-Z2-9-]{35}/);
    expect((await readFile(join(encryptedDir, 'library.json'))).subarray(0, 21).toString()).toBe('age-encryption.org/v1');

    const srt = join(__dirname, '../../e2e/data/messy.srt');
    expect(await runCli(['import', '--data-dir', encryptedDir, '--title', '비밀', '--transcript', srt], io())).toBe(1);
    expect(output.err.at(-1)).toMatch(/encrypted: give --passphrase-env VAR/);
    expect(await runCli(['import', '--data-dir', encryptedDir, '--title', '비밀', '--transcript', srt, '--passphrase-env', 'TESTIMONY_TEST_PASSPHRASE'], io())).toBe(0);
    const id = output.out.at(-1)!;
    expect((await readFile(join(encryptedDir, 'interviews', id, 'interview.json'))).includes(Buffer.from('비밀'))).toBe(false);
    const out = join(encryptedDir, '..', 'out.txt');
    const exportArgs = ['export', '--data-dir', encryptedDir, '--interview', id, '--format', 'txt', '--out', out, '--allow-unlisted', '--passphrase-env', 'TESTIMONY_TEST_PASSPHRASE'];
    expect(await runCli(exportArgs, io())).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('비밀');
    process.env.TESTIMONY_TEST_PASSPHRASE = 'wrong passphrase';
    expect(await runCli(exportArgs, io())).toBe(1);
    expect(output.err.at(-1)).toMatch(/does not open this library/);
    delete process.env.TESTIMONY_TEST_PASSPHRASE;
  }, 30_000);
});

describe('testimony send and receive', () => {
  it('hands an interview to another library and back, printing what was merged', async () => {
    const other = join(await mkdtemp(join(tmpdir(), 'cli-other-')), 'library');
    expect(await runCli(['init', '--data-dir', other, '--plain'], io())).toBe(0);
    process.env.TESTIMONY_TEST_PACKAGE = 'package words';
    const packagePath = join(dataDir, '..', 'handoff.testimony');
    expect(await runCli(['send', '--data-dir', dataDir, '--interview', interviewId, '--out', packagePath, '--passphrase-env', 'TESTIMONY_TEST_PACKAGE', '--sender', 'interviewer'], io())).toBe(0);
    expect(await runCli(['receive', '--data-dir', other, '--in', packagePath, '--passphrase-env', 'TESTIMONY_TEST_PACKAGE'], io())).toBe(0);
    expect(output.err.at(-1)).toMatch(/^Added “.*” from interviewer \(5 segments/);
    const library = await Library.open(other);
    const received = await library.get(interviewId);
    expect(received.narrator.realName).toBe('');
    await library.save({ ...received, segments: received.segments.map((segment, index) => (index === 0 ? { ...segment, translation: 'Where did you grow up, exactly?' } : segment)) });
    expect(await runCli(['send', '--data-dir', other, '--interview', interviewId, '--out', packagePath, '--passphrase-env', 'TESTIMONY_TEST_PACKAGE', '--sender', 'translator'], io())).toBe(0);
    expect(await runCli(['receive', '--data-dir', dataDir, '--in', packagePath, '--passphrase-env', 'TESTIMONY_TEST_PACKAGE'], io())).toBe(0);
    expect(output.err.at(-1)).toMatch(/^Merged “.*” from translator: \d+ changes taken, 0 segments added, \d+ in conflict/);
    delete process.env.TESTIMONY_TEST_PACKAGE;
  }, 30_000);
});

describe('testimony list, key and edit', () => {
  it('lists the interviews, as lines and as JSON', async () => {
    expect(await runCli(['list', '--data-dir', dataDir], io())).toBe(0);
    expect(output.out).toHaveLength(1);
    expect(output.out[0]!.split('\t').slice(0, 3)).toEqual([interviewId, expect.any(String), '5 segments']);
    expect(await runCli(['list', '--data-dir', dataDir, '--json'], io())).toBe(0);
    expect(JSON.parse(output.out.at(-1)!).interviews.map((interview: { id: string }) => interview.id)).toEqual([interviewId]);
  });

  it('edits one segment by its number: source, translation (a draft from the source as it is now) and speaker', async () => {
    const edit = ['edit', '--data-dir', dataDir, '--interview', interviewId, '--segment', '4'];
    expect(await runCli([...edit, '--translation', 'In the winter of 2014 we crossed the river.'], io())).toBe(0);
    expect(await runCli([...edit, '--speaker', 'Second narrator'], io())).toBe(0);
    expect(output.err).toEqual(['Segment 4: translation saved.', 'Segment 4: speaker saved.']);
    const saved = await (await Library.open(dataDir)).get(interviewId);
    expect(saved.segments[3]).toMatchObject({ translation: 'In the winter of 2014 we crossed the river.', status: 'draft', sourceAtTranslation: saved.segments[3]!.source });
    expect(saved.speakers.find((speaker) => speaker.id === saved.segments[3]!.speakerId)?.name).toBe('Second narrator');
    expect(await runCli([...edit.slice(0, -1), '99', '--source', 'x'], io())).toBe(1);
    expect(output.err.at(-1)).toBe('This interview has 5 segments; there is no segment 99.');
    expect(await runCli([...edit], io())).toBe(2);
  });

  it('prints an encrypted library’s public key, and a package sent to it opens there', async () => {
    const keyed = join(await mkdtemp(join(tmpdir(), 'cli-key-')), 'library');
    process.env.TESTIMONY_TEST_LIBRARY = 'library words here';
    expect(await runCli(['init', '--data-dir', keyed, '--passphrase-env', 'TESTIMONY_TEST_LIBRARY'], io())).toBe(0);
    expect(await runCli(['key', '--data-dir', keyed, '--passphrase-env', 'TESTIMONY_TEST_LIBRARY'], io())).toBe(0);
    const recipient = output.out.at(-1)!;
    expect(recipient).toMatch(/^age1[0-9a-z]{58}$/);
    const packagePath = join(keyed, '..', 'to-key.testimony');
    expect(await runCli(['send', '--data-dir', dataDir, '--interview', interviewId, '--out', packagePath, '--recipient', recipient], io())).toBe(0);
    expect(await runCli(['receive', '--data-dir', keyed, '--in', packagePath, '--library-passphrase-env', 'TESTIMONY_TEST_LIBRARY'], io())).toBe(0);
    expect(output.err.at(-1)).toMatch(/^Added “/);
    expect(await runCli(['key', '--data-dir', dataDir], io())).toBe(1);
    expect(output.err.at(-1)).toMatch(/^This library is not encrypted, so it has no public key/);
    delete process.env.TESTIMONY_TEST_LIBRARY;
  }, 60_000);
});

describe('testimony redact', () => {
  it('marks a name given only in English; every export then replaces it in its other spellings and in Korean', async () => {
    const library = await Library.open(dataDir);
    const interview = await library.get(interviewId);
    interview.segments[3]!.translation = 'Chol Kim, the broker, met us near the river.';
    interview.segments[3]!.source = '브로커 김철이 강가에서 우리를 만났어요.';
    await library.save(interview);
    const redact = ['redact', '--data-dir', dataDir, '--interview', interviewId];
    expect(await runCli([...redact, '--add', 'Kim Chol', '--kind', 'person', '--replacement-en', 'the broker', '--replacement-ko', '[브로커]'], io())).toBe(0);
    expect(await runCli([...redact, '--list'], io())).toBe(0);
    expect(output.out.at(-1)).toMatch(/^2\tperson\tKim Chol\t→ the broker \/ \[브로커\]/);
    const out = join(dataDir, 'both.txt');
    for (const text of ['target', 'source']) {
      expect(await runCli(['export', '--data-dir', dataDir, '--interview', interviewId, '--format', 'txt', '--out', out, '--text', text, '--allow-unlisted'], io())).toBe(0);
      const written = await readFile(out, 'utf8');
      expect(written).not.toMatch(/Chol|Kim|김철/);
    }
    expect(await readFile(out, 'utf8')).toContain('[브로커]');
    expect(await runCli([...redact, '--kind', 'animal', '--add', 'x'], io())).toBe(2);
  });
});

describe('testimony xliff', () => {
  it('is redacted for an outside translator by default; --unredacted says on stderr what it is', async () => {
    const xlf = join(dataDir, '..', 'outside.xlf');
    expect(await runCli(['xliff', 'export', '--data-dir', dataDir, '--interview', interviewId, '--out', xlf, '--allow-unlisted'], io())).toBe(0);
    const redacted = await readFile(xlf, 'utf8');
    expect(redacted).toContain('ctype="x-redacted" equiv-text="my neighbourhood"');
    expect(redacted).not.toMatch(/최순희|연봉동|Yonbong/);
    expect(await readFile(xlf.replace(/\.xlf$/, '.tbx'), 'utf8')).not.toMatch(/최순희|연봉동/);
    output = { out: [], err: [] };
    expect(await runCli(['xliff', 'export', '--data-dir', dataDir, '--interview', interviewId, '--out', xlf, '--unredacted'], io())).toBe(0);
    expect(output.err.join('\n')).toMatch(/Unredacted XLIFF: every name is in it as written/);
    expect(await readFile(xlf, 'utf8')).toContain('연봉동');
  });

  it('exports XLIFF and TBX, and brings a CAT tool’s translations back by id', async () => {
    const xlf = join(dataDir, '..', 'for-cat.xlf');
    expect(await runCli(['xliff', 'export', '--data-dir', dataDir, '--interview', interviewId, '--out', xlf], io())).toBe(0);
    expect(existsSync(xlf.replace(/\.xlf$/, '.tbx'))).toBe(true);
    const xml = await readFile(xlf, 'utf8');
    const translated = xml.replace(/(<trans-unit id="seg-0"[\s\S]*?<target xml:lang="en" state="[^"]*">)[^<]*(<\/target>)/, '$1Where did you grow up, in OmegaT?$2');
    await (await import('node:fs/promises')).writeFile(xlf, translated);
    expect(await runCli(['xliff', 'import', '--data-dir', dataDir, '--interview', interviewId, '--in', xlf, '--translator', 'OmegaT'], io())).toBe(0);
    expect(output.err.at(-2)).toMatch(/^Merged the XLIFF: 1 translations taken, 0 in conflict/);
    expect(output.err.at(-1)).toBe('  4 came back as they went out, 0 not translated (new, needs-translation, empty or the source copied), 0 translator notes taken.');
    expect((await (await Library.open(dataDir)).get(interviewId)).segments[0]!.translation).toBe('Where did you grow up, in OmegaT?');
  });
});

describe('testimony import', () => {
  const sample = join(__dirname, '../../resources/sample/recording.ogg');
  const srt = join(__dirname, '../../e2e/data/messy.srt');

  it('creates an interview from a recording and a transcript, printing its id and the skipped lines', async () => {
    const code = await runCli(['import', '--data-dir', dataDir, '--title', '혜산 인터뷰', '--media', sample, '--transcript', srt], io());
    expect(code).toBe(0);
    const id = output.out[0]!;
    const interview = await (await Library.open(dataDir)).get(id);
    expect(interview).toMatchObject({ title: '혜산 인터뷰', recording: { fileName: 'recording.ogg' } });
    expect(interview.segments).toHaveLength(4);
    expect(interview.speakers.map((speaker) => speaker.name)).toEqual(['Interviewer', '지우']);
    expect(output.err).toEqual([
      'skipped: line 9 (a cue number with no cue), line 16 (ends before it starts), line 19 (no timing line)',
      'adjusted: line 6 (overlapped the next cue; now ends at 17.000 s)',
    ]);
  });

  it('refuses a transcript far longer than the recording unless --force, leaving nothing behind', async () => {
    const long = join(dataDir, 'long.srt');
    await writeFile(long, '1\n00:00:01,000 --> 00:00:03,000\n시작\n\n2\n03:30:00,000 --> 03:30:02,000\n끝\n');
    const before = (await (await Library.open(dataDir)).list()).interviews.length;
    expect(await runCli(['import', '--data-dir', dataDir, '--title', 'Too long', '--media', sample, '--transcript', long], io())).toBe(1);
    expect(output.err.at(-1)).toBe('This transcript looks wrong for this interview: it runs to 3:30:02, past the end of the 2:04 recording. Nothing was imported; add --force to import it anyway.');
    expect((await (await Library.open(dataDir)).list()).interviews.length).toBe(before);
    expect(await runCli(['import', '--data-dir', dataDir, '--title', 'Too long', '--media', sample, '--transcript', long, '--force'], io())).toBe(0);
  });

  it('leaves no interview behind when the recording is refused', async () => {
    const before = (await (await Library.open(dataDir)).list()).interviews.length;
    const bad = join(dataDir, 'not-audio.mp3');
    await (await import('node:fs/promises')).writeFile(bad, 'plain text');
    expect(await runCli(['import', '--data-dir', dataDir, '--title', 'Bad', '--media', bad], io())).toBe(1);
    expect(output.err.at(-1)).toMatch(/no audio/);
    expect((await (await Library.open(dataDir)).list()).interviews).toHaveLength(before);
  });

  it('refuses a 35 MB file that is not subtitles from its first look, leaving nothing behind', async () => {
    const before = (await (await Library.open(dataDir)).list()).interviews.length;
    const noise = join(dataDir, 'noise.srt');
    // Text with an arrow and a time on some lines, but nothing laid out as subtitles.
    await writeFile(noise, 'hello 장마당 --> 00:00:01,000 market\n'.repeat(1_000_000));
    expect(await runCli(['import', '--data-dir', dataDir, '--title', 'Noise', '--transcript', noise], io())).toBe(1);
    expect(output.err.at(-1)).toMatch(/^There is no timing line \(like 00:00:01,000 --> 00:00:04,000\) in the first 25\d KB of this file: it is not subtitles\. Nothing was imported\.$/);
    expect((await (await Library.open(dataDir)).list()).interviews).toHaveLength(before);
  });

  it('refuses a recording that seems cut off unless --force, which keeps what is there', async () => {
    const before = (await (await Library.open(dataDir)).list()).interviews.length;
    const bytes = await readFile(sample);
    const cut = join(dataDir, 'cut.ogg');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.26)));
    expect(await runCli(['import', '--data-dir', dataDir, '--title', 'Cut', '--media', cut], io())).toBe(1);
    expect(output.err.at(-1)).toMatch(/^This recording seems cut off at 00:00:\d\d: the file ends without its closing page, so the rest is missing\. Nothing was imported; add --force to import what is there\.$/);
    expect((await (await Library.open(dataDir)).list()).interviews).toHaveLength(before);
    expect(await runCli(['import', '--data-dir', dataDir, '--title', 'Cut', '--media', cut, '--force'], io())).toBe(0);
    const kept = await (await Library.open(dataDir)).get(output.out.at(-1)!);
    expect(kept.recording?.durationSeconds).toBeLessThan(40);
  });
});

describe('testimony consent', () => {
  const exportArgs = (out: string, format = 'txt') => ['export', '--data-dir', dataDir, '--interview', interviewId, '--format', format, '--out', out, '--text', 'target', '--allow-unlisted'];

  it('warns once when no consent is recorded, then exports quietly', async () => {
    expect(await runCli(exportArgs(join(dataDir, 'one.txt')), io())).toBe(0);
    expect(output.err.filter((line) => /No consent is recorded/.test(line))).toHaveLength(1);
    output = { out: [], err: [] };
    expect(await runCli(exportArgs(join(dataDir, 'two.txt')), io())).toBe(0);
    expect(output.err.filter((line) => /consent/i.test(line))).toEqual([]);
  });

  it('sets an embargo that refuses publishable exports with exit 4 and a sentence naming it, until it is lifted', async () => {
    const consent = ['consent', '--data-dir', dataDir, '--interview', interviewId];
    expect(await runCli([...consent, '--given', '2026-11-30', '--how', 'written', '--scope', 'text,translation,article', '--embargo-until', '2999-01-01', '--by', 'Mina'], io())).toBe(0);
    const out = join(dataDir, 'embargoed.txt');
    expect(await runCli(exportArgs(out), io())).toBe(4);
    expect(output.err.at(-1)).toBe('Nothing was written. The interview is under embargo until 2999-01-01 at the narrator’s request: the translated transcript may not be published before then.');
    expect(existsSync(out)).toBe(false);
    // The narrator's review copy is no publication: it is made under embargo.
    expect(await runCli(['export', '--data-dir', dataDir, '--interview', interviewId, '--format', 'docx-review', '--out', join(dataDir, 'review.docx')], io())).toBe(0);
    expect(await runCli([...consent, '--embargo-until', 'none', '--by', 'Mina'], io())).toBe(0);
    expect(await runCli(exportArgs(out), io())).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('withdraws passages by the window’s numbers: the export marks them, the scope refuses what it does not cover, --show says it all', async () => {
    const consent = ['consent', '--data-dir', dataDir, '--interview', interviewId];
    expect(await runCli([...consent, '--given', '2026-11-30', '--scope', 'text,translation', '--withdraw-segments', '3,5', '--change-segments', '2', '--comment', 'Leave out the town', '--by', 'Mina'], io())).toBe(0);
    const out = join(dataDir, 'marked.txt');
    expect(await runCli(exportArgs(out), io())).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text.match(/\[withdrawn at the narrator’s request\]/g)).toHaveLength(2);
    expect(text).not.toContain('noodles');
    expect(text).toContain('crossed the river');
    // No consent to an article: refused.
    expect(await runCli(exportArgs(join(dataDir, 'article.docx'), 'docx-article'), io())).toBe(4);
    expect(output.err.at(-1)).toMatch(/does not cover an article/);
    output = { out: [], err: [] };
    expect(await runCli([...consent, '--show'], io())).toBe(0);
    expect(output.out).toEqual(
      expect.arrayContaining(['given: 2026-11-30', 'scope: text, translation', 'withdrawn segments: 3, 5', 'changes asked for: 2', 'history:']),
    );
    expect(output.out.filter((line) => line.includes('  Mina  '))).toHaveLength(4);
    const saved = await (await Library.open(dataDir)).get(interviewId);
    expect(saved.segments[1]!.queries.at(-1)).toMatchObject({ status: 'open', text: 'The narrator asks for a change: Leave out the town' });
  });

  it('refuses a bad date, an unknown scope and a segment past the end with exit 2, changing nothing', async () => {
    const consent = ['consent', '--data-dir', dataDir, '--interview', interviewId];
    for (const args of [['--embargo-until', '2027-02-30'], ['--scope', 'text,video'], ['--withdraw-segments', '99']]) {
      expect(await runCli([...consent, ...args], io())).toBe(2);
    }
    expect(output.err).toEqual([
      '--embargo-until takes a date as YYYY-MM-DD (or none), not “2027-02-30”.',
      'Unknown scope video: use text, translation, article, audio, photos, real-name.',
      'There is no segment 99: the interview has 5.',
    ]);
    expect((await (await Library.open(dataDir)).get(interviewId)).consent.history).toEqual([]);
  });
});

describe('testimony spoken-names and export --format recording', () => {
  it('refuses without consent to the audio (exit 4), then until every spoken name is decided (exit 3), then publishes', async () => {
    const sample = join(__dirname, '../../resources/sample/recording.ogg');
    expect(await runCli(['import', '--data-dir', dataDir, '--title', 'Recorded', '--media', sample], io())).toBe(0);
    const id = output.out.at(-1)!;
    const library = await Library.open(dataDir);
    const interview = await library.get(id);
    interview.redactions = [{ id: 'red-1', kind: 'place', korean: ['양강도'], english: [], rejected: [], replacementKo: '[북부]', replacementEn: 'a northern province', reason: '' }];
    interview.segments = exportFixture().interview.segments.slice(0, 2).map((segment, index) => ({ ...segment, start: index * 5, end: index * 5 + 4, source: index === 1 ? '저는 양강도에서 자랐어요. 양강도는 추워요.' : segment.source }));
    await library.save(interview);
    const target = join(dataDir, 'published.ogg');
    const publish = ['export', '--data-dir', dataDir, '--interview', id, '--format', 'recording', '--out', target, '--cover', 'tone'];

    expect(await runCli(publish, io())).toBe(4);
    expect(output.err.at(-1)).toMatch(/No consent is recorded for this interview, and a recording is never published without it/);
    expect(await runCli(['consent', '--data-dir', dataDir, '--interview', id, '--given', '2026-11-30', '--scope', 'text,audio'], io())).toBe(0);
    expect(await runCli(publish, io())).toBe(3);
    expect(output.err.at(-1)).toMatch(/2 spoken names are not yet confirmed or waived \(segment 2\)/);
    expect(existsSync(target)).toBe(false);

    output = { out: [], err: [] };
    expect(await runCli(['spoken-names', '--data-dir', dataDir, '--interview', id, '--list'], io())).toBe(0);
    expect(output.out).toHaveLength(2);
    expect(output.out[0]).toMatch(/^1\tsegment 2\t00:00:05\tproposed 5\.\d+-\d\.\d+\tundecided\t양강도$/);
    expect(await runCli(['spoken-names', '--data-dir', dataDir, '--interview', id, '--confirm', '1@5.2-5.9', '--waive', '2', '--mark', '1.0-1.5'], io())).toBe(0);
    expect(output.err.at(-1)).toBe('2 spoken names in the transcript, 0 undecided; 1 stretch(es) marked by hand.');

    expect(await runCli(publish, io())).toBe(0);
    expect(output.err.at(-1)).toBe('2 stretches covered with tone.');
    expect((await readFile(target)).subarray(0, 4).toString('latin1')).toBe('OggS');
    expect((await (await Library.open(dataDir)).get(id)).publishedRecording?.fileName).toBe('published.ogg');
  }, 60_000);
});

describe('a read-only library', () => {
  it.skipIf(!canMountTmpfs)(
    canMountTmpfs ? 'exports, writes XLIFF and sends, each file written beside its target' : 'exports … (skipped: this machine cannot mount a small tmpfs)',
    async () => {
      const library = join(await mkdtemp(join(tmpdir(), 'read-only-')), 'library');
      execFileSync('mkdir', ['-p', library]);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', library]);
      try {
        const id = (await (await Library.open(library)).addCopy(exportFixture().interview, null)).id;
        execFileSync('mount', ['-o', 'remount,ro', library]);
        const out = await mkdtemp(join(tmpdir(), 'read-only-out-'));
        expect(await runCli(['export', '--data-dir', library, '--interview', id, '--format', 'docx-transcript', '--out', join(out, 'transcript.docx'), '--text', 'target'], io()), output.err.join('\n')).toBe(0);
        expect(await runCli(['xliff', 'export', '--data-dir', library, '--interview', id, '--out', join(out, 'outside.xlf'), '--allow-unlisted'], io())).toBe(0);
        process.env.TESTIMONY_TEST_PACKAGE = 'package words';
        expect(await runCli(['send', '--data-dir', library, '--interview', id, '--out', join(out, 'package.testimony'), '--passphrase-env', 'TESTIMONY_TEST_PACKAGE'], io())).toBe(0);
        delete process.env.TESTIMONY_TEST_PACKAGE;
        const { readdir } = await import('node:fs/promises');
        expect((await readdir(out)).sort()).toEqual(['outside.tbx', 'outside.xlf', 'package.testimony', 'transcript.docx']);
      } finally {
        execFileSync('umount', [library]);
      }
    },
    30_000,
  );
});
