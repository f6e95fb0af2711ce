import { afterEach, describe, expect, it, vi } from 'vitest';
import { DebouncedTasks } from './debounced-tasks';

afterEach(() => vi.useRealTimers());

describe('DebouncedTasks', () => {
  it('runs a key’s task once, after the calls for it stop; stop cancels what waits and waits for what runs', async () => {
    vi.useFakeTimers();
    const tasks = new DebouncedTasks(1000);
    const ran: string[] = [];
    for (let call = 0; call < 5; call += 1) {
      tasks.schedule('a', async () => void ran.push('a'));
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(600);
    expect(ran).toEqual(['a']);

    let finish: () => void = () => undefined;
    tasks.schedule('slow', () => new Promise<void>((resolve) => (finish = resolve)).then(() => void ran.push('slow')));
    tasks.schedule('never', async () => void ran.push('never'));
    await vi.advanceTimersByTimeAsync(999);
    tasks.schedule('never', async () => void ran.push('never'));
    vi.advanceTimersByTime(1); // 'slow' starts; 'never' was pushed back
    const stopped = tasks.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false); // 'slow' is still running
    finish();
    await stopped;
    await vi.advanceTimersByTimeAsync(5000);
    expect(ran).toEqual(['a', 'slow']);
  });

  it('takes no work once stopped: what a finishing task asks for afterwards never runs', async () => {
    vi.useFakeTimers();
    const tasks = new DebouncedTasks(1000);
    const ran: string[] = [];
    await tasks.stop();
    tasks.schedule('late', async () => void ran.push('late'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(ran).toEqual([]);
  });
});
