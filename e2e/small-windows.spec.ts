import { expect, test } from './fixtures';

test('at 200 % zoom (640×400) and at 900 px the views reflow: rows keep their height, Korean its width, nothing scrolls sideways', async ({ launch }) => {
  const { page } = await launch();
  await page.setViewportSize({ width: 640, height: 400 });
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await expect(page.getByText('20 segments')).toBeVisible();
  const list = await page.locator('.transcribe-rows').boundingBox();
  expect(list!.height).toBeGreaterThanOrEqual(200);
  const firstRow = page.getByTestId('transcribe-row').first();
  await firstRow.scrollIntoViewIfNeeded();
  expect((await firstRow.boundingBox())!.height).toBeGreaterThan(40);
  await expect(page.getByLabel('Text of segment 1', { exact: true })).toBeVisible();

  await page.getByRole('tab', { name: 'Translate' }).click();
  const source = page.locator('.row-source').first();
  await source.scrollIntoViewIfNeeded();
  // Stacked under each other, the Korean source has the row's width, not one syllable's.
  expect((await source.boundingBox())!.width).toBeGreaterThan(400);
  await page.getByRole('tab', { name: 'Edit & Export' }).click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  await page.setViewportSize({ width: 900, height: 700 });
  await page.getByRole('tab', { name: 'Translate' }).click();
  const [sourceBox, translationBox] = [await page.locator('.row-source').first().boundingBox(), await page.locator('.row-translation').first().boundingBox()];
  expect(sourceBox!.width).toBeGreaterThan(180);
  expect(translationBox!.width).toBeGreaterThan(180);
});
