// One writer per file. Saves that arrive while a write is running collapse into one write of the
// latest state; every caller's promise settles once a state at least as new as theirs is on disk.
type Waiter = { generation: number; resolve: () => void; reject: (error: unknown) => void };

export class LatestWinsWriter<Payload = string> {
  private latest: { generation: number; text: Payload } | null = null;
  private written = 0;
  private generation = 0;
  private running = false;
  private waiters: Waiter[] = [];

  constructor(private readonly writeText: (text: Payload) => Promise<void>) {}

  write(text: Payload): Promise<void> {
    const generation = ++this.generation;
    this.latest = { generation, text };
    const settled = new Promise<void>((resolve, reject) => this.waiters.push({ generation, resolve, reject }));
    if (!this.running) void this.drain();
    return settled;
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.latest && this.latest.generation > this.written) {
      const { generation, text } = this.latest;
      try {
        await this.writeText(text);
        this.written = generation;
        this.settle(generation, (waiter) => waiter.resolve());
      } catch (error) {
        this.written = generation;
        this.settle(generation, (waiter) => waiter.reject(error));
      }
    }
    this.running = false;
  }

  private settle(upTo: number, how: (waiter: Waiter) => void): void {
    const done = this.waiters.filter((waiter) => waiter.generation <= upTo);
    this.waiters = this.waiters.filter((waiter) => waiter.generation > upTo);
    done.forEach(how);
  }
}
