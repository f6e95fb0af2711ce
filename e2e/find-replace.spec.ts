// Find & replace as in an editor: the keys open it with the focus in the field, the search is in
// the view's own column, Enter and Shift+Enter move through the marked matches, one or all are
// replaced (all in one undo step, particles refitted), and Escape gives the focus back.
import { expect, screenshotPath, test } from './fixtures';
import type { Page } from '@playwright/test';

const segmentText = (page: Page, number: number) => page.getByLabel(`Text of segment ${number}`, { exact: true });
const translation = (page: Page, number: number) => page.getByLabel(`Translation of segment ${number}`, { exact: true });
const bar = (page: Page) => page.getByTestId('find-bar');
const findField = (page: Page) => bar(page).getByLabel('Find', { exact: true });
const replaceField = (page: Page) => bar(page).getByLabel('Replace with');
const count = (page: Page) => page.getByTestId('match-count');
/** The row (by its data attribute) holding the current match. */
const currentRow = (page: Page) => page.getByTestId('find-current').evaluate((mark) => mark.closest('[data-segment-id]')?.getAttribute('data-segment-id'));
const rowId = (page: Page, number: number) => segmentText(page, number).evaluate((field) => field.closest('[data-segment-id]')?.getAttribute('data-segment-id'));

test('Transcribe: Ctrl+F searches the source, Enter moves through marked matches, replace one and all, one undo step, Escape returns to the row', async ({ launch }) => {
  const { page, outsideRequests } = await launch();
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await page.getByRole('tab', { name: 'Transcribe' }).click();
  await segmentText(page, 3).click();

  await page.keyboard.press('Control+F');
  await expect(findField(page)).toBeFocused();
  await expect(bar(page).getByRole('combobox', { name: 'Search in' })).toHaveValue('source');
  await page.keyboard.type('장마당');
  await expect(count(page)).toHaveText('2 matches in the source');
  await expect(page.getByTestId('find-match')).toHaveCount(2);

  // Enter and Shift+Enter move through the matches from the row the search began in, marking the current one.
  await page.keyboard.press('Enter');
  await expect(count(page)).toHaveText('1 of 2 in the source');
  // The count is the bar's and the mark is the row's: the mark follows a render later, so wait for it.
  await expect.poll(() => currentRow(page)).toBe(await rowId(page, 4));
  await page.keyboard.press('Enter');
  await expect(count(page)).toHaveText('2 of 2 in the source');
  await expect.poll(() => currentRow(page)).toBe(await rowId(page, 5));
  await page.keyboard.press('Shift+Enter');
  await expect(count(page)).toHaveText('1 of 2 in the source');
  await expect(findField(page)).toBeFocused();
  await page.screenshot({ path: screenshotPath('find-transcribe') });

  // Whole word keeps Korean particles: 장마당에서 still counts, 장마 inside 장마당 does not.
  await bar(page).getByLabel('Whole word').check();
  await expect(count(page)).toHaveText('1 of 2 in the source');
  await findField(page).fill('장마');
  await expect(count(page)).toHaveText('No matches in the source.');
  await findField(page).fill('장마당');

  // Replace one (Enter in the replace field): only row 4 changes, and the search moves on to row 5.
  await expect(count(page)).toHaveText('1 of 2 in the source');
  await replaceField(page).fill('시장');
  await replaceField(page).focus();
  await page.keyboard.press('Enter');
  await expect(segmentText(page, 4)).toHaveValue(/어머니가 시장에서 국수를/);
  await expect(segmentText(page, 5)).toHaveValue(/^장마당 장사는/);
  await expect(count(page)).toHaveText('1 of 1 in the source');
  // The toolbar's Undo takes it back.
  await page.getByTestId('transcribe').getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(segmentText(page, 4)).toHaveValue(/어머니가 장마당에서 국수를/);

  // Replace all: both rows, one undo step.
  await bar(page).getByRole('button', { name: 'Replace all' }).click();
  await expect(bar(page).getByRole('status')).toHaveText('Replaced 2 matches.');
  await expect(segmentText(page, 4)).toHaveValue(/시장에서/);
  await expect(segmentText(page, 5)).toHaveValue(/^시장 장사는/);
  await page.getByTestId('transcribe').getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(segmentText(page, 4)).toHaveValue(/장마당에서/);
  await expect(segmentText(page, 5)).toHaveValue(/^장마당 장사는/);

  // A Korean replacement brings the particle after it into agreement: 규찰대가 → 단속반이.
  await findField(page).fill('규찰대');
  await replaceField(page).fill('단속반');
  await bar(page).getByRole('button', { name: 'Replace all' }).click();
  await expect(segmentText(page, 8)).toHaveValue(/^단속반이 자주 와서/);

  // Escape closes the bar and gives the focus back to the row it came from; playback does not start.
  await findField(page).focus();
  await page.keyboard.press('Escape');
  await expect(bar(page)).toBeHidden();
  await expect(page.getByTestId('find-match')).toHaveCount(0);
  await expect(segmentText(page, 3)).toBeFocused();
  expect(await page.locator('audio').first().evaluate((audio: HTMLAudioElement) => audio.paused)).toBe(true);
  expect(outsideRequests).toEqual([]);
});

