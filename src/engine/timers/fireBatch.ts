// One batch of the timer engine, in one transaction: claim due timers, lock their tickets
// without waiting, fire each step in due order (or cancel a timer whose clock or step is gone),
// then write timers, events and outbox rows (e-mail, in-app, webhooks) in a few bulk statements. A crash
// before the commit leaves every timer pending; the commit fires each exactly once.

import { sql } from "drizzle-orm";
import { loadCalendars } from "../../store/sla/policies.js";
import type { Db } from "../../store/database.js";
import { enqueue, type OutboxItem } from "../../store/outbox.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { readClocks, readPolicies, lockFreeTickets, type ClockRow } from "./firingContext.js";
import { insertEvents, type NewEvent } from "./eventRows.js";
import { fireStep, type Notice } from "./fireStep.js";
import { loadDirectory } from "./recipients.js";
import { claimDueTimers, clocksWithFiredLevel, type DueTimer, earliestUnclaimed, readTimers, type SettledTimer, settleTimers } from "./timerRows.js";

export interface BatchResult {
  /** Timers claimed (locked) by the batch. */
  claimed: number;
  fired: number;
  cancelled: number;
  /** Claimed but left pending: their ticket was busy, or one of its earlier steps is held elsewhere. */
  deferred: number;
}

export interface BatchOptions {
  now: Date;
  batchSize: number;
  workerId: string;
  /** Called after everything is written, before the commit (tests simulate a crash there). */
  beforeCommit?: (result: BatchResult) => Promise<void>;
}

/** Runs one batch in its own transaction. */
export async function fireBatch(db: Db, options: BatchOptions): Promise<BatchResult> {
  return db.transaction(async (raw) => {
    const tx = raw as unknown as Db;
    const { now } = options;
    const claimed = await claimDueTimers(tx, now, options.batchSize);
    const result: BatchResult = { claimed: claimed.length, fired: 0, cancelled: 0, deferred: 0 };
    if (claimed.length === 0) return result;
    const tickets = await lockFreeTickets(tx, [...new Set(claimed.map((t) => t.ticketNumber))]);
    const held = await earliestUnclaimed(tx, claimed.filter((t) => tickets.has(t.ticketNumber)), now);
    const ready = claimed.filter((t) => tickets.has(t.ticketNumber) && !(t.dueAt > (held.get(t.ticketNumber) ?? t.dueAt)));
    result.deferred = claimed.length - ready.length;
    if (ready.length === 0) return result;

    let clocks = await readClocks(tx, ready.map((t) => t.clockId));
    const policies = await readPolicies(tx, [...clocks.values()].map((c) => c.policyId));
    const steps = [...policies.values()].flatMap((p) => p.matrix.steps);
    const directory = await loadDirectory(tx, [...tickets.values()], steps);
    const calendarIds = [...directory.agents.values(), ...directory.teams.values(), ...policies.values()].map((x) => x.calendarId);
    const calendar = await loadCalendars(tx, calendarIds);
    const breached = await clocksWithFiredLevel(tx, [...clocks.keys()]);
    const eventIds = await drawEventIds(tx, ready.length);
    let nextEventId = 0;

    const settled: SettledTimer[] = [];
    const events: NewEvent[] = [];
    const notices: Notice[] = [];
    const outbox: OutboxItem[] = [];
    for (const group of byTicket(ready)) {
      let ticket = tickets.get(group[0]?.ticketNumber as number) as Ticket;
      let fresh: Map<number, { state: string; dueAt: Date }> | undefined;
      for (const [index, timer] of group.entries()) {
        if (fresh) {
          // An earlier step changed the ticket, and the store may have replanned these timers.
          const current = fresh.get(timer.id);
          if (!current || current.state !== "pending" || current.dueAt > now) {
            result.deferred += 1;
            continue;
          }
        }
        const clock = clocks.get(timer.clockId) as ClockRow;
        const policy = clock ? policies.get(clock.policyId) : undefined;
        const step = policy?.matrix.steps.find((s) => s.id === timer.stepId);
        if (!clock || clock.state !== "running" || !policy || !step) {
          settled.push({ id: timer.id, state: "cancelled", lagMs: null });
          result.cancelled += 1;
          continue;
        }
        const first = step.kind === "level" && !breached.has(clock.id);
        if (first) breached.add(clock.id);
        const fired = await fireStep(tx, { timer, clock, policy, step, ticket, now, directory, calendar, breached: first, eventId: eventIds[nextEventId++] as number, workerId: options.workerId });
        ticket = fired.ticket;
        settled.push({ id: timer.id, state: "fired", lagMs: fired.event.data?.lagMs as number });
        events.push(fired.event);
        notices.push(...fired.notices);
        outbox.push(...fired.outbox);
        result.fired += 1;
        if (fired.changed && index < group.length - 1) {
          const rest = group.slice(index + 1);
          fresh = await readTimers(tx, rest.map((t) => t.id));
          clocks = new Map([...clocks, ...(await readClocks(tx, rest.map((t) => t.clockId)))]);
        }
      }
    }

    await settleTimers(tx, settled, now);
    await insertEvents(tx, events);
    await enqueue(tx, [...noticeItems(notices), ...outbox], now);
    await options.beforeCommit?.(result);
    return result;
  });
}

/** The ready timers grouped by ticket, each group in due order. */
function byTicket(timers: DueTimer[]): DueTimer[][] {
  const groups = new Map<number, DueTimer[]>();
  for (const timer of timers) {
    const group = groups.get(timer.ticketNumber);
    if (group) group.push(timer);
    else groups.set(timer.ticketNumber, [timer]);
  }
  return [...groups.values()];
}

/**
 * Draws `count` ids from the events' sequence, in order: a step's event then precedes the events
 * its own actions write (an update, a note), as cause before effect.
 */
async function drawEventIds(tx: Db, count: number): Promise<number[]> {
  const result = (await tx.execute(sql`select nextval(pg_get_serial_sequence('ticket_events', 'id'))::text as id from generate_series(1, ${count}::int)`)) as unknown as {
    rows: { id: string }[];
  };
  return result.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/**
 * Queues each notice in-app (the delivery worker turns it into the agent's notification) and,
 * when the agent has an address, by e-mail; both held until the agent's next working instant
 * outside working hours.
 */
function noticeItems(notices: readonly Notice[]): OutboxItem[] {
  return notices.flatMap((notice) => {
    const common = { ticketNumber: notice.ticketNumber, agentId: notice.agent.id, ...(notice.notBefore ? { notBefore: notice.notBefore } : {}) };
    const items: OutboxItem[] = [{ kind: "inapp", ...common, payload: { title: notice.title, body: notice.body, data: notice.data } }];
    if (notice.agent.email) items.push({ kind: "email", ...common, address: notice.agent.email, payload: { subject: notice.title, text: notice.body, locale: notice.locale } });
    return items;
  });
}
