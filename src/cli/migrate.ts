// `palier migrate`: applies the pending migrations to the configured database, then exits.

import { sql } from "drizzle-orm";
import type { Database } from "../store/database.js";
import { type CommandIo, CommandError, configFrom, describeStore, openStore, processIo, runCommand } from "./openStore.js";

/** Runs `palier migrate`; returns the exit status (0 done, 1 the database failed, 2 bad configuration). */
export async function migrateCommand(io: CommandIo = processIo()): Promise<number> {
  return runCommand("migrate", io, async () => {
    const config = configFrom(io.env);
    const database = await openStore(config);
    try {
      const before = await appliedMigrations(database);
      try {
        await database.migrate();
      } catch (error) {
        throw new CommandError(`migrating ${describeStore(config)} failed: ${(error as Error).message}`, 1);
      }
      const after = await appliedMigrations(database);
      const applied = after - before;
      io.out(
        applied > 0
          ? `Applied ${applied} migration${applied === 1 ? "" : "s"} to ${describeStore(config)}; it is up to date.\n`
          : `${describeStore(config)} is up to date (${after} migrations applied earlier).\n`,
      );
      return 0;
    } finally {
      await database.close();
    }
  });
}

/** How many migrations the database has recorded (drizzle's journal table; 0 before the first). */
async function appliedMigrations(database: Database): Promise<number> {
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const [journal] = await rows<{ exists: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`);
  if (!journal?.exists) return 0;
  const [count] = await rows<{ n: number | string }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(count?.n ?? 0);
}
