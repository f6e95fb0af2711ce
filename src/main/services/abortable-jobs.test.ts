import { describe, expect, it } from 'vitest';
import { AbortableJobs } from './abortable-jobs';

/** A job that runs until its signal is aborted, then takes a moment to end (as a killed decoder does). */
const untilAborted = (ended: string[], name: string) => (signal: AbortSignal) =>
  new Promise<string>((_, reject) => {
    const end = () =>
      setTimeout(() => {
        ended.push(name);
        reject(new Error('aborted'));
      }, 20);
    if (signal.aborted) end();
    else signal.addEventListener('abort', end);
  });

describe('AbortableJobs', () => {
  it('aborts every running job at stop and settles only once all have ended; later jobs start aborted', async () => {
    const jobs = new AbortableJobs();
    const ended: string[] = [];
    const first = jobs.run(untilAborted(ended, 'peaks'));
    const own = new AbortController();
    const second = jobs.run(untilAborted(ended, 'import'), own);
    const quick = jobs.run(async () => 'done');
    expect(await quick).toBe('done');
    await jobs.stop();
    expect(ended.sort()).toEqual(['import', 'peaks']);
    expect(own.signal.aborted).toBe(true);
    await expect(first).rejects.toThrow('aborted');
    await expect(second).rejects.toThrow('aborted');
    let sawAborted = false;
    await jobs.run(async (signal) => void (sawAborted = signal.aborted));
    expect(sawAborted).toBe(true);
  });
});
