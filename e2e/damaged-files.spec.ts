import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterview, expect, test } from './fixtures';

test('a damaged interview.json is reported, left untouched and copied; the rest of the library opens', async ({ launch, dataDir }) => {
  const first = await launch();
  await createInterview(first.page, 'Healthy interview');
  await expect(first.page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await first.close();

  const brokenFolder = join(dataDir, 'interviews', 'damaged-one');
  await mkdir(brokenFolder, { recursive: true });
  const damaged = '{"schemaVersion": 1, "title": "half a file';
  await writeFile(join(brokenFolder, 'interview.json'), damaged);

  const second = await launch();
  const { page } = second;
  await expect(page.getByRole('row', { name: /Healthy interview/ })).toBeVisible();
  const problem = page.getByTestId('unreadable-interview');
  await expect(problem).toContainText('Could not be read');
  await expect(problem).toContainText('damaged-one');
  await expect(problem).toContainText('not valid JSON');
  await expect(problem).toContainText('interview.json.unreadable-');

  expect(await readFile(join(brokenFolder, 'interview.json'), 'utf8')).toBe(damaged);
  const copies = (await readdir(brokenFolder)).filter((name) => name.startsWith('interview.json.unreadable-'));
  expect(copies).toHaveLength(1);
  expect(await readFile(join(brokenFolder, copies[0]!), 'utf8')).toBe(damaged);
  expect(second.outsideRequests).toEqual([]);
});

test('the renderer cannot reach the network: remote fetches and images are blocked before they leave', async ({ launch }) => {
  const { page, outsideRequests } = await launch();
  await expect(page.getByRole('heading', { name: 'No interviews yet' })).toBeVisible();
  const attempts = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    const fetched = await fetch('https://example.org/track').then(
      () => 'reached',
      () => 'blocked',
    );
    const image = await new Promise<string>((resolve) => {
      const img = new Image();
      img.onload = () => resolve('reached');
      img.onerror = () => resolve('blocked');
      img.src = 'http://example.net/pixel.png';
    });
    // Violation reports arrive as events of their own, after the refusals: wait for both kinds
    // (the test's timeout bounds the wait) rather than for a fixed time.
    await new Promise<void>((resolve) => {
      const seen = () => violations.some((directive) => directive.startsWith('connect-src')) && violations.some((directive) => directive.startsWith('img-src'));
      const check = () => (seen() ? resolve() : setTimeout(check, 10));
      check();
    });
    return { fetched, image, violations };
  });
  expect(attempts.fetched).toBe('blocked');
  expect(attempts.image).toBe('blocked');
  expect(attempts.violations).toEqual(expect.arrayContaining(['connect-src', 'img-src']));
  expect(outsideRequests).toEqual([]);
});
