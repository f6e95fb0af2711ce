import { expect, screenshotPath, test } from './fixtures';
import type { Page } from '@playwright/test';

const row = (page: Page, number: number) => page.getByTestId('translate-row').filter({ has: page.getByLabel(`Translation of segment ${number}`, { exact: true }) });
const translation = (page: Page, number: number) => page.getByLabel(`Translation of segment ${number}`, { exact: true });

/** The list is virtualised: scroll until row `number` is rendered, as a person would. */
async function reveal(page: Page, number: number): Promise<void> {
  const list = page.locator('.rows-scroll');
  await list.evaluate((element) => element.scrollTo(0, 0));
  for (let attempt = 0; attempt < 60 && (await translation(page, number).count()) === 0; attempt += 1) {
    await list.evaluate((element) => element.scrollBy(0, 200));
  }
  await translation(page, number).scrollIntoViewIfNeeded();
}

test('translate the sample by keyboard with memory, glossary check, stale rows and queries; reload keeps it all', async ({ launch }) => {
  const first = await launch();
  const { page } = first;
  // Two copies of the sample: the first is "another interview" the memory can draw on.
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await page.getByRole('button', { name: '← Library' }).click();
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByLabel('Title').fill('Second telling');
  await page.getByRole('tab', { name: 'Translate' }).click();
  await expect(page.getByTestId('translate-progress')).toContainText('20/20 translated');

  // Row 2: clear it, and the memory offers the reviewed translation from the other interview.
  await translation(page, 1).click();
  await page.keyboard.press('Control+ArrowDown');
  await expect(translation(page, 2)).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await expect(row(page, 2)).toHaveAttribute('data-status', 'untranslated');
  const memory = page.getByTestId('memory-matches');
  await expect(memory).toContainText('저는 양강도의 작은 국경 도시에서');
  await expect(memory).toContainText('100%');
  await expect(memory).toContainText('from “장마당에서 자란 아이 — Growing up in the market”');
  await page.keyboard.press('Control+I');
  await expect(translation(page, 2)).toHaveValue('I was born and raised in a small border town in Ryanggang Province. China was just across the river.');
  await page.keyboard.press('Control+Enter');
  await expect(row(page, 2)).toHaveAttribute('data-status', 'reviewed');

  // Row 3: cleared, then found again with the next-untranslated key and typed afresh.
  await translation(page, 3).fill('');
  await translation(page, 1).focus();
  await page.keyboard.press('Control+U');
  await expect(translation(page, 3)).toBeFocused();
  await page.keyboard.type('What was family life like when you were little? ');
  await page.keyboard.insertText('(어릴 때)');
  // An IME composition in progress: Ctrl+Enter must not act.
  await translation(page, 3).evaluate((element) =>
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, isComposing: true, bubbles: true })),
  );
  await expect(row(page, 3)).toHaveAttribute('data-status', 'draft');
  await page.keyboard.press('Control+Enter');
  await expect(row(page, 3)).toHaveAttribute('data-status', 'reviewed');

  // Glossary: 규찰대 is agreed as "inspection squad"; "police patrol" is to be avoided.
  await page.getByRole('tab', { name: 'Glossary' }).click();
  await expect(page.getByTestId('glossary-issues')).not.toContainText('#8');
  await reveal(page, 8);
  await translation(page, 8).fill('The police patrol came often and took our goods.');
  const issues = page.getByTestId('glossary-issues');
  await expect(issues).toContainText('#8 “규찰대” is in the source, but “inspection squad” is not in the translation.');
  await expect(issues).toContainText('#8 “police patrol” is used for “규찰대”; agreed: “inspection squad”.');
  await expect(row(page, 8).locator('.glossary-term')).toHaveAttribute('title', /inspection squad/);

  // Editing a source marks its translated row stale until the translator confirms it.
  await page.getByLabel('Edit source').check();
  await reveal(page, 6);
  await page.getByLabel('Source of segment 6', { exact: true }).fill('새벽 네 시에 일어나서 반죽을 했어요. 저도 학교에 가기 전에 어머니를 도왔습니다.');
  await page.getByLabel('Edit source').uncheck();
  await expect(row(page, 6)).toHaveAttribute('data-stale', 'true');
  await expect(row(page, 6)).toContainText('Source changed');
  await page.getByLabel('Show').selectOption('stale');
  await expect(page.getByTestId('translate-row')).toHaveCount(1);
  // In the row, the source as it was translated against the source now: 다섯 (five) became 네 (four).
  await translation(page, 6).focus();
  await expect(row(page, 6).getByTestId('source-change').locator('del')).toHaveText('다섯');
  await expect(row(page, 6).getByTestId('source-change').locator('ins')).toHaveText('네');
  await translation(page, 6).fill('We got up at four in the morning to make the dough. I helped my mother before school, too.');
  await expect(row(page, 6)).toHaveAttribute('data-stale', 'false');
  await page.getByLabel('Show').selectOption('all');

  await reveal(page, 9);
  // A query raised by keyboard on row 9, then resolved from the queries panel.
  await translation(page, 9).click();
  await page.keyboard.press('Control+Shift+Q');
  await expect(page.getByLabel('Raise query')).toBeFocused();
  await page.keyboard.type('Which school year was this?');
  await page.keyboard.press('Enter');
  await expect(row(page, 9).getByTestId('row-query')).toContainText('Which school year was this?');
  await page.getByRole('tab', { name: 'Queries' }).click();
  await expect(page.getByTestId('queries-panel')).toContainText('Which school year was this?');
  await page.screenshot({ path: screenshotPath('translate-en') });
  await page.getByTestId('queries-panel').getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByTestId('queries-panel')).toContainText('Resolved');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await first.close();

  const second = await launch();
  const again = second.page;
  await expect(again.getByRole('row', { name: /Second telling/ }).getByTestId('open-queries')).toHaveText('—');
  await again.getByRole('button', { name: 'Second telling', exact: true }).click();
  await again.getByRole('tab', { name: 'Translate' }).click();
  await reveal(again, 2);
  await expect(translation(again, 2)).toHaveValue('I was born and raised in a small border town in Ryanggang Province. China was just across the river.');
  await expect(row(again, 2)).toHaveAttribute('data-status', 'reviewed');
  await expect(translation(again, 3)).toHaveValue('What was family life like when you were little? (어릴 때)');
  await expect(row(again, 3)).toHaveAttribute('data-status', 'reviewed');
  await reveal(again, 6);
  await expect(translation(again, 6)).toHaveValue('We got up at four in the morning to make the dough. I helped my mother before school, too.');
  await reveal(again, 8);
  await expect(translation(again, 8)).toHaveValue('The police patrol came often and took our goods.');
  await again.getByRole('tab', { name: 'Queries' }).click();
  await expect(again.getByTestId('queries-panel')).toContainText('Which school year was this?');
  await expect(again.getByTestId('queries-panel')).toContainText('Resolved');
  expect(second.outsideRequests).toEqual([]);
});

