import { createInterview, expect, test } from './fixtures';

test('the library sorts by its columns and finds words inside transcripts; status follows the work', async ({ launch }) => {
  const { page } = await launch();
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await expect(page.getByText('20 segments')).toBeVisible();
  await page.getByRole('button', { name: '← Library' }).click();
  await createInterview(page, 'Alpha interview');
  await page.getByRole('button', { name: '← Library' }).click();

  const titles = () => page.locator('.library-table tbody tr td:first-child').allTextContents();
  // Newest first by default; the Title header sorts A→Z, then Z→A.
  await expect.poll(titles).toEqual(['Alpha interview', '장마당에서 자란 아이 — Growing up in the market']);
  await page.getByRole('button', { name: 'Title' }).click();
  await expect(page.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(titles).toEqual(['Alpha interview', '장마당에서 자란 아이 — Growing up in the market']);
  await page.getByRole('button', { name: 'Title' }).click();
  await expect(page.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(titles).toEqual(['장마당에서 자란 아이 — Growing up in the market', 'Alpha interview']);
  await page.getByRole('button', { name: 'Segments' }).click();
  await expect.poll(titles).toEqual(['Alpha interview', '장마당에서 자란 아이 — Growing up in the market']);

  // Words that are only inside a transcript or a translation find their interview.
  const search = page.getByRole('searchbox');
  await search.fill('규찰대');
  await expect.poll(titles).toEqual(['장마당에서 자란 아이 — Growing up in the market']);
  await search.fill('jangmadang dough');
  await expect.poll(titles).toEqual(['장마당에서 자란 아이 — Growing up in the market']);
  await search.fill('최순희'); // the sample narrator's real name is never searched
  await expect(page.locator('.library-table tbody')).toContainText('No interview matches “최순희”.');
  await search.fill('');

  // A fully translated interview does not stay "Transcribing": its status follows the work once it is edited.
  await page.getByRole('button', { name: 'Alpha interview', exact: true }).click();
  await page.getByRole('tab', { name: 'Transcribe' }).click();
  await page.getByTestId('transcribe').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('첫 문장');
  await page.getByRole('tab', { name: 'Translate' }).click();
  await page.getByLabel('Translation of segment 1', { exact: true }).fill('The first sentence.');
  await page.getByRole('button', { name: '← Library' }).click();
  await expect(page.getByRole('row', { name: /Alpha interview/ })).toContainText('Editing');
});
