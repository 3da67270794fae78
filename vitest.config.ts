// Three layers (STYLE.md §15): unit tests of pure logic, integration tests against a real Neo4j,
// and end-to-end tests in headless Chromium. Files run one at a time because integration and e2e
// files share the test database and each resets it to the data it needs.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/neo4j-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/neo4j-global-setup.ts', 'tests/support/app-global-setup.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
