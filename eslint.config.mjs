// Lint, including the rule that decides which process a file may run in:
//   renderer → shared, preload → shared, main → services → shared; never the other way.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'stream', 'http', 'https', 'net'];

/** Forbids importing from the given folders (relative imports at any depth) and modules. */
function restrict(message, { folders = [], modules = [] }) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...folders.map((folder) => ({ group: [`**/${folder}`, `**/${folder}/**`], message })),
          ...(modules.length ? [{ group: modules, message }] : []),
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: restrict('shared/ is the contract: it imports nothing from node, electron, the DOM or the processes.', {
      folders: ['main', 'preload', 'renderer'],
      modules: ['electron', 'react', 'react-dom', ...nodeBuiltins],
    }),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict('The renderer reaches the main side only through window.desk (src/shared/contract.ts).', {
        folders: ['main', 'preload', 'services'],
        modules: ['electron', ...nodeBuiltins],
      }),
    },
  },
  {
    // One composition guard (src/renderer/ime.ts) for every key handler and form, so Korean
    // typed through an input method never triggers a command or submits half a syllable.
    files: ['src/renderer/**/*.tsx', 'src/renderer/**/*.ts'],
    ignores: ['src/renderer/ime.ts', 'src/renderer/components/ImeSafeForm.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXOpeningElement[name.name='form']", message: 'Use <ImeSafeForm> (components/ImeSafeForm.tsx): Enter that commits a Korean syllable must not submit.' },
        { selector: "MemberExpression[property.name='isComposing']", message: 'Use isImeKeystroke or isComposingChange from src/renderer/ime.ts.' },
      ],
    },
  },
  {
    files: ['src/preload/**'],
    rules: restrict('The preload only builds window.desk from the shared contract.', {
      folders: ['main', 'renderer', 'services'],
      modules: ['lowdb', 'docx', ...nodeBuiltins],
    }),
  },
  {
    files: ['src/main/services/**'],
    rules: restrict('services/ is plain Node, testable without Electron, and knows nothing of the UI.', {
      folders: ['renderer', 'preload'],
      modules: ['electron', 'react', 'react-dom'],
    }),
  },
  {
    files: ['src/main/*.ts'],
    rules: restrict('The main process never imports the renderer or the preload.', { folders: ['renderer', 'preload'] }),
  },
  {
    files: ['src/main/cli.ts'],
    rules: restrict('The command line runs in plain Node: no Electron.', { folders: ['renderer', 'preload'], modules: ['electron'] }),
  },
  {
    files: ['bin/**/*.cjs', 'scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['e2e/**', 'scripts/**', 'bench/**', '**/*.test.ts', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
);
