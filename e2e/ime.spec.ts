// Korean typed through an input method, driven through the Chrome DevTools Protocol as an IME
// drives the page: composition updates (Input.imeSetComposition), then the committed text.
import { defaultKeymap, keyActions } from '../src/shared/keymap';
import { expect, test } from './fixtures';

test('an Enter that commits a Korean syllable submits nothing; undo never lands on half a syllable', async ({ launch }) => {
  const { page } = await launch();
  const cdp = await page.context().newCDPSession(page);

  // The Create dialog: Enter mid-composition, and the Enter some browsers repeat right after the
  // syllable is committed, belong to the input method.
  await page.getByRole('button', { name: 'Create interview' }).first().click();
  const dialog = page.getByRole('dialog');
  const title = dialog.getByLabel('Title');
  await title.pressSequentially('장마당 ');
  await cdp.send('Input.imeSetComposition', { text: '한', selectionStart: 1, selectionEnd: 1 });
  await page.keyboard.press('Enter');
  await cdp.send('Input.insertText', { text: '한' });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(title).toHaveValue('장마당 한');
  // A deliberate Enter, once the syllable is done, creates the interview.
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '장마당 한' })).toBeVisible();

  // Transcribe: a syllable composed slowly (a second and more between ㅎ, 하 and 한) is one undo step.
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  const row = page.getByLabel('Text of segment 1', { exact: true });
  await row.click();
  await page.keyboard.press('End');
  const before = await row.inputValue();
  await page.waitForTimeout(1200);
  for (const stage of ['ㅎ', '하', '한']) {
    await cdp.send('Input.imeSetComposition', { text: stage, selectionStart: 1, selectionEnd: 1 });
    await page.waitForTimeout(1200);
  }
  await cdp.send('Input.insertText', { text: '한' });
  await expect(row).toHaveValue(`${before}한`);
  await page.waitForTimeout(1200);
  await page.keyboard.press('Control+z');
  await expect(row).toHaveValue(before);
});

/** A binding as Playwright presses it: "Ctrl+Shift+Z" → "Control+Shift+Z", "Alt+S" → "Alt+s". */
function playwrightKey(binding: string): string {
  const parts = binding.split('+');
  const key = parts.pop()!;
  const shifted = parts.includes('Shift');
  const pressed = key === 'Space' ? ' ' : key.length === 1 ? (shifted ? key.toUpperCase() : key.toLowerCase()) : key;
  return [...parts.map((part) => (part === 'Ctrl' ? 'Control' : part)), pressed].join('+');
}

test('no bound key does anything while a syllable is being composed', async ({ launch }) => {
  const { page } = await launch();
  const cdp = await page.context().newCDPSession(page);
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  const row = page.getByLabel('Text of segment 2', { exact: true });
  const state = () =>
    page.evaluate(() => ({
      // A split or merge would change what the next rows hold (the list is virtualised: count nothing).
      next: [3, 4].map((number) => (document.querySelector(`[aria-label="Text of segment ${number}"]`) as HTMLTextAreaElement | null)?.value),
      speaker: (document.querySelector('[aria-label="Speaker of segment 2"]') as HTMLSelectElement | null)?.value,
      playhead: document.querySelector('[data-testid="playhead"]')?.textContent,
      dialogs: document.querySelectorAll('[role="dialog"]').length,
      focused: document.activeElement?.getAttribute('aria-label'),
    }));
  await row.click();
  await page.keyboard.press('End');
  const before = await state();
  let typed = await row.inputValue();
  const bound = keyActions.filter((action) => !action.startsWith('translate.'));
  for (const action of bound) {
    await cdp.send('Input.imeSetComposition', { text: '한', selectionStart: 1, selectionEnd: 1 });
    await page.keyboard.press(playwrightKey(defaultKeymap[action]));
    await cdp.send('Input.insertText', { text: '한' });
    typed += '한';
    expect(await state(), `${action} (${defaultKeymap[action]}) during composition`).toEqual(before);
    expect(await row.inputValue(), action).toBe(typed);
    await page.waitForTimeout(150); // past the window in which a repeated Enter still counts as the IME's
  }
});
