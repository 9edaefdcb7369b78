import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts", "scripts/**/*.test.ts"],
    testTimeout: 30_000,
    // A suite's set-up opens a database, signs people in (argon2) or starts a server: with
    // several files at once on a small machine, more than Vitest's default 10 s.
    hookTimeout: 60_000,
    // Many files spend their time waiting on PostgreSQL, a `palier serve` child process or
    // Chromium: one file per core (Vitest's default is one less) leaves a two-core machine idle.
    maxWorkers: Math.max(3, availableParallelism()),
    // Builds the migrated PGlite dump and, with TEST_DATABASE_URL, the PostgreSQL template.
    globalSetup: ["test/support/globalSetup.ts"],
  },
});