test('shortcuts are rebound in Settings and the new keys work while translating', async ({ launch }) => {
  const { page, outsideRequests } = await launch();
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await expect(page.getByText('20 segments')).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Change: Mark reviewed and move on' }).click();
  await page.keyboard.press('F8');
  await expect(page.getByTestId('keymap').getByRole('row', { name: /Mark reviewed and move on/ })).toContainText('F8');
  await page.screenshot({ path: screenshotPath('settings-en'), fullPage: true });

  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: '장마당에서 자란 아이 — Growing up in the market', exact: true }).click();
  await page.getByRole('tab', { name: 'Translate' }).click();
  await translation(page, 1).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Welcome.');
  await expect(row(page, 1)).toHaveAttribute('data-status', 'draft');
  await page.keyboard.press('Control+Enter'); // the old binding no longer acts
  await expect(row(page, 1)).toHaveAttribute('data-status', 'draft');
  // The buttons' tooltips name the keys as they are now.
  await expect(row(page, 1).getByRole('button', { name: 'Mark reviewed' })).toHaveAttribute('title', 'Mark reviewed (F8)');
  await page.keyboard.press('F8');
  await expect(row(page, 1)).toHaveAttribute('data-status', 'reviewed');

  // The shortcut sheet shows the keys as they are now, with what other tools call them.
  await page.keyboard.press('Control+/');
  const sheet = page.getByTestId('shortcut-sheet');
  await expect(sheet.getByRole('row', { name: /Mark reviewed and move on/ })).toContainText('F8');
  await expect(sheet.getByRole('row', { name: /Play \/ pause/ })).toContainText('oTranscribe: Esc');
  await page.screenshot({ path: screenshotPath('shortcut-sheet') });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(translation(page, 1)).toBeFocused();
  // "?" opens it too, but only outside text: typed into a translation it is just a character.
  await page.keyboard.type('?');
  await expect(sheet).toBeHidden();
  await page.getByRole('tab', { name: 'Translate' }).focus();
  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  expect(outsideRequests).toEqual([]);
});

