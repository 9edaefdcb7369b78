// A ticket's clock history read from ticket_events (created, messages, status and priority
// changes), one query for one ticket or a batch, for the core's replayClocks.

import { sql } from "drizzle-orm";
import { clockHistoryOf, type TimelineEvent } from "../../core/sla/clockTimeline.js";
import type { ClockHistory } from "../../core/sla/replay.js";
import type { Priority } from "../../core/ticket/ticket.js";
import type { Db } from "../database.js";

/** The clock history of a stored ticket, in one query. */
export async function loadClockHistory(tx: Db, ticket: { number: number; createdAt: Date; priority: Priority }): Promise<ClockHistory> {
  return (await loadClockHistories(tx, [ticket])).get(ticket.number) as ClockHistory;
}

/** The clock histories of stored tickets, by number, in one query whatever their count. */
export async function loadClockHistories(
  tx: Db,
  tickets: readonly { number: number; createdAt: Date; priority: Priority }[],
): Promise<Map<number, ClockHistory>> {
  const histories = new Map<number, ClockHistory>();
  if (tickets.length === 0) return histories;
  const result = (await tx.execute(sql`
    select ticket_number::text as number, type, (extract(epoch from at) * 1000)::float8 as at,
        jsonb_build_object('status', changes->'status', 'priority', changes->'priority') as changes, data->>'kind' as kind,
        (data->>'answers')::boolean as answers
      from ticket_events
      where ticket_number = any(${`{${tickets.map((t) => t.number).join(",")}}`}::bigint[])
        and (type in ('created', 'message', 'call') or (type = 'updated' and (changes->'status' is not null or changes->'priority' is not null)))
      order by ticket_number, id`)) as unknown as {
    rows: {
      number: string;
      type: string;
      at: number | string;
      changes: { status: [unknown, unknown] | null; priority: [unknown, unknown] | null };
      kind: string | null;
      answers: boolean | null;
    }[];
  };
  const timelines = new Map<number, TimelineEvent[]>(tickets.map((t) => [t.number, []]));
  for (const row of result.rows) {
    timelines.get(Number(row.number))?.push({
      type: row.type,
      at: Math.round(Number(row.at)),
      changes: { ...(row.changes.status ? { status: row.changes.status } : {}), ...(row.changes.priority ? { priority: row.changes.priority } : {}) },
      kind: row.kind,
      answers: row.answers,
    });
  }
  for (const ticket of tickets) histories.set(ticket.number, clockHistoryOf(timelines.get(ticket.number) ?? [], ticket));
  return histories;
}
