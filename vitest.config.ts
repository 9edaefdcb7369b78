import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/** Pure unit tests: no database, no server, no process state of their own. */
const UNIT = ["src/core/**/*.test.ts", "src/web/**/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // A suite's set-up opens a database, signs people in (argon2) or starts a server: with
    // several files at once on a small machine, more than Vitest's default 10 s.
    hookTimeout: 60_000,
    // Many files spend their time waiting on PostgreSQL, a `palier serve` child process or
    // Chromium: one file per core (Vitest's default is one less) leaves a two-core machine idle.
    maxWorkers: Math.max(3, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: UNIT,
          // Loading the catalogue and the core once per worker rather than once per file: these
          // files share no state but the modules they import, which they only read.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["src/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: UNIT,
          // Each file opens its own database and starts its own servers, and closes them: what
          // files share in a worker is the modules they import (the app, the store, the
          // catalogue), loaded once per worker instead of once per file.
          isolate: false,
          // Builds the migrated PGlite dump and, with TEST_DATABASE_URL, the PostgreSQL template.
          globalSetup: ["test/support/globalSetup.ts"],
        },
      },
    ],
  },
});
