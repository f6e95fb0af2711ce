import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Tests that something is let go of (a list of segments after the next keystroke) collect garbage.
    execArgv: ['--expose-gc'],
    globalSetup: ['./vitest.global-setup.mts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
