// Work that should run once things have been quiet for a while (an index rebuilt after the typing
// stops), one pending task per key; `stop` cancels what is waiting and waits for what is running,
// so nothing runs after the owner has let go (a library whose lock is released). Once stopped it
// takes no more work: a task still running elsewhere (a fold) may ask for more as it finishes.
export class DebouncedTasks {
  private readonly waiting = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly delayMs: number) {}

  /** Runs `task` after `delayMs` without another call for the same key; a failure is the task's own business. */
  schedule(key: string, task: () => Promise<unknown>): void {
    if (this.stopped) return;
    clearTimeout(this.waiting.get(key));
    const timer = setTimeout(() => {
      this.waiting.delete(key);
      const run = task().catch(() => undefined);
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    }, this.delayMs);
    timer.unref?.(); // never keeps a command-line process alive
    this.waiting.set(key, timer);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
    await Promise.all([...this.running]);
  }
}
