// `palier migrate`: applies the pending migrations to the configured database, then exits.

import { appliedMigrations } from "../store/database.js";
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
