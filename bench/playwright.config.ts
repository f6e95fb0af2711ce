import { defineConfig } from '@playwright/test';

// UI benchmarks: the built renderer in the same harness as e2e, printing numbers (no pass/fail on time).
export default defineConfig({
  testDir: '.',
  testMatch: '*.ui.ts',
  outputDir: '../test-results/bench',
  timeout: 300_000,
  workers: 1,
  reporter: [['list']],
});
