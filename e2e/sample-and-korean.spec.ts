import { expect, screenshotPath, test } from './fixtures';

test('open the sample interview: its segments show and its recording loads; the Korean interface sticks', async ({ launch }) => {
  const first = await launch();
  const { page } = first;
  await page.getByRole('button', { name: 'Open sample interview' }).click();

  await expect(page.getByText('20 segments')).toBeVisible();
  const rows = page.getByTestId('transcribe-row');
  await expect(rows.first()).toContainText('00:00:00');
  await expect(page.getByLabel('Speaker of segment 1', { exact: true }).locator('option:checked')).toHaveText('Interviewer');
  await expect(page.getByLabel('Text of segment 2', { exact: true })).toHaveValue('저는 양강도의 작은 국경 도시에서 태어나고 자랐습니다. 강 건너편이 바로 중국이었어요.');
  await expect(page.getByLabel('Speaker of segment 2', { exact: true }).locator('option:checked')).toHaveText('Ji-woo');
  await expect(page.getByTestId('waveform')).toHaveAttribute('data-ready', 'true');
  // Once the waveform is there, the "Reading the recording…" line is gone (it used to stay at 100 %).
  await expect(page.getByTestId('import-progress')).toBeHidden();
  // Segments are drawn on the waveform as regions (wavesurfer keeps only those in view in its shadow root).
  await expect(page.getByTestId('waveform').locator('[part~="region"]')).not.toHaveCount(0);
  // A click inside a region seeks to the click (not to the region's start) and puts the caret in its row.
  const secondRegion = page.getByTestId('waveform').locator('[part~="region"]').nth(1);
  const box = (await secondRegion.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
  // Segment 2 runs 9.5–17.6 s: three quarters in is about 15.6 s, well past its start.
  await expect(page.getByTestId('playhead')).toHaveText(/^00:00:1[45] \/ 00:02:04$/);
  await expect(page.getByLabel('Text of segment 2', { exact: true })).toBeFocused();

  // The recording is served by the media route (with Range) and its length is known.
  const duration = await page.locator('.transcribe > audio').evaluate(
    (audio: HTMLAudioElement) =>
      new Promise<number>((resolve, reject) => {
        if (audio.readyState >= 1) resolve(audio.duration);
        audio.addEventListener('loadedmetadata', () => resolve(audio.duration));
        audio.addEventListener('error', () => reject(new Error(`media error ${audio.error?.code}`)));
      }),
  );
  expect(duration).toBeGreaterThan(120);
  expect(duration).toBeLessThan(130);
  await page.screenshot({ path: screenshotPath('interview-transcribe-en') });

  await page.getByRole('tab', { name: 'Translate' }).click();
  await expect(page.getByLabel('Translation of segment 2', { exact: true })).toHaveValue(
    'I was born and raised in a small border town in Ryanggang Province. China was just across the river.',
  );
  await expect(page.getByTestId('translate-progress')).toContainText('20/20 translated · 14 reviewed');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Interface language').selectOption('ko');
  await expect(page.getByRole('heading', { name: '설정' })).toBeVisible();
  await page.getByRole('button', { name: '자료실' }).click();
  await expect(page.getByRole('row', { name: /장마당에서 자란 아이/ })).toContainText('편집 중');
  await page.screenshot({ path: screenshotPath('library-ko') });
  await first.close();

  const second = await launch();
  const again = second.page;
  await expect(again.getByRole('heading', { name: '자료실' })).toBeVisible();
  await again.getByRole('button', { name: '장마당에서 자란 아이 — Growing up in the market', exact: true }).click();
  await expect(again.getByRole('tab', { name: '전사' })).toHaveAttribute('aria-selected', 'true');
  await expect(again.getByText('구간 20개')).toBeVisible();
  await expect(again.getByTestId('waveform')).toBeVisible();
  await again.screenshot({ path: screenshotPath('interview-transcribe-ko') });
  await again.getByRole('tab', { name: '기본 정보' }).click();
  await expect(again.getByLabel('가명')).toHaveValue('Lee Ji-woo');
  await again.screenshot({ path: screenshotPath('interview-details-ko'), fullPage: true });
  // At 1280×800 the Korean "보기" beside the hidden real name stays on one line.
  await again.setViewportSize({ width: 1280, height: 800 });
  const show = again.getByRole('button', { name: '보기', exact: true });
  const lineHeight = await show.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight) || 18);
  const { height } = (await show.boundingBox())!;
  expect(height).toBeLessThan(lineHeight * 2);
  await again.screenshot({ path: screenshotPath('interview-details-ko-1280x800') });
  expect(second.outsideRequests).toEqual([]);
});
