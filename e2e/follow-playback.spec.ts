import { expect, screenshotPath, test } from './fixtures';
import { onlyInterviewOnDisk } from './interview-on-disk';

/** The first segment's text as the library holds it on disk. */
async function firstSegmentOnDisk(dataDir: string): Promise<string> {
  return (await onlyInterviewOnDisk(dataDir)).segments[0]!.source;
}

test('correcting an early row while playback follows far below loses no keystroke', async ({ launch, dataDir }) => {
  const { page } = await launch();
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await expect(page.getByTestId('waveform')).toHaveAttribute('data-ready', 'true');
  const first = page.getByLabel('Text of segment 1', { exact: true });
  const original = await first.inputValue();

  // Play-head near the end, so following playback would scroll segment 1 out of the list.
  await page.getByLabel('Jump to (mm:ss)').fill('1:55');
  await page.getByLabel('Jump to (mm:ss)').press('Enter');
  await page.locator('.transcribe-rows').evaluate((list) => (list.scrollTop = 0));
  await first.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Escape'); // play
  await expect.poll(() => page.locator('.transcribe > audio').evaluate((audio: HTMLAudioElement) => audio.paused)).toBe(false);
  await page.waitForTimeout(500);
  await page.keyboard.type(' abc', { delay: 60 });
  // Keep typing while playback moves on into the next segments.
  for (const burst of ['d', 'e', 'f']) {
    await page.waitForTimeout(700);
    await page.keyboard.type(burst);
  }

  await expect(first).toBeFocused();
  await expect(first).toHaveValue(`${original} abcdef`);
  await page.screenshot({ path: screenshotPath('follow-playback-typing') });
  await page.keyboard.press('Escape'); // pause
  await expect.poll(() => firstSegmentOnDisk(dataDir)).toBe(`${original} abcdef`);
});
