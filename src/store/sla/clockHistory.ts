// A ticket's timeline as its clocks see it (created, messages, status and priority changes),
// read from ticket_events in one query or given by the demo, for the core's replayClocks; when a
// ticket's clocks must be rebuilt from it, and how the rebuilt clocks take the stored ones' place.

import { sql } from "drizzle-orm";
import type { BusinessCalendar, Instant } from "../../core/calendar/index.js";
import { type ClockChange, dueOf, elapsedOf, isLive, type SlaClock } from "../../core/sla/clocks.js";
import { budgetSeconds, type SlaPolicy, TARGETS, type Target } from "../../core/sla/policy.js";
import type { ClockHistory, HistoryEntry } from "../../core/sla/replay.js";
import { MESSAGE_KINDS, type MessageKind, type Priority, type Status } from "../../core/ticket/ticket.js";
import type { Db } from "../database.js";
import type { Ticket } from "../tickets.js";
import type { StoredClock } from "./timers.js";

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
  return (await loadClockHistories(tx, [ticket])).get(ticket.number) as ClockHistory;
}

/** The clock histories of stored tickets, by number, in one query whatever their count. */
export async function loadClockHistories(tx: Db, tickets: readonly { number: number; createdAt: Date; priority: Priority }[]): Promise<Map<number, ClockHistory>> {
  const histories = new Map<number, ClockHistory>();
  if (tickets.length === 0) return histories;
  const result = (await tx.execute(sql`
    select ticket_number::text as number, type, (extract(epoch from at) * 1000)::float8 as at,
        jsonb_build_object('status', changes->'status', 'priority', changes->'priority') as changes, data->>'kind' as kind
      from ticket_events
      where ticket_number = any(${`{${tickets.map((t) => t.number).join(",")}}`}::bigint[])
        and (type in ('created', 'message') or (type = 'updated' and (changes->'status' is not null or changes->'priority' is not null)))
      order by ticket_number, id`)) as unknown as { rows: { number: string; type: string; at: number | string; changes: { status: [unknown, unknown] | null; priority: [unknown, unknown] | null }; kind: string | null }[] };
  const timelines = new Map<number, TimelineEvent[]>(tickets.map((t) => [t.number, []]));
  for (const row of result.rows) {
    timelines.get(Number(row.number))?.push({
      type: row.type,
      at: Math.round(Number(row.at)),
      changes: { ...(row.changes.status ? { status: row.changes.status } : {}), ...(row.changes.priority ? { priority: row.changes.priority } : {}) },
      kind: row.kind,
    });
  }
  for (const ticket of tickets) histories.set(ticket.number, clockHistoryOf(timelines.get(ticket.number) ?? [], ticket));
  return histories;
}

/** The ticket fields that tell which targets are still owed. */
export type OwedFacts = Pick<Ticket, "status" | "priority" | "firstResponseAt" | "lastCustomerMessageAt" | "lastAgentMessageAt">;

/**
 * Whether a ticket's clocks cover what `policy` now measures: false when it has no clock at all
 * while the policy measures one of its targets, or when a measured target has no live clock
 * though it is still owed (the ticket is not solved; no response yet for a first response; the
 * customer waits on a reply for a next response). Such a ticket's clocks are rebuilt from its
 * history; otherwise they carry over.
 */
export function clocksCover(clocks: readonly SlaClock[], policy: SlaPolicy, ticket: OwedFacts): boolean {
  const measured = TARGETS.filter((target) => budgetSeconds(policy, ticket.priority, target) !== null);
  if (measured.length === 0) return true;
  if (clocks.length === 0) return false;
  if (ticket.status === "solved" || ticket.status === "closed") return true;
  const live = (target: Target) => clocks.some((c) => c.target === target && isLive(c));
  const waiting = ticket.lastCustomerMessageAt !== null && (ticket.lastAgentMessageAt === null || ticket.lastCustomerMessageAt > ticket.lastAgentMessageAt);
  const owed: Record<Target, () => boolean> = {
    first_response: () => ticket.firstResponseAt === null && !clocks.some((c) => c.target === "first_response" && c.state === "met"),
    next_response: () => waiting && !live("first_response"),
    resolution: () => true,
  };
  return measured.every((target) => live(target) || !owed[target]());
}

/** A clock, stored (with its id) or not yet. */
export type RebuiltClock = SlaClock & { id?: string };

/**
 * The clocks of a ticket once rebuilt from `replayed`: each replayed clock takes the place of the
 * stored one of the same target and cycle, keeping its id (so that a step fired on it does not
 * fire again); a stored live clock the replay does not give is cancelled at `now`; other stored
 * clocks stay as they are. With the changes to tell in the timeline.
 */
export function rebuildClocks(stored: readonly StoredClock[], replayed: readonly SlaClock[], now: Instant, calendar: (id: string | null) => BusinessCalendar): { clocks: RebuiltClock[]; changes: ClockChange[] } {
  const taken = new Set<string>();
  const clocks: RebuiltClock[] = replayed.map((clock) => {
    const same = stored.find((s) => s.target === clock.target && s.cycle === clock.cycle);
    if (!same) return clock;
    taken.add(same.id);
    return { ...clock, id: same.id };
  });
  for (const clock of stored) {
    if (taken.has(clock.id)) continue;
    if (!isLive(clock)) {
      clocks.push(clock);
      continue;
    }
    const pauses = clock.pauses.map(([from, to]) => [from, to ?? now] as [Instant, Instant]);
    const closed: StoredClock = { ...clock, pauses, state: "cancelled", stoppedAt: now };
    clocks.push({ ...closed, dueAt: clock.dueAt ?? dueOf(closed, calendar(clock.calendarId)) });
  }
  const byId = new Map(stored.map((c) => [c.id, c]));
  const changes: ClockChange[] = [];
  for (const clock of clocks) {
    const change = changeOf(clock.id === undefined ? undefined : byId.get(clock.id), clock);
    if (!change) continue;
    const late = change === "met" ? { lateBySeconds: Math.max(0, elapsedOf(clock, calendar(clock.calendarId), clock.stoppedAt ?? now) - clock.budgetSeconds) } : {};
    changes.push({ target: clock.target, cycle: clock.cycle, change, dueAt: clock.dueAt, ...late });
  }
  return { clocks, changes };
}

/** What became of a clock, for the timeline; undefined when nothing shows. */
function changeOf(before: StoredClock | undefined, after: RebuiltClock): ClockChange["change"] | undefined {
  if (!before) return isLive(after) ? "started" : after.state === "met" ? "met" : "cancelled";
  if (after.state !== before.state) {
    if (after.state === "met" || after.state === "cancelled") return after.state;
    if (!isLive(before)) return "resumed";
    return after.state === "paused" ? "paused" : "resumed";
  }
  return after.dueAt !== before.dueAt ? "due_changed" : undefined;
}
