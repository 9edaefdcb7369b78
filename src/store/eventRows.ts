// Timeline event ids drawn ahead from the events' sequence, so that a batch can give an event
// its place before the events it causes are written (the events themselves go through
// writeEvents, one statement for the whole batch).

import { sql } from "drizzle-orm";
import type { Db } from "./database.js";
import { rowsOf } from "./sql/rows.js";

/**
 * Draws `count` ids from the events' sequence, in ascending order: an event given the first of
 * them precedes, on the timeline, the events written afterwards in the same transaction (a
 * step's event before the events its own actions write, as cause before effect).
 */
export async function drawEventIds(tx: Db, count: number): Promise<number[]> {
  if (count <= 0) return [];
  const result = await tx.execute(sql`select nextval(pg_get_serial_sequence('ticket_events', 'id'))::text as id from generate_series(1, ${count}::int)`);
  return rowsOf<{ id: string }>(result)
    .map((r) => Number(r.id))
    .sort((a, b) => a - b);
}
