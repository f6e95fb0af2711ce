import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./vitest.global-setup.mts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
