import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup-fast-check.ts'],
    globalSetup: ['test/build-dist-setup.ts'],
    // A hang guard, not a speed check (speed lives in `npm run bench`): far
    // above the slowest test on a heavily loaded 2-core machine, so that load
    // can never fail a test. No test sets a shorter limit of its own.
    testTimeout: 900_000,
    hookTimeout: 900_000,
    // Subprocess and worker tests share the machine; keep a little headroom.
    maxWorkers: 2,
  },
});
