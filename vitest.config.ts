import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts", "scripts/**/*.test.ts"],
    testTimeout: 30_000,
    // Builds the migrated PGlite dump and, with TEST_DATABASE_URL, the PostgreSQL template.
    globalSetup: ["test/support/globalSetup.ts"],
  },
});
