import { defineConfig } from 'vitest/config';

// The API suites run on the embedded database and, when TEST_DATABASE_URL is
// set, again on that PostgreSQL server (*.unit and *.once tests run only on the
// first, *.postgres tests only on the second). End-to-end tests run once.
const withPostgres = !!process.env.TEST_DATABASE_URL;
const apiTests = ['src/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          include: apiTests,
          exclude: ['src/**/*.postgres.test.ts'],
          env: { TEST_DB: 'pglite' },
          globalSetup: ['src/test/templates.ts'],
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: apiTests,
                exclude: ['src/**/*.unit.test.ts', 'src/**/*.once.test.ts'],
                env: { TEST_DB: 'postgres' },
                globalSetup: ['src/test/templates.ts'],
              },
            },
          ]
        : []),
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], fileParallelism: false, testTimeout: 180_000 } },
    ],
  },
});
