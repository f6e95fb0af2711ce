// A three-hour interview (2,500 segments) in the Translate view: time to open it, keystroke-to-
// paint while typing mid-transcript, and whether scrolling ever shows blank space.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Library } from '../src/main/services/library';
import { launchApp } from '../e2e/harness/launch-app';
import { largeInterview } from './fixtures';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const report = (name: string, values: number[]) =>
  console.log(`${name}: p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (n=${values.length})`);

/** Keystroke timings: to the next painted frame, and to the end of the input event's handlers. */
async function measureTyping(page: import('@playwright/test').Page, text: string): Promise<{ paint: number[]; work: number[] }> {
  await page.evaluate(() => {
    const timings = { paint: [] as number[], work: [] as number[], pressed: 0 };
    (window as unknown as { __timings: typeof timings }).__timings = timings;
    const onKey = (event: KeyboardEvent) => {
      const pressed = event.timeStamp;
      timings.pressed = pressed;
      // A frame has painted once rAF's callback and a task queued in it have run.
      requestAnimationFrame(() => setTimeout(() => timings.paint.push(performance.now() - pressed), 0));
    };
    // Window's bubbling listener runs after React's root listener has handled and committed.
    const onInput = () => timings.work.push(performance.now() - timings.pressed);
    document.addEventListener('keydown', onKey, true);
    window.addEventListener('input', onInput);
    (window as unknown as { __stop: () => void }).__stop = () => {
      document.removeEventListener('keydown', onKey, true);
      window.removeEventListener('input', onInput);
    };
  });
  await page.keyboard.type(text, { delay: 25 });
  await page.waitForTimeout(400);
  return page.evaluate(() => {
    (window as unknown as { __stop: () => void }).__stop();
    const { paint, work } = (window as unknown as { __timings: { paint: number[]; work: number[] } }).__timings;
    return { paint, work };
  });
}

test('Translate view with 2,500 segments', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-ui-'));
  const library = await Library.open(dataDir);
  await library.addCopy({ ...largeInterview('bench-ui', 2500), title: 'Three hours' }, null);
  const app = await launchApp({ dataDir });
  const { page } = app;
  try {
    const opened = Date.now();
    await page.getByRole('button', { name: 'Three hours', exact: true }).click();
    await page.getByRole('tab', { name: 'Translate' }).click();
    await expect(page.getByLabel('Translation of segment 1', { exact: true })).toBeVisible();
    console.log(`open interview and show Translate (2,500 rows): ${Date.now() - opened} ms`);

    // Mid-transcript: jump to row 1250 by scrolling, then type.
    const list = page.locator('.rows-scroll');
    await list.evaluate((element) => element.scrollTo(0, element.scrollHeight / 2));
    const target = page.getByTestId('translate-row').nth(3).locator('.translation-input');
    await target.click();
    await target.press('End');
    const typed = ' and then we walked to the station before dawn, carrying everything we owned'.repeat(3);
    const measured = await measureTyping(page, typed);
    report('keystroke to paint while typing mid-transcript', measured.paint);
    report('  of which the app’s own work (keydown until React has committed)', measured.work);

    // The same typing into a bare textarea with no app behind it: the browser's own frame timing.
    await page.evaluate(() => {
      const bare = document.createElement('textarea');
      bare.id = 'bare-textarea';
      Object.assign(bare.style, { position: 'fixed', top: '0', left: '0', zIndex: '999' });
      document.body.append(bare);
    });
    await page.locator('#bare-textarea').click();
    const baseline = await measureTyping(page, typed);
    report('  baseline: a bare textarea in the same page', baseline.paint);
    await page.locator('#bare-textarea').evaluate((element) => element.remove());

    // Scroll the whole list in viewport-sized steps; after each frame, rows must cover the view.
    const scrolling = await list.evaluate(async (element) => {
      let blank = 0;
      let frames = 0;
      const started = performance.now();
      for (let top = 0; top < element.scrollHeight; top += element.clientHeight * 0.9) {
        element.scrollTo(0, top);
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        frames += 1;
        const view = element.getBoundingClientRect();
        const rows = [...element.querySelectorAll('.virtual-row')].map((row) => row.getBoundingClientRect());
        const covered = rows.some((row) => row.top <= view.top + 1) && rows.some((row) => row.bottom >= Math.min(view.bottom, view.top + element.scrollHeight - top) - 1);
        if (!covered) blank += 1;
      }
      return { blank, frames, ms: performance.now() - started };
    });
    console.log(`scrolling all 2,500 rows: ${scrolling.frames} screens in ${scrolling.ms.toFixed(0)} ms, screens with blank space: ${scrolling.blank}`);
    expect(app.outsideRequests).toEqual([]);
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
