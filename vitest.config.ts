import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', './tests/support/count-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two cores: oracle and worker tests are CPU-bound, so run files one or two at a time.
    maxWorkers: 2,
  },
});
