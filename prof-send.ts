import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { Library } from './src/main/services/library';
import { sendInterview } from './src/main/services/handoff/handoff';
import { FileStore } from './src/main/services/storage/file-store';
import { largeInterview } from './bench/fixtures';
(async () => {
  const recipient = await identityToRecipient(await generateIdentity());
  const store = new FileStore(null);
  const work = await mkdtemp(join(tmpdir(), 'prof-send-'));
  const lib = await Library.open(await mkdtemp(join(tmpdir(), 'prof-send-lib-')), undefined, { store });
  const rec = await lib.addCopy({ ...largeInterview('p', 2500), recording: { fileName: 'recording.mp3', mimeType: 'audio/mpeg', durationSeconds: 10_860 } }, '/tmp/testimony-bench-media/three-hours.mp3');
  const choices = { sender: 'p', includeRecording: true, includeRealName: false, includeRedactions: false };
  for (let i = 0; i < Number(process.env.SENDS ?? 4); i++) {
    const s = performance.now();
    await sendInterview({ library: lib, store, id: rec.id, choices, lock: { recipient }, appVersion: 'p', now: new Date(), to: join(work, `p${i}.testimony`), scratchDir: join(work, 'scratch') });
    console.log('send', (performance.now() - s).toFixed(0));
  }
  const s = performance.now();
  await sendInterview({ library: lib, store, id: rec.id, choices: { ...choices, includeRecording: false }, lock: { recipient }, appVersion: 'p', now: new Date(), to: join(work, `q.testimony`), scratchDir: join(work, 'scratch') });
  console.log('send without recording', (performance.now() - s).toFixed(0));
  const { rm } = await import('node:fs/promises'); await rm(work, { recursive: true, force: true }); await rm(lib.dataDir, { recursive: true, force: true });
})();
