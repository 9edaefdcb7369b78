// The rows of a raw statement: drizzle's `execute` gives the driver's result, whose `rows` both
// PGlite and node-postgres fill (snake case, bigint as text on pg).

import type { SQL } from "drizzle-orm";
import type { Db } from "../database.js";

/** The rows of a driver result from `db.execute(…)`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Runs a raw statement and returns its rows, typed as the caller says they are. */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}
