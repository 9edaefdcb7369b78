// `palier seed --demo`: writes the demo workspace into the configured database on demand
// (serve does it by itself on an empty database); refuses when the demo is already there.

import type { Db } from "../store/database.js";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../demo/workspace.js";
import { loadSecretKey } from "../channels/sealedSecret.js";
import { DemoAlreadySeededError, DemoConflictError, type DemoSummary, hasDemo, seedDemo } from "../demo/seedDemo.js";
import { hashPassword } from "../store/passwords.js";
import { type CommandIo, CommandError, configFrom, describeStore, openStore, processIo, runCommand } from "./openStore.js";
import { systemClock } from "./systemClock.js";

export interface SeedOptions {
  /** Seed the demo workspace (the only thing there is to seed so far). */
  demo?: boolean;
}

/** Runs `palier seed`; returns the exit status (0 seeded, 1 refused or failed, 2 usage or configuration). */
export async function seedCommand(options: SeedOptions, io: CommandIo = processIo()): Promise<number> {
  return runCommand("seed", io, async () => {
    if (!options.demo) throw new CommandError("say what to seed: --demo (the demo workspace)", 2);
    const config = configFrom(io.env);
    const database = await openStore(config);
    try {
      await database.migrate();
      // A manual clock (PALIER_CLOCK=manual) seeds the demo before its start, as `serve` would.
      const now = config.manualClock ? (config.clockStart ?? systemClock.now()) : systemClock.now();
      const summary = await seedDemoWorkspace(database.db, now, loadSecretKey({ configured: config.secretKey, dataDir: config.dataDir }));
      io.out(`Seeded the demo workspace into ${describeStore(config)}: ${describeSummary(summary)}.\n${demoLoginsText()}`);
      return 0;
    } finally {
      await database.close();
    }
  });
}

/** Seeds the demo at `now`, hashing the demo password once, sealing its secrets under `secretKey`; CommandError when refused. */
export async function seedDemoWorkspace(db: Db, now: Date, secretKey: Buffer): Promise<DemoSummary> {
  try {
    if (await hasDemo(db)) throw new DemoAlreadySeededError();
    return await seedDemo(db, { now, passwordHash: await hashPassword(DEMO_PASSWORD), secretKey });
  } catch (error) {
    if (error instanceof DemoAlreadySeededError || error instanceof DemoConflictError) throw new CommandError(error.message, 1);
    throw error;
  }
}

/** "200 tickets (630 messages), 20 agents in 4 teams, 50 customers in 6 organizations". */
export function describeSummary(summary: DemoSummary): string {
  return `${summary.tickets} tickets (${summary.messages} messages), ${summary.agents} agents in ${summary.teams} teams, ${summary.customers} customers in ${summary.organizations} organizations`;
}

/** The demo logins, one a line, for the console. */
export function demoLoginsText(): string {
  const width = Math.max(...DEMO_LOGINS.map((login) => login.email.length));
  const lines = DEMO_LOGINS.map((login) => `  ${login.email.padEnd(width)}  ${login.who}`);
  return `Demo logins (password "${DEMO_PASSWORD}"):\n${lines.join("\n")}\n`;
}
