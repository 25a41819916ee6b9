// Test projects: `unit` (node, beside the code), `worker` (the Worker in workerd), `e2e` (real Chromium).
import { defineConfig } from 'vitest/config';

const unitIncludes = ['domain', 'ledger', 'hardware', 'kiosk', 'admin', 'portal', 'seeds', 'bench']
  .map((folder) => `${folder}/**/*.test.{ts,tsx}`)
  .concat(['tests/contract/**/*.test.ts']);

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: unitIncludes, environment: 'node', testTimeout: 60_000 } },
      { test: { name: 'worker', include: ['tests/worker/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 180_000 } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 240_000, fileParallelism: false } },
    ],
  },
});
