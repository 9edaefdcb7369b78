// One batch of due matrix steps in one unit of work: claim due timers (with the other due timers
// of their tickets), lock their tickets without waiting, fire each step in due order (or cancel a
// timer whose clock or step is gone; a reminder already past due is recorded, not sent), send one
// notice per person per ticket for the steps that fired together, then write timers, events and
// outbox rows (e-mail, in-app, webhooks) in a few bulk statements. The rules listening to SLA
// warnings, breaches and bounces answer each step as it fires.
// A crash before the commit leaves every timer pending; the commit fires each exactly once.

import { loadDirectory } from "../../store/directory.js";
import type { NewTicketEvent } from "../../core/events/index.js";
import { drawEventIds } from "../../store/eventRows.js";
import { writeEvents } from "../../store/events.js";
import { enqueue, type OutboxItem } from "../../store/outbox/outbox.js";
import { loadCalendars } from "../../store/sla/policies.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { type ClockRow, lockFreeTickets, readClocks, readPolicies } from "../../store/timers/firingContext.js";
import {
  claimDueTimers,
  clocksWithFiredLevel,
  type DueTimer,
  earliestUnclaimed,
  readTimers,
  type SettledTimer,
  settleTimers,
} from "../../store/timers/timerRows.js";
import { planTicketRuleTimers } from "../rules/ruleTimers.js";
import { runRules } from "../rules/runRules.js";
import type { Work } from "../work.js";
import { type FiredStep, fireStep, slaTriggers } from "./fireStep.js";
import { sendNotices } from "./sendNotices.js";

export interface BatchResult {
  /** Timers claimed (locked) by the batch. */
  claimed: number;
  fired: number;
  cancelled: number;
  /** Claimed but left pending: their ticket was busy, or one of its earlier steps is held elsewhere. */
  deferred: number;
}

export interface FireDueStepsProps {
  /** The most timers to claim. */
  batchSize: number;
  /** Recorded in the events the steps write. */
  workerId: string;
  /** Called after everything is written, before the unit of work commits (tests simulate a crash there). */
  beforeCommit?: (result: BatchResult) => Promise<void>;
}

/**
 * Fires the steps due at `work.now`, up to `batchSize`, in `work` (its actor is the system).
 * Timers another transaction holds are skipped; a ticket another transaction holds defers its
 * timers; a ticket's timers due after one held elsewhere wait for it, so that one ticket's steps
 * fire in order.
 */
export async function fireDueSteps(work: Work, props: FireDueStepsProps): Promise<BatchResult> {
  const { tx, now } = work;
  const claimed = await claimDueTimers(tx, now, props.batchSize);
  const result: BatchResult = { claimed: claimed.length, fired: 0, cancelled: 0, deferred: 0 };
  if (claimed.length === 0) return result;
  const tickets = await lockFreeTickets(tx, [...new Set(claimed.map((t) => t.ticketNumber))]);
  const held = await earliestUnclaimed(
    tx,
    claimed.filter((t) => tickets.has(t.ticketNumber)),
    now,
  );
  const ready = claimed.filter((t) => tickets.has(t.ticketNumber) && !(t.dueAt > (held.get(t.ticketNumber) ?? t.dueAt)));
  result.deferred = claimed.length - ready.length;
  if (ready.length === 0) return result;

  let clocks = await readClocks(
    tx,
    ready.map((t) => t.clockId),
  );
  const policies = await readPolicies(
    tx,
    [...clocks.values()].map((c) => c.policyId),
  );
  const steps = [...policies.values()].flatMap((p) => p.matrix.steps);
  const directory = await loadDirectory(tx, [...tickets.values()], steps);
  const calendarIds = [...directory.agents.values(), ...directory.teams.values(), ...policies.values()].map((x) => x.calendarId);
  const calendar = await loadCalendars(tx, calendarIds);
  const breached = await clocksWithFiredLevel(tx, [...clocks.keys()]);
  const eventIds = await drawEventIds(tx, ready.length);
  let nextEventId = 0;

  const settled: SettledTimer[] = [];
  const events: NewTicketEvent[] = [];
  const outbox: OutboxItem[] = [];
  for (const group of byTicket(ready)) {
    const locked = tickets.get(group[0]?.ticketNumber as number) as Ticket;
    let ticket = locked;
    let fresh: Map<number, { state: string; dueAt: Date }> | undefined;
    const firedHere: FiredStep[] = [];
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
      // A reminder "before due" that comes to fire after the due time (downtime, or an edit that
      // moved the due time into the past) would tell nobody anything: it is recorded, not sent.
      const pastDue = step.kind === "reminder" && clock.dueAt !== null && clock.dueAt < now;
      const beforeStep = ticket;
      const fired = await fireStep(work, {
        timer,
        clock,
        policy,
        step,
        ticket,
        directory,
        calendar,
        breached: first,
        eventId: eventIds[nextEventId++] as number,
        workerId: props.workerId,
        pastDue,
        deferNotice: true,
      });
      firedHere.push(fired);
      ticket = fired.ticket;
      let changed = fired.changed;
      // The step's own changes (a raised priority, another assignee) are an update of the ticket: the `ticket_updated` rules answer them.
      if (fired.changed) ticket = (await runRules(work, { ticket, before: beforeStep, trigger: "ticket_updated" })).ticket;
      // The rules answering the step: a reminder is an SLA warning, a clock's first level its breach, a level reaching nobody a bounce.
      for (const trigger of slaTriggers(fired.event.data)) {
        const run = await runRules(work, { ticket, trigger });
        if (run.ticket !== ticket) changed = true;
        ticket = run.ticket;
      }
      settled.push({ id: timer.id, state: "fired", lagMs: fired.event.data.lagMs });
      events.push(fired.event);
      outbox.push(...fired.queued);
      result.fired += 1;
      if (changed && index < group.length - 1) {
        const rest = group.slice(index + 1);
        fresh = await readTimers(
          tx,
          rest.map((t) => t.id),
        );
        clocks = new Map([
          ...clocks,
          ...(await readClocks(
            tx,
            rest.map((t) => t.clockId),
          )),
        ]);
      }
    }
    // The ticket's time rules count from what changed ("no agent reply for 4 hours" after a reassignment).
    if (ticket !== locked) await planTicketRuleTimers(work, { ticket, statusChanged: ticket.status !== locked.status });
    // One notice per person for the steps of this ticket that fired together.
    outbox.push(...(await sendNotices(work, { ticket, fired: firedHere, directory, calendar })));
  }

  await settleTimers(tx, settled, now);
  await writeEvents(tx, events);
  await enqueue(tx, outbox, now);
  await props.beforeCommit?.(result);
  return result;
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
