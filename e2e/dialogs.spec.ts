import { expect, test } from './fixtures';

test('dialogs: Escape during Korean composition keeps the title; focus stays inside and returns to the opener; Escape closes', async ({ launch }) => {
  const { page } = await launch();
  const opener = page.getByRole('button', { name: 'Create interview' }).first();
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  const title = dialog.getByLabel('Title');
  await expect(title).toBeFocused();

  // Compose 한 through the input method, press Escape mid-composition: the IME takes it.
  const cdp = await page.context().newCDPSession(page);
  await page.keyboard.type('장마당 ');
  await cdp.send('Input.imeSetComposition', { text: '한', selectionStart: 1, selectionEnd: 1 });
  await title.evaluate((field) => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', isComposing: true, bubbles: true })));
  await cdp.send('Input.insertText', { text: '한' });
  await expect(dialog).toBeVisible();
  await expect(title).toHaveValue('장마당 한');

  // Tab cycles inside the dialog; the library behind cannot be reached.
  for (let index = 0; index < 6; index += 1) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});