test('a memory match whose number differs shows the difference and cannot go in with one key', async ({ launch }) => {
  const { page } = await launch();
  // Two copies of the sample; in the second, the narrator was seventeen, not sixteen.
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await page.getByRole('button', { name: '← Library' }).click();
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await page.getByRole('tab', { name: 'Translate' }).click();
  await expect(page.getByTestId('translate-progress')).toContainText('20/20 translated');
  // To row 12 by keyboard (the app scrolls to it), then correct its source there.
  await translation(page, 1).click();
  for (let step = 0; step < 11; step += 1) await page.keyboard.press('Control+ArrowDown');
  await expect(translation(page, 12)).toBeFocused();
  await page.getByLabel('Edit source').check();
  await page.getByLabel('Source of segment 12', { exact: true }).fill('열일곱 살 때 친구 집에서 남한 드라마가 담긴 알판을 처음 봤습니다.');
  await translation(page, 12).fill('');
  await translation(page, 12).focus();

  const memory = page.getByTestId('memory-matches');
  const match = memory.getByTestId('memory-match').first();
  await expect(match).toContainText('from “장마당에서 자란 아이 — Growing up in the market”');
  await expect(match.getByTestId('memory-numbers')).toHaveText('Numbers differ: stored 열여섯, here 열일곱. Check the translation before using it.');
  await expect(match.locator('.memory-source del')).toHaveText('여섯');
  await expect(match.locator('.memory-source ins')).toHaveText('일곱');

  // The one-key insert refuses; the translator checks, then inserts on purpose and corrects the age.
  await page.keyboard.press('Control+I');
  await expect(page.getByTestId('memory-notice')).toContainText('The best match has different numbers from this row: it was not inserted.');
  await expect(translation(page, 12)).toHaveValue('');
  await match.getByRole('button', { name: 'Insert' }).click();
  await expect(translation(page, 12)).toHaveValue('');
  await match.getByRole('button', { name: 'Numbers differ — insert anyway' }).click();
  await expect(translation(page, 12)).toHaveValue("When I was sixteen, I saw a disc with a South Korean drama on it at a friend's house.");
  await page.screenshot({ path: screenshotPath('memory-number-differs') });
});

test('Translate has the Transcribe player: its bar and keys, and a waveform that follows the current row', async ({ launch }) => {
  const { page } = await launch();
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await page.getByRole('tab', { name: 'Translate' }).click();
  const playhead = page.getByTestId('playhead');
  await expect(playhead).toHaveText('00:00:00 / 00:02:04');
  await expect(page.getByRole('button', { name: 'Play / pause' })).toHaveAttribute('title', /Play \/ pause \(.+\)/);
  await expect(page.locator('.translate audio[controls]')).toHaveCount(0); // no bare browser control

  // The waveform brings the row being worked on into view.
  const waveform = page.getByRole('region', { name: /Waveform of the recording/ });
  await expect(waveform).toBeVisible();
  const scrolled = () => waveform.evaluate((element) => element.scrollLeft);
  expect(await scrolled()).toBe(0);
  await reveal(page, 12);
  await translation(page, 12).click();
  await expect.poll(scrolled).toBeGreaterThan(100);

  // The player's keys work here too: jump to a time, play, pause.
  await page.getByLabel('Jump to (mm:ss)').fill('1:30');
  await page.getByLabel('Jump to (mm:ss)').press('Enter');
  await expect(playhead).toHaveText(/^00:01:30 \//);
  await translation(page, 12).click();
  await page.keyboard.press('Escape'); // oTranscribe's play/pause, the default
  await expect.poll(async () => playhead.textContent()).not.toMatch(/^00:01:30 \//);
  await page.keyboard.press('Escape'); // oTranscribe's play/pause, the default
  await page.screenshot({ path: screenshotPath('translate-player-en') });
});
