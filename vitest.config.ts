import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// The API suites run on the embedded database and, when TEST_DATABASE_URL is
// set, again on that PostgreSQL server (*.unit and *.once tests run only on the
// first, *.postgres tests only on the second). End-to-end tests run once.
// docs/testing.md explains the settings that keep the run short.
const withPostgres = !!process.env.TEST_DATABASE_URL;
const apiTests = ['src/**/*.test.ts'];

/** The longest files, started first so that the run does not end waiting for one of them. */
const slowFirst = [
  'src/platform/security/fuzz.once.test.ts',
  'src/platform/auth/matrix.once.test.ts',
  'src/main.unit.test.ts',
  'src/platform/backup.test.ts',
  'tests/e2e/',
];

class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = slowFirst.findIndex((p) => f.moduleId.includes(`/${p}`));
      return i === -1 ? slowFirst.length : i;
    };
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
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
          include: apiTests,
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
                exclude: ['src/**/*.unit.test.ts', 'src/**/*.once.test.ts'],
                env: { TEST_DB: 'postgres' },
                globalSetup: ['src/test/templates.ts'],
                isolate: false,
              },
            },
          ]
        : []),
      // Each file starts its own server on a copy of the run's demo data (tests/e2e/global-setup.ts),
      // so the files run beside the others.
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/e2e/global-setup.ts'], testTimeout: 180_000 },
      },
    ],
  },
});
