// Long work that writes into the library — a recording imported, a waveform's peaks computed —
// each with an abort signal. `stop` aborts them all and waits until every one has ended, so
// nothing writes into a library once its lock is released (the window closed, the library
// locked); a job asked for after that starts already aborted.
export class AbortableJobs {
  private readonly running = new Map<Promise<void>, AbortController>();
  private stopped = false;

  /** Runs `task` with a signal this owner aborts at `stop` (the caller's own controller, if given, aborts it too). */
  run<T>(task: (signal: AbortSignal) => Promise<T>, controller = new AbortController()): Promise<T> {
    if (this.stopped) controller.abort();
    const job = task(controller.signal);
    const ended = job.then(
      () => undefined,
      () => undefined,
    );
    this.running.set(ended, controller);
    void ended.then(() => this.running.delete(ended));
    return job;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const controller of this.running.values()) controller.abort();
    await Promise.all(this.running.keys());
  }
}
