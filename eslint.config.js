import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';

// The import arrows of docs/architecture.md §2, enforced on resolved paths: what each part of src/
// may import from the rest of src/ (its own folder always). Parts not listed — app/, main.tsx,
// sw.ts — may import anything.
const below = ['api', 'lib', 'i18n', 'locales', 'stores', 'config.ts', 'routing'];
const sharedModules = ['widgets', 'uploads', 'previewers'];
const mayImport = {
  'api/protocol': [],
  api: [],
  'config.ts': [],
  routing: [],
  // the protocol's item types, and i18n only for the active locale that formatting defaults to
  lib: ['api/protocol', 'i18n'],
  locales: ['i18n'],
  i18n: ['api', 'stores', 'locales'],
  stores: ['api', 'lib', 'i18n', 'locales', 'config.ts'],
  queries: ['api', 'lib', 'i18n', 'locales'],
  commands: [...below, 'queries'],
  ui: ['api/protocol', 'lib', 'i18n', 'locales', 'stores', 'routing'],
  ...Object.fromEntries(sharedModules.map((m) => [m, [...below, 'queries', 'commands', 'ui', ...sharedModules]])),
  features: [...below, 'queries', 'commands', 'ui', ...sharedModules],
};
const srcDir = `${import.meta.dirname}/src`;
const srcEntries = readdirSync(srcDir).filter((e) => !e.endsWith('.d.ts'));
const features = readdirSync(`${srcDir}/features`, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

function layerZones() {
  const zones = [];
  for (const [part, allowed] of Object.entries(mayImport)) {
    const [top, inner] = part.split('/');
    const message = `src/${part} may import ${allowed.length ? `only ${allowed.join(', ')}` : 'nothing else of src/'} (docs/architecture.md §2)`;
    for (const entry of srcEntries) {
      const sub = entry === top ? inner : allowed.find((a) => a.startsWith(`${entry}/`))?.slice(entry.length + 1);
      if ((entry === top && !inner) || allowed.includes(entry)) continue;
      zones.push({ target: `./src/${part}`, from: `./src/${entry}`, ...(sub && { except: [`./${sub}`] }), message });
    }
  }
  // views stay independent: what two of them need moves to a shared module or below
  for (const f of features) {
    zones.push({ target: `./src/features/${f}`, from: './src/features', except: [`./${f}`], message: 'features do not import each other: move what both need to a shared module (src/widgets, src/uploads, src/previewers) or below' });
  }
  return zones;
}

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
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerZones() }] },
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
