import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.data', '.e2e-data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // the classic hook rules; the React Compiler rules do not apply (we do not use the compiler)
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // our import arrows (docs/architecture.md §7): app → features → commands/queries/stores/ui → api → lib
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zustand', message: 'zustand lives in src/stores only' }],
          patterns: [
            { group: ['**/emulator/**'], message: 'the app never imports the emulator' },
            { group: ['hls.js'], message: 'hls.js is loaded lazily by the video previewer only' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'only src/api/client.ts talks HTTP' }],
    },
  },
  { files: ['src/stores/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/features/player/**', 'src/features/viewer/**', 'src/previewers/video/**'], rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'zustand', message: 'zustand lives in src/stores only' }] }] } },
  { files: ['src/api/client.ts', 'src/api/transport.ts', 'src/**/*.test.{ts,tsx}', 'src/api/testing.ts'], rules: { 'no-restricted-globals': 'off' } },
  {
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/!(api)/**', '**/src/api/!(protocol)/**', '**/src/api/*.ts'], message: 'the emulator may import src/api/protocol only' }] }],
    },
  },
);
