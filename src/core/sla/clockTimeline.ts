// A ticket's timeline as its clocks see it (created, messages, status and priority changes),
// turned into the history that replayClocks replays; the store reads it, the demo writes it.

import type { Instant } from "../calendar/index.js";
import { MESSAGE_KINDS, type MessageKind, type Priority, type Status } from "../ticket/ticket.js";
import type { ClockHistory, HistoryEntry } from "./replay.js";

/** One timeline event, as far as clocks care. */
export interface TimelineEvent {
  type: string;
  at: Instant;
  changes: { status?: [unknown, unknown]; priority?: [unknown, unknown] };
  /** A `message` event's kind (a missing one reads as an agent's reply). */
  kind?: string | null;
  /** A `call` event: whether it counts as a response (an agent's answered outbound call). */
  answers?: boolean | null;
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
    } else if (event.type === "call") {
      if (event.answers) entries.push({ type: "call", at: event.at });
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
