import { defineConfig } from 'vitest/config';

// Fault tests (npm run test:faults): real server processes killed, PostgreSQL
// restarted, the mail server down. Slow and machine-wide, so one at a time.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
