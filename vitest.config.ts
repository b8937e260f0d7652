import { defineConfig } from 'vitest/config';

/**
 * `npm run test:unit`: domain unit tests, the web app's pure helpers (no DOM), and server tests
 * against a real database (PGlite by default; PostgreSQL when TEST_DATABASE_URL is set). Browser
 * tests run separately (Playwright).
 */
export default defineConfig({
  test: {
    watch: false,
    allowOnly: false,
    // Each server test file opens its own database; two cores cannot usefully run more at once.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'domain',
          root: 'packages/domain',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'web',
          root: 'packages/web',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          root: 'packages/server',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['src/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The benchmarks' own parts (the data generator, the report), on the same real database.
        test: {
          name: 'bench',
          root: 'bench',
          include: ['**/*.test.ts'],
          environment: 'node',
          globalSetup: ['../packages/server/src/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
