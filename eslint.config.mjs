// Lint: TypeScript rules plus the architecture's import boundaries, so layers stay apart by construction.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const platformFree = {
  patterns: [
    { group: ['@tarojs/*', 'react', 'react-dom'], message: 'Domain and contract code must not depend on Taro or React.' },
    { group: ['node:*', 'fs', 'path', 'http', 'crypto'], message: 'Domain and contract code runs in the mini-program too: no Node built-ins.' },
    { group: ['**/cloudfunctions/**', 'tcb-admin-node', 'better-sqlite3'], message: 'Domain and contract code must not import server code or SDKs.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'tests/.tmp/**', '**/*.LEGAL.txt'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', fetch: 'readonly', AbortController: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', performance: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  { files: ['src/domain/**/*.ts'], rules: { 'no-restricted-imports': ['error', platformFree] } },
  {
    files: ['src/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: platformFree.patterns,
          paths: ['zod', 'zod/v4'].map((name) => ({ name, message: 'Contracts ship in the mini-program: import zod/mini.' })),
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/domain/**', 'src/contracts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/cloudfunctions/**', 'tcb-admin-node', 'better-sqlite3', 'node:*'], message: 'The app talks to the server only through src/services/api.ts.' }] },
      ],
    },
  },
  {
    files: ['cloudfunctions/**/*.ts'],
    ignores: ['cloudfunctions/_lib/adapters/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tarojs/*', 'react'], message: 'Server code must not import the app framework.' },
            { group: ['tcb-admin-node', 'better-sqlite3'], message: 'Only the store adapters may use the database SDKs.' },
            { group: ['**/src/pages/**', '**/src/packages/**', '**/src/components/**', '**/src/services/**'], message: 'Server code may import only src/contracts and src/domain.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // TypeScript itself checks names in .ts files (typescript-eslint's advice).
  { files: ['**/*.{ts,tsx}'], rules: { 'no-undef': 'off' } },
  {
    // End-to-end scripts pass functions into the browser page.
    files: ['tests/e2e/**'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', getComputedStyle: 'readonly', Blob: 'readonly', localStorage: 'readonly', location: 'readonly' } },
  },
);
