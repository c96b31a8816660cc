import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// The API suites run on the embedded database; when TEST_DATABASE_URL is set they
// run on that PostgreSQL server instead, and only the files where the engine itself
// matters run on both. *.unit and *.once tests run on the first, *.postgres tests
// only on the second. End-to-end tests run once, their servers on the embedded
// database. docs/testing.md explains the settings that keep the run short.
const withPostgres = !!process.env.TEST_DATABASE_URL;
// Component tests (happy-dom) are *.unit.test.tsx: they need no database and run once.
const apiTests = ['src/**/*.test.ts', 'src/**/*.unit.test.tsx'];
const noDatabase = ['src/**/*.unit.test.ts', 'src/**/*.unit.test.tsx', 'src/**/*.once.test.ts'];
/**
 * Where the engine matters, not only the SQL: concurrent writes and their locks, text search
 * (extensions and dictionaries), dumps and restores, files written with their rows, sessions.
 */
const engineTests = [
  'src/features/events/capacity.test.ts',
  'src/platform/backup.test.ts',
  'src/features/search/*.test.ts',
  'src/platform/search/*.test.ts',
  'src/platform/files/uploads.test.ts',
  'src/platform/security/sessions.test.ts',
];

/** The longest files, started first so that the run does not end waiting for one of them. */
const slowFirst = [
  'src/platform/security/fuzz.once.test.ts',
  'src/platform/auth/matrix.once.test.ts',
  'src/main.unit.test.ts',
  'src/platform/backup.test.ts',
];

/**
 * The slow files first; then the end-to-end files spread among the others (an end-to-end file
 * keeps more than one core busy, with its server and browser, so two at once slow each other).
 */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const slow = slowFirst.flatMap((p) => sorted.filter((f) => f.moduleId.endsWith(`/${p}`)));
    const e2e = sorted.filter((f) => f.project.name === 'e2e');
    const rest = sorted.filter((f) => !slow.includes(f) && !e2e.includes(f));
    const gap = Math.floor(rest.length / (e2e.length + 1));
    return [...slow, ...e2e.flatMap((f, i) => [f, ...rest.slice(i * gap, (i + 1) * gap)]), ...rest.slice(e2e.length * gap)];
  }
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    sequence: { sequencer: SlowFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          include: withPostgres ? [...noDatabase, ...engineTests] : apiTests,
          exclude: ['src/**/*.postgres.test.ts'],
          env: { TEST_DB: 'pglite' },
          globalSetup: ['src/test/templates.ts'],
          // Each file builds its own app and database, so the files of a worker share its loaded modules.
          isolate: false,
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: apiTests,
                exclude: noDatabase,
                env: { TEST_DB: 'postgres' },
                globalSetup: ['src/test/templates.ts'],
                isolate: false,
              },
            },
          ]
        : []),
      // Each file starts its own server on a copy of the run's demo data (tests/e2e/global-setup.ts),
      // so the files run beside the others. Sharing the machine with them, a page may take more than
      // expect.poll's default second to show what it shows.
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 180_000,
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
