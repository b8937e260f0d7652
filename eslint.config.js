// Lint, including the import boundaries that keep docs/ARCHITECTURE.md true:
// web → domain and server → domain, never web ↔ server; domain has no I/O; the client and
// practitioner apps never import each other; inside a server feature, routes → service → repo.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noIo = ['node:*', 'fs', 'path', 'http', 'crypto', 'fastify', 'fastify-*', '@fastify/*', 'kysely', 'pg', '@electric-sql/*'];

function restrict(patterns) {
  return ['error', { patterns }];
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.tmp/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
      eqeqeq: 'error',
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: noIo, message: 'packages/domain is pure: no Node, SQL or HTTP.' },
        { group: ['react', 'react-*', '@tandem/server', '@tandem/web', '**/server/**', '**/web/**'], message: 'domain imports nothing of the apps.' },
      ]),
    },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['react', 'react-*', '@tandem/web', '**/web/src/**'], message: 'server never imports web.' },
      ]),
    },
  },
  {
    files: ['packages/server/src/modules/**/*.repo.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/*.routes', '**/*.service'], message: 'inside a feature: routes → service → repo.' },
      ]),
    },
  },
  {
    files: ['packages/server/src/modules/**/*.service.ts', 'packages/server/src/modules/**/*.policy.ts'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['**/*.routes'], message: 'inside a feature: routes → service → repo.' }]),
    },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        { group: [...noIo, '@tandem/server', '**/server/src/**'], message: 'web talks to the server over HTTP only.' },
      ]),
    },
  },
  {
    files: ['packages/web/src/client/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        { group: [...noIo, '@tandem/server', '**/server/src/**'], message: 'web talks to the server over HTTP only.' },
        { group: ['**/practitioner/**', '**/practitioner.json'], message: 'the client app never imports practitioner code.' },
      ]),
    },
  },
  {
    files: ['packages/web/src/practitioner/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        { group: [...noIo, '@tandem/server', '**/server/src/**'], message: 'web talks to the server over HTTP only.' },
        { group: ['**/client/**', '**/client.json'], message: 'the practitioner app never imports client-app code.' },
      ]),
    },
  },
  {
    files: ['scripts/**/*.mjs', 'packages/server/src/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['packages/web/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
