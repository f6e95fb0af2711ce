import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    // lowdb, steno, entities, marked, age-encryption and ml-kmeans are ESM-only: bundle them into the
    // CommonJS main process. zod is bundled too: its CommonJS build loads every locale's messages,
    // ~100 ms of every command-line run; bundled, only the English ones are kept. hanja's table of
    // readings is bundled as a literal: required, its thousands of keys were copied one by one
    // into an ES-module wrapper (~50 ms at every start).
    build: {
      externalizeDeps: { exclude: ['lowdb', 'steno', 'entities', 'marked', 'age-encryption', 'ml-kmeans', 'zod', 'hanja'] },
      // The app's entry, the `testimony` command line, built from the same services, and the
      // speech worker that runs whisper.cpp in a process of its own.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          'speech-worker': resolve(__dirname, 'src/main/services/speech/speech-worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require packages, so it is one self-contained script.
    build: { externalizeDeps: false },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: { rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') } },
    plugins: [react()],
  },
});