test('Translate: the search is in the translation and says where else the text is; Ctrl+H goes to the replacement; the keys are rebindable and listed', async ({ launch }) => {
  const { page, outsideRequests } = await launch();
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Change: Find', exact: true }).click();
  await page.keyboard.press('Alt+F');
  await expect(page.getByTestId('keymap').getByRole('row', { name: /^Find Alt\+F/ })).toBeVisible();
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: '장마당에서 자란 아이 — Growing up in the market', exact: true }).click();
  await page.getByRole('tab', { name: 'Translate' }).click();
  await translation(page, 2).click();

  await page.keyboard.press('Control+F'); // the old key no longer opens it
  await expect(bar(page)).toBeHidden();
  await page.keyboard.press('Alt+F');
  await expect(findField(page)).toBeFocused();
  await expect(bar(page).getByRole('combobox', { name: 'Search in' })).toHaveValue('translation');
  await page.keyboard.type('장마당');
  await expect(count(page)).toHaveText('No matches in the translation. 2 in the source.');
  await findField(page).fill('market');
  await expect(count(page)).toHaveText('2 matches in the translation');
  await page.keyboard.press('Enter');
  await expect(count(page)).toHaveText('1 of 2 in the translation');
  await expect(page.getByTestId('find-current')).toHaveText('market');

  // Ctrl+H with a search already typed puts the focus in the replacement.
  await page.keyboard.press('Control+H');
  await expect(replaceField(page)).toBeFocused();
  await page.keyboard.type('jangmadang');
  await page.keyboard.press('Enter');
  await expect(count(page)).toHaveText('1 of 1 in the translation');
  await expect(page.getByTestId('find-current')).toHaveText('market');
  await expect(bar(page).getByRole('status')).toHaveText('Replaced 1 match.');
  await expect(translation(page, 4)).toHaveValue(/at the jangmadang, the jangmadang\.$/);
  // Translate keeps no undo list of its own: the bar takes its last replacement back.
  await bar(page).getByRole('button', { name: 'Undo replace' }).click();
  await expect(count(page)).toHaveText(/of 2 in the translation/);
  await expect(translation(page, 4)).toHaveValue(/at the jangmadang, the market\.$/);
  await page.screenshot({ path: screenshotPath('find-translate') });

  await page.keyboard.press('Escape');
  await expect(bar(page)).toBeHidden();
  await expect(translation(page, 2)).toBeFocused();

  // The shortcut sheet lists both keys as they are now.
  await page.keyboard.press('Control+/');
  const sheet = page.getByTestId('shortcut-sheet');
  await expect(sheet.getByRole('row', { name: /^Find Alt\+F/ })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /^Find and replace Ctrl\+H/ })).toBeVisible();
  expect(outsideRequests).toEqual([]);
});
