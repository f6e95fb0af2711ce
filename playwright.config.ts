import { defineConfig } from '@playwright/test';

// Browsers are never downloaded: the harness launches Debian's Chromium (or real Electron when
// its binary is present), see e2e/harness/launch-app.ts.
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
});
