import { describe, expect, it } from 'vitest';
import { LatestWinsWriter } from './latest-wins-writer';

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

describe('LatestWinsWriter', () => {
  it('collapses rapid saves and always ends in the latest state', async () => {
    const written: string[] = [];
    const writer = new LatestWinsWriter(async (text) => {
      await tick();
      written.push(text);
    });
    const saves = Array.from({ length: 50 }, (_, index) => writer.write(`state ${index}`));
    await Promise.all(saves);
    expect(written.at(-1)).toBe('state 49');
    expect(written.length).toBeLessThan(5); // the first, then the latest of those queued behind it
  });

  it('never runs two writes at once', async () => {
    let running = 0;
    let most = 0;
    const writer = new LatestWinsWriter(async () => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
    });
    await Promise.all([writer.write('a'), writer.write('b'), writer.write('c')]);
    await writer.write('d');
    expect(most).toBe(1);
  });

  it('rejects the callers whose state failed to write, and recovers for later saves', async () => {
    let fail = true;
    const written: string[] = [];
    const writer = new LatestWinsWriter(async (text) => {
      if (fail) throw new Error('disk full');
      written.push(text);
    });
    await expect(writer.write('lost')).rejects.toThrow('disk full');
    fail = false;
    await writer.write('kept');
    expect(written).toEqual(['kept']);
  });
});
