import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup-fast-check.ts'],
    globalSetup: ['test/build-dist-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Subprocess and worker tests share the machine; keep a little headroom.
    maxWorkers: 2,
  },
});
