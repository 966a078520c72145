// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const reactHooks = require('eslint-plugin-react-hooks');

/** The bench is not part of the app: nothing under main/ imports it (tests reach its generator through test-support/). */
const NO_BENCH = { group: ['**/bench/**', '**/bench'], message: 'main/ never imports bench/.' };
/** Test support is not part of the app either: only tests import it. */
const NO_TEST_SUPPORT = { group: ['**/test-support/**'], message: 'Only tests import test-support/.' };

module.exports = tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'resources/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer talks only to window.configTool: never to Electron, Node or the engine.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', 'fs', 'path', 'child_process', 'better-sqlite3'],
              message: 'The renderer only talks to window.configTool.',
            },
            { group: ['**/main/**', '../../main/*'], message: 'The renderer must not import the engine or hosts.' },
          ],
        },
      ],
    },
  },
  // The typescript-eslint twin of no-restricted-imports, so these apply beside each folder's own rules.
  {
    files: ['main/**/*.ts'],
    ignores: ['main/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_BENCH, NO_TEST_SUPPORT] }] },
  },
  {
    files: ['main/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_BENCH] }] },
  },
  {
    files: ['main/engine/**/*.ts'],
    rules: {
      // The engine is a library: no Electron, no CLI, no HTTP.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', '**/electron/**', '**/cli/**', '**/web/**', 'ws'],
              message: 'The engine knows nothing of its hosts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts'],
    rules: {
      // IPC goes through the typed contract wrappers only.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^ipc(Main|Renderer)$/][arguments.0.type='Literal']",
          message: 'Use the channels of common/contract.ts, not string literals.',
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', 'eslint.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
