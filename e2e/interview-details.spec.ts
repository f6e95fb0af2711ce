import { createInterview, expect, screenshotPath, test } from './fixtures';

test('create an interview, fill its details in Korean and English, and find all of it after a relaunch', async ({ launch }) => {
  const first = await launch();
  const { page } = first;
  await expect(page.getByRole('heading', { name: 'No interviews yet' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('library-empty-en') });

  await page.getByRole('button', { name: 'Create interview' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New interview' });
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog.getByText('Give the interview a title.')).toBeVisible();
  await dialog.getByLabel('Title').fill('혜산 장마당 이야기 — Hyesan market days');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();

  await expect(page.getByRole('heading', { name: '혜산 장마당 이야기 — Hyesan market days' })).toBeVisible();
  // A new interview opens clean: a field says what is missing only once someone has been in it.
  await expect(page.getByText('A pseudonym is needed when the narrator appears under one.')).toHaveCount(0);
  await page.getByLabel('Pseudonym').focus();
  await page.getByLabel('Interview place').focus();
  await expect(page.getByText('A pseudonym is needed when the narrator appears under one.')).toBeVisible();
  await page.getByLabel('Workflow status').selectOption('translating');
  await page.getByLabel('Interview date').fill('2026-05-02');
  await page.getByLabel('Interview place').fill('서울 마포구 (Mapo, Seoul)');
  await page.getByLabel('Pseudonym').fill('Kim Min-ji');
  await page.getByLabel('Real name').fill('박영희');
  await page.getByLabel('Born and raised in (region)').fill('함경북도 회령 (Hoeryong)');
  await page.getByLabel('Lives now in').fill('Busan');
  await page.getByLabel('Interviewer').fill('J. Park');
  await page.getByLabel('Translator').fill('A. Kim');
  await page.getByLabel('Consented to being recorded').check();
  await page.getByLabel('Publication allowed').check();
  await page.getByLabel('Appears as').selectOption('pseudonym');
  await page.getByLabel('Question', { exact: true }).fill('How did people celebrate birthdays in North Korea?');
  await page.getByLabel('Asked by (first name)').fill('Tom');
  await page.getByLabel('City').fill('Bristol');

  // A year that is not a number cannot be stored: it is explained and holds the save back.
  // One out of range is explained beside the field. Fixing it saves everything.
  await page.getByLabel('Year left North Korea').fill('20x9');
  await expect(page.getByText('Enter a year between 1945 and this year.')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'invalid');
  await page.getByLabel('Year left North Korea').fill('1900');
  await expect(page.getByText('Enter a year between 1945 and this year.')).toBeVisible();
  await page.getByLabel('Year left North Korea').fill('2019');
  await expect(page.getByText('Enter a year between 1945 and this year.')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByLabel('Real name')).toHaveAttribute('type', 'password');
  await page.screenshot({ path: screenshotPath('interview-details-en'), fullPage: true });

  // The library lists the pseudonym and never the real name, and search cannot find it.
  await page.getByRole('button', { name: '← Library' }).click();
  const row = page.getByRole('row', { name: /Hyesan market days/ });
  await expect(row).toContainText('Kim Min-ji');
  await expect(row).toContainText('Translating');
  await expect(page.getByText('박영희')).toHaveCount(0);
  await page.getByRole('searchbox').fill('박영희');
  await expect(page.getByText('No interview matches “박영희”.')).toBeVisible();
  await page.getByRole('searchbox').fill('min-ji');
  await expect(row).toBeVisible();
  await page.screenshot({ path: screenshotPath('library-en') });
  await first.close();

  const second = await launch();
  const again = second.page;
  await again.getByRole('button', { name: '혜산 장마당 이야기 — Hyesan market days', exact: true }).click();
  await expect(again.getByLabel('Title')).toHaveValue('혜산 장마당 이야기 — Hyesan market days');
  await expect(again.getByLabel('Workflow status')).toHaveValue('translating');
  await expect(again.getByLabel('Interview date')).toHaveValue('2026-05-02');
  await expect(again.getByLabel('Interview place')).toHaveValue('서울 마포구 (Mapo, Seoul)');
  await expect(again.getByLabel('Pseudonym')).toHaveValue('Kim Min-ji');
  await expect(again.getByLabel('Real name')).toHaveValue('박영희');
  await expect(again.getByLabel('Born and raised in (region)')).toHaveValue('함경북도 회령 (Hoeryong)');
  await expect(again.getByLabel('Year left North Korea')).toHaveValue('2019');
  await expect(again.getByLabel('Lives now in')).toHaveValue('Busan');
  await expect(again.getByLabel('Interviewer')).toHaveValue('J. Park');
  await expect(again.getByLabel('Translator')).toHaveValue('A. Kim');
  await expect(again.getByLabel('Consented to being recorded')).toBeChecked();
  await expect(again.getByLabel('Publication allowed')).toBeChecked();
  await expect(again.getByLabel('Question', { exact: true })).toHaveValue('How did people celebrate birthdays in North Korea?');
  await expect(again.getByLabel('Asked by (first name)')).toHaveValue('Tom');
  await expect(again.getByLabel('City')).toHaveValue('Bristol');
  await expect(again.getByLabel('Source language')).toHaveValue('ko');
  await expect(again.getByLabel('Target language')).toHaveValue('en');
  expect(second.outsideRequests).toEqual([]);
});

test('deleting asks first, naming the interview, and removes only that one', async ({ launch, dataDir }) => {
  const { page, outsideRequests } = await launch();
  for (const title of ['First interview', 'Second interview']) {
    await createInterview(page, title);
    await page.getByRole('button', { name: '← Library' }).click();
  }
  await page.getByRole('button', { name: 'Delete First interview' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete interview?' });
  await expect(confirm).toContainText('“First interview”');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('row', { name: /First interview/ })).toBeVisible();

  await page.getByRole('button', { name: 'Delete First interview' }).click();
  await confirm.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(page.getByRole('status')).toContainText('Deleted “First interview”.');
  await expect(page.getByRole('row', { name: /First interview/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Second interview/ })).toBeVisible();
  const { readdir } = await import('node:fs/promises');
  expect(await readdir(`${dataDir}/interviews`)).toHaveLength(1);
  expect(outsideRequests).toEqual([]);
});
