// What the command-line benchmarks share: a fresh Node process measured whole (wall time, CPU of
// all its threads, peak memory, reported by report-rss.cjs on exit), and a library set up plain
// or encrypted for it to work on.
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { withCliLibrary } from '../src/main/cli-library';
import type { Library } from '../src/main/services/library';

export const testimonyCli = resolve(__dirname, '../bin/testimony.cjs');

export type MeasuredRun = { ms: number; cpuMs: number; peakMiB: number; status: number | null; stderr: string };

/** `node --require report-rss.cjs ARGS…`, measured from outside (time) and inside (CPU, memory). */
export function measuredNode(args: string[], env: NodeJS.ProcessEnv = process.env): MeasuredRun {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--require', resolve(__dirname, 'report-rss.cjs'), ...args], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20, env });
  const ms = performance.now() - started;
  return {
    ms,
    cpuMs: Number(/cpu-us (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN) / 1000,
    peakMiB: Number(/peak-rss-kib (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN) / 1024,
    status: run.status,
    stderr: run.stderr,
  };
}

/** The lines a run printed on stderr, without the measurements report-rss.cjs added. */
export const printedLines = (run: MeasuredRun) => run.stderr.split('\n').filter((line) => line.trim() !== '' && !/^(peak-rss-kib|cpu-us) /.test(line)).length;

/** A new library in `dataDir` (encrypted when a passphrase environment variable is named), filled by `fill`. */
export async function setUpLibrary(dataDir: string, passphraseEnv: string | null, fill: (library: Library) => Promise<void>): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const options = { dataDir, plain: passphraseEnv === null, passphraseEnv: passphraseEnv ?? undefined, err: () => undefined };
  const code = await withCliLibrary(options, { err: (text) => console.error(text) }, 'Setting up', async ({ library }) => {
    await fill(library);
    return 0;
  });
  if (code !== 0) throw new Error(`the benchmark library in ${dataDir} could not be set up`);
}
