import { defineConfig } from '@playwright/test';

// Browsers are never downloaded: the harness launches Debian's Chromium (or real Electron when
// its binary is present), see e2e/harness/launch-app.ts.
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Time budgets, not speed goals (those live in bench/): long enough for the longest test on a
  // two-core machine running two CPU-bound processes beside the suite (the hand-off tests take
  // 30-35 s quietly and went past 60 s so). A hang still fails, only later.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
});
