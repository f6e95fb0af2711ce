// Regenerates resources/sample/ from sample-script.json: speaks each line with espeak-ng, trims
// the synthesiser's own silence, joins the lines with known pauses, and records the true timings.
// Needs Debian's espeak-ng and sox (`apt-get install -y espeak-ng sox libsox-fmt-all`).
// Run: node scripts/make-sample.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const script = JSON.parse(readFileSync(join(root, 'scripts/sample-script.json'), 'utf8'));
const out = join(root, 'resources/sample');
const work = mkdtempSync(join(tmpdir(), 'sample-'));
const RATE = 22050;
const LEAD_IN = 0.6; // seconds of silence before the first line
const PAUSE = [0.7, 0.9, 1.1]; // pauses between lines, varied so segmentation is not trivial

const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
const duration = (file) => Number(run('soxi', ['-D', file]));
const silence = (file, seconds) => run('sox', ['-n', '-r', String(RATE), '-c', '1', '-b', '16', file, 'trim', '0', String(seconds)]);

const voices = Object.fromEntries(script.speakers.map((speaker) => [speaker.id, speaker]));
const pieces = [];
const segments = [];
let clock = LEAD_IN;
silence(join(work, 'lead.wav'), LEAD_IN);
pieces.push(join(work, 'lead.wav'));

script.lines.forEach(([speakerId, source, translation], index) => {
  const voice = voices[speakerId];
  const raw = join(work, `raw-${index}.wav`);
  const line = join(work, `line-${index}.wav`);
  run('espeak-ng', ['-v', voice.voice, '-s', String(voice.speed), '-w', raw, source]);
  // Trim leading and trailing silence so the recorded start/end are where speech really is.
  run('sox', [raw, '-r', String(RATE), '-c', '1', '-b', '16', line, 'silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse']);
  const length = duration(line);
  const id = `seg-${String(index + 1).padStart(3, '0')}`;
  segments.push({
    id,
    start: Number(clock.toFixed(3)),
    end: Number((clock + length).toFixed(3)),
    speakerId,
    source,
    translation,
    sourceAtTranslation: source,
    status: index < script.reviewedThrough ? 'reviewed' : 'draft',
    notes: '',
    queries: [],
  });
  pieces.push(line);
  clock += length;
  const pause = PAUSE[index % PAUSE.length];
  const gap = join(work, `gap-${index}.wav`);
  silence(gap, pause);
  pieces.push(gap);
  clock += pause;
});

const joined = join(work, 'joined.wav');
run('sox', [...pieces, joined]);
const recording = join(out, 'recording.ogg');
run('sox', [joined, '-C', '3', recording]);

const interview = {
  schemaVersion: 4,
  id: 'sample-interview',
  createdAt: '2026-03-14T09:00:00.000Z',
  updatedAt: '2026-03-14T09:00:00.000Z',
  title: script.title,
  narrator: script.narrator,
  session: script.session,
  interviewer: script.interviewer,
  translator: script.translator,
  languages: { source: 'ko', target: 'en' },
  consent: { recording: true, publication: true, anonymity: 'pseudonym' },
  readerQuestion: script.readerQuestion,
  status: 'translating',
  speakers: script.speakers.map(({ id, name, color }) => ({ id, name, color })),
  segments,
  recording: { fileName: 'recording.ogg', mimeType: 'audio/ogg', durationSeconds: Number(duration(joined).toFixed(3)) },
  redactions: [],
  allowedNames: [],
  mergeConflicts: [],
  article: { headline: '', dek: '', publicationDate: '', imageCredit: '', topic: '', bio: '', closing: '', blocks: [] },
  glossary: [],
};
writeFileSync(join(out, 'interview.json'), `${JSON.stringify(interview, null, 2)}\n`);
writeFileSync(
  join(out, 'timings.json'),
  `${JSON.stringify({ note: 'True speech start/end of each line in recording.ogg, from make-sample.mjs.', segments: segments.map(({ id, start, end }) => ({ id, start, end })) }, null, 2)}\n`,
);
rmSync(work, { recursive: true });
console.log(`recording.ogg: ${(statSync(recording).size / 1024).toFixed(0)} KiB, ${interview.recording.durationSeconds} s, ${segments.length} segments`);
