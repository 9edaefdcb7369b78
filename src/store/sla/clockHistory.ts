// A ticket's timeline as its clocks see it (created, messages, status and priority changes),
// read from ticket_events in one query or given by the demo, for the core's replayClocks.

import { sql } from "drizzle-orm";
import type { Instant } from "../../core/calendar/index.js";
import type { ClockHistory, HistoryEntry } from "../../core/sla/replay.js";
import { MESSAGE_KINDS, type MessageKind, type Priority, type Status } from "../../core/ticket/ticket.js";
import type { Db } from "../database.js";

/** One timeline event, as far as clocks care. */
export interface TimelineEvent {
  type: string;
  at: Instant;
  changes: { status?: [unknown, unknown]; priority?: [unknown, unknown] };
  /** A `message` event's kind (a missing one reads as an agent's reply). */
  kind?: string | null;
}

/**
 * The clock history of a timeline, oldest first. Its `created` event gives the first status and
 * priority (else `new` and the ticket's priority now); events other than messages and status or
 * priority changes do not matter to clocks.
 */
export function clockHistoryOf(events: readonly TimelineEvent[], ticket: { createdAt: Date; priority: Priority }): ClockHistory {
  const created = events.find((e) => e.type === "created");
  const entries: HistoryEntry[] = [];
  for (const event of events) {
    if (event.type === "message") {
      const kind = MESSAGE_KINDS.includes(event.kind as MessageKind) ? (event.kind as MessageKind) : "reply";
      entries.push({ type: "message", at: event.at, kind });
    } else if (event.type === "updated" && (event.changes.status || event.changes.priority)) {
      entries.push({
        type: "changed",
        at: event.at,
        ...(event.changes.status ? { status: event.changes.status as [Status, Status] } : {}),
        ...(event.changes.priority ? { priority: event.changes.priority as [Priority, Priority] } : {}),
      });
    }
  }
  return {
    created: {
      at: created?.at ?? ticket.createdAt.getTime(),
      status: (created?.changes.status?.[1] as Status | undefined) ?? "new",
      priority: (created?.changes.priority?.[1] as Priority | undefined) ?? ticket.priority,
    },
    entries,
  };
}

/** The clock history of a stored ticket, in one query. */
export async function loadClockHistory(tx: Db, ticket: { number: number; createdAt: Date; priority: Priority }): Promise<ClockHistory> {
  const result = (await tx.execute(sql`
    select type, (extract(epoch from at) * 1000)::float8 as at,
        jsonb_build_object('status', changes->'status', 'priority', changes->'priority') as changes, data->>'kind' as kind
      from ticket_events
      where ticket_number = ${ticket.number}::bigint
        and (type in ('created', 'message') or (type = 'updated' and (changes->'status' is not null or changes->'priority' is not null)))
      order by id`)) as unknown as { rows: { type: string; at: number | string; changes: { status: [unknown, unknown] | null; priority: [unknown, unknown] | null }; kind: string | null }[] };
  const events = result.rows.map((row): TimelineEvent => ({
    type: row.type,
    at: Math.round(Number(row.at)),
    changes: { ...(row.changes.status ? { status: row.changes.status } : {}), ...(row.changes.priority ? { priority: row.changes.priority } : {}) },
    kind: row.kind,
  }));
  return clockHistoryOf(events, ticket);
}
