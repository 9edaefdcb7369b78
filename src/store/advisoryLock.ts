// Transaction-scoped advisory locks: serialize work that several processes could start at once
// on one database (a first start seeding the demo beside a `palier seed`).

import { sql } from "drizzle-orm";
import type { Db } from "./database.js";

/** Waits for the advisory lock `key`, held until `tx` ends (commit or rollback). */
export async function lockUntilCommit(tx: Db, key: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
}
