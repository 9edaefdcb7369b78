// `palier seed --demo` in process: seeds a new data directory once, then refuses; without
// --demo it says what it can seed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../store/database.js";
import { countTickets } from "../store/tickets/ticketList.js";
import type { CommandIo } from "./openStore.js";
import { seedCommand } from "./seed.js";

const dir = mkdtempSync(join(tmpdir(), "palier-seed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { PALIER_DATA_DIR: join(dir, "data") };

/** Runs a command with `env`, capturing what it prints. */
async function captured(run: (io: CommandIo) => Promise<number>, env: NodeJS.ProcessEnv): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await run({ env, out: (text) => (out += text), err: (text) => (err += text) });
  return { status, out, err };
}

describe("palier seed", () => {
  it("seeds the demo workspace into a new data directory and lists its logins", async () => {
    const run = await captured((io) => seedCommand({ demo: true }, io), env);
    expect(run).toMatchObject({ status: 0, err: "" });
    expect(run.out).toMatch(/^Seeded the demo workspace into PGlite in .*: 200 tickets \(\d+ messages\), \d+ agents in 4 teams/);
    expect(run.out).toContain('Demo logins (password "demo-palier")');
    expect(run.out).toContain("lea.martin@demo.palier.local");
    expect(run.out).toContain("marie.dubois@example.com");
    // The demo runs through the product's own operations: tens of seconds on a loaded machine.
  }, 240_000);

  it("refuses a second time and changes nothing", async () => {
    const run = await captured((io) => seedCommand({ demo: true }, io), env);
    expect(run.status).toBe(1);
    expect(run.err).toBe("palier seed: the demo workspace is already there (agents @demo.palier.local); nothing was changed\n");
    const database = await openDatabase({ dataDir: env.PALIER_DATA_DIR });
    try {
      expect(await countTickets(database.db)).toBe(200);
    } finally {
      await database.close();
    }
  }, 60_000);

  it("asks what to seed without --demo", async () => {
    const run = await captured((io) => seedCommand({}, io), env);
    expect(run).toEqual({ status: 2, out: "", err: "palier seed: say what to seed: --demo (the demo workspace)\n" });
  });
});
