// `palier migrate` in process: a fresh data directory, again (a no-op), a locked directory,
// and an invalid configuration.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockDataDir } from "../store/dataDirLock.js";
import { migrateCommand } from "./migrate.js";
import type { CommandIo } from "./openStore.js";

const dir = mkdtempSync(join(tmpdir(), "palier-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a command with `env`, capturing what it prints. */
async function captured(run: (io: CommandIo) => Promise<number>, env: NodeJS.ProcessEnv): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await run({ env, out: (text) => (out += text), err: (text) => (err += text) });
  return { status, out, err };
}

const env = { PALIER_DATA_DIR: join(dir, "data") };

describe("palier migrate", () => {
  it("applies every migration to a new data directory, then finds nothing to do", async () => {
    const first = await captured(migrateCommand, env);
    expect(first).toMatchObject({ status: 0, err: "" });
    expect(first.out).toMatch(/^Applied \d+ migrations to PGlite in .*data; it is up to date\.\n$/);
    const again = await captured(migrateCommand, env);
    expect(again).toMatchObject({ status: 0, err: "" });
    expect(again.out).toMatch(/is up to date \(\d+ migrations applied earlier\)/);
  }, 60_000);

  it("exits 1 naming the data directory when another process holds it", async () => {
    const release = lockDataDir(join(dir, "data"));
    try {
      const run = await captured(migrateCommand, env);
      expect(run.status).toBe(1);
      expect(run.err).toContain(`palier migrate: the data directory ${join(dir, "data")} is in use`);
    } finally {
      release();
    }
  });

  it("exits 2 listing every configuration problem", async () => {
    const run = await captured(migrateCommand, { ...env, PORT: "eighty", PALIER_CLOCK: "sundial" });
    expect(run.status).toBe(2);
    expect(run.err).toContain("palier migrate: invalid configuration");
    expect(run.err).toContain("PORT");
    expect(run.err).toContain("PALIER_CLOCK");
  });

  it("exits 1 with the server's words when PostgreSQL is unreachable", async () => {
    const run = await captured(migrateCommand, { DATABASE_URL: "postgres://nobody:secret@127.0.0.1:1/none" });
    expect(run.status).toBe(1);
    expect(run.err).toMatch(/^palier migrate: cannot open the database \(PostgreSQL at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none\): /);
    expect(run.err).not.toContain("secret");
  });
});
