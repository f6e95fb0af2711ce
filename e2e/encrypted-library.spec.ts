import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, screenshotPath, test } from './fixtures';

const sampleRecording = resolve(__dirname, '../resources/sample/recording.ogg');

/** Every file under the library, as bytes. */
async function libraryFiles(dataDir: string): Promise<{ path: string; bytes: Buffer }[]> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((entry) => entry.isFile()).map(async (entry) => ({ path: join(entry.parentPath, entry.name), bytes: await readFile(join(entry.parentPath, entry.name)) })));
}

test('an encrypted library: created with a passphrase, recording played from ciphertext, locked when idle mid-typing without losing a key, unlocked, passphrase changed, relaunched', async ({ launch, dataDir }) => {
  let app = await launch({ firstRun: true });
  let { page } = app;
  await expect(page.getByRole('heading', { name: 'How should this library be kept?' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Encrypted \(recommended\)/ })).toBeChecked();
  await page.getByLabel('Passphrase', { exact: true }).fill('river crossing 2014');
  await page.getByLabel('Repeat the passphrase').fill('river crossing 2014');
  await page.screenshot({ path: screenshotPath('setup-encrypted') });
  await page.getByRole('button', { name: 'Create library' }).click();
  const recoveryKey = (await page.getByTestId('recovery-key').textContent())!.trim();
  expect(recoveryKey).toMatch(/^([A-Z2-9]{5}-){5}[A-Z2-9]{5}$/);
  await page.screenshot({ path: screenshotPath('recovery-key') });
  await page.getByRole('button', { name: 'I have written it down' }).click();

  // Import the sample recording, seek and play: served from the encrypted file, range by range.
  await page.getByRole('button', { name: 'Create interview' }).first().click();
  await page.getByRole('dialog').getByLabel('Title').fill('암호 인터뷰');
  await page.getByRole('dialog').getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByRole('tab', { name: 'Transcribe' }).click();
  await app.answerOpenDialog(sampleRecording);
  await page.getByRole('button', { name: 'Import recording…' }).click();
  await expect(page.getByTestId('playhead')).toHaveText('00:00:00 / 00:02:04');
  await expect(page.getByTestId('waveform')).toHaveAttribute('data-ready', 'true');
  await page.getByLabel('Jump to (mm:ss)').fill('1:00');
  await page.getByLabel('Jump to (mm:ss)').press('Enter');
  await page.getByTestId('transcribe').focus();
  await page.keyboard.press('Escape'); // play
  await expect.poll(async () => page.getByTestId('playhead').textContent()).toMatch(/^00:01:0[1-9]/);
  await page.keyboard.press('Escape');

  const sample = await readFile(sampleRecording);
  for (const { path, bytes } of await libraryFiles(dataDir)) {
    if (path.endsWith('library.lock')) continue;
    expect(bytes.subarray(0, 21).toString(), path).toBe('age-encryption.org/v1');
    expect(bytes.includes(sample.subarray(50_000, 50_064)), path).toBe(false);
    expect(bytes.includes(Buffer.from('암호 인터뷰')), path).toBe(false);
  }

  // Typing, then the laptop is left alone: the idle lock saves what was typed first.
  await page.getByTestId('transcribe').focus();
  await page.keyboard.press('Enter');
  await page.clock.install();
  await page.keyboard.type('잠기기 전에 쓴 말');
  await page.clock.fastForward('16:00');
  await expect(page.getByRole('heading', { name: 'This library is locked' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('unlock-screen') });

  await page.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase does not open this library');
  await page.getByLabel('Passphrase', { exact: true }).fill('river crossing 2014');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('button', { name: '암호 인터뷰', exact: true }).click();
  await page.getByRole('tab', { name: 'Transcribe' }).click();
  await expect(page.getByLabel('Text of segment 1', { exact: true })).toHaveValue('잠기기 전에 쓴 말');

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('public-key')).toHaveText(/^age1[0-9a-z]{58}$/);
  await expect(page.getByTestId('public-key-qr').locator('svg')).toBeVisible();
  await page.getByTestId('public-key-qr').screenshot({ path: screenshotPath('public-key-qr') });
  await page.getByLabel('Current passphrase').fill('river crossing 2014');
  await page.getByLabel('New passphrase').fill('a new passphrase, 2026');
  await page.getByLabel('Repeat the passphrase').fill('a new passphrase, 2026');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The passphrase was changed' })).toBeVisible();
  expect(app.outsideRequests).toEqual([]);
  await app.close();

  app = await launch();
  page = app.page;
  await expect(page.getByRole('heading', { name: 'This library is locked' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('river crossing 2014');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('does not open');
  await page.getByLabel('Passphrase', { exact: true }).fill(recoveryKey.toLowerCase());
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: '암호 인터뷰', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill('a new passphrase, 2026');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: '암호 인터뷰', exact: true })).toBeVisible();
});

test('a plain library is encrypted in place from Settings, and locks from then on', async ({ launch, dataDir }) => {
  const app = await launch();
  const { page } = app;
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await expect(page.getByText('20 segments')).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('button', { name: 'Lock' })).toHaveCount(0);
  await page.getByLabel('Passphrase', { exact: true }).fill('encrypt it now');
  await page.getByLabel('Repeat the passphrase').fill('encrypt it now');
  await page.getByRole('button', { name: 'Encrypt now' }).click();
  const result = page.getByTestId('encrypted-result');
  await expect(result).toContainText(/\d+ files were encrypted in place/);
  await expect(result).toContainText('full-disk encryption');
  await page.screenshot({ path: screenshotPath('encrypted-in-place'), fullPage: true });
  await page.getByRole('button', { name: 'I have written it down' }).click();
  for (const { path, bytes } of await libraryFiles(dataDir)) {
    if (!path.endsWith('library.lock')) expect(bytes.subarray(0, 21).toString(), path).toBe('age-encryption.org/v1');
  }
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'This library is locked' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('encrypt it now');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: '장마당에서 자란 아이 — Growing up in the market', exact: true })).toBeVisible();
  expect(app.outsideRequests).toEqual([]);
});
