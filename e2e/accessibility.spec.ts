import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Serious and critical WCAG 2.1 A/AA problems axe-core finds on what is on screen now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.length}× ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
}

test('every view passes axe-core (WCAG 2.1 AA) with no serious or critical violation', async ({ launch }) => {
  const { page } = await launch();
  const found: Record<string, string[]> = {};
  await expect(page.getByRole('button', { name: 'Open sample interview' })).toBeVisible();
  found.library = await seriousViolations(page);
  await page.getByRole('button', { name: 'Open sample interview' }).click();
  await expect(page.getByText('20 segments')).toBeVisible();
  found.transcribe = await seriousViolations(page);
  // Every Transcribe control is in the Tab order (none left at tabindex -1), import included.
  const skipped = await page.getByTestId('transcribe').evaluate((panel) =>
    [...panel.querySelectorAll<HTMLElement>('button, select, input:not([type=file]), textarea')].filter((element) => element.tabIndex < 0).map((element) => element.outerHTML.slice(0, 80)),
  );
  expect(skipped).toEqual([]);
  await page.getByRole('tab', { name: 'Transcribe' }).focus();
  const reached: string[] = [];
  for (let step = 0; step < 12; step += 1) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''));
  }
  expect(reached).toContain('Play / pause');
  expect(reached).toContain('Import transcript…');
  await page.getByRole('tab', { name: 'Details' }).click();
  found.details = await seriousViolations(page);
  await page.getByRole('tab', { name: 'Translate' }).click();
  await expect(page.getByTestId('translate-progress')).toBeVisible();
  found.translate = await seriousViolations(page);
  await page.getByRole('tab', { name: 'Edit & Export' }).click();
  found.edit = await seriousViolations(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  found.settings = await seriousViolations(page);
  expect(found).toEqual({ library: [], transcribe: [], details: [], translate: [], edit: [], settings: [] });
});
