// Writing the fields of a locked ticket that differ: a version bump, an `updated` event with its
// cause (in the update's own statement), status transitions checked and stamped, followers replaced, then its clocks synced. For
// commands and actions that already hold the ticket (rules do not answer these changes here:
// the command that made them runs the rules).

import { checkTransition, type Status } from "../../core/ticket/ticket.js";
import { normalizeTags, type Ticket, type TicketFields } from "../../core/ticket/ticketRecord.js";
import type { ChangeCause, FieldChanges, NewTicketEvent } from "../../core/events/index.js";
import { writeEvents } from "../../store/events.js";
import { presentTicket, replaceFollowers, type TicketRow, updateTicketRow } from "../../store/tickets/ticketRows.js";
import { syncChanged } from "../sla/syncClocks.js";
import type { Work } from "../work.js";

export interface ApplyChangesProps {
  /** The ticket as it is, locked in the unit of work (see lockTicket). */
  ticket: Ticket;
  changes: Partial<TicketFields>;
  /** Why, for the `updated` event: a first reply, a matrix step's action… (none: a plain edit). */
  cause?: ChangeCause | undefined;
  /** Columns written along (message stamps, search text) that are not changes of the timeline. */
  extra?: Partial<TicketRow>;
  /** Events that come before the `updated` event (routing's `assignment`), written in its statement. */
  eventsBefore?: NewTicketEvent[];
}

/**
 * Writes the fields that changed (and `extra` columns) of a locked ticket, bumps the version,
 * records the event and syncs the clocks; returns the ticket as changed (the same object when
 * nothing changed). For commands and engine actions that already hold the ticket.
 */
export async function applyChanges(work: Work, props: ApplyChangesProps): Promise<Ticket> {
  const { tx, now, actor } = work;
  const { ticket: before, changes: requested, cause } = props;
  const extra = props.extra ?? {};
  const changes: Record<string, [unknown, unknown]> = {};
  const set: Partial<TicketRow> = { ...extra };
  for (const [field, raw] of Object.entries(requested) as [keyof TicketFields, unknown][]) {
    if (raw === undefined || field === "followers") continue;
    const value = field === "tags" ? normalizeTags(raw as string[]) : raw;
    if (!sameValue(before[field], value)) {
      changes[field] = [before[field], value];
      (set as Record<string, unknown>)[field] = value;
    }
  }
  // A ticket given an assignee or moved to another team no longer waits in a queue.
  if (((changes.assigneeId && changes.assigneeId[1] !== null) || changes.teamId) && !("queuedAt" in set)) set.queuedAt = null;
  if (changes.status) {
    const to = changes.status[1] as Status;
    checkTransition(before.status, to);
    if (to === "solved") set.solvedAt = now;
    if (to === "closed") set.closedAt = now;
    if (before.status === "solved" && to === "open") set.solvedAt = null;
  }
  let followers = before.followers;
  if (requested.followers !== undefined) {
    const wanted = [...new Set(requested.followers)];
    if (!sameValue([...before.followers].sort(), [...wanted].sort())) {
      changes.followers = [before.followers, wanted];
      await replaceFollowers(tx, before.number, wanted);
      followers = wanted;
    }
  }
  const eventsBefore = props.eventsBefore ?? [];
  if (Object.keys(changes).length === 0 && Object.keys(extra).length === 0) {
    if (eventsBefore.length > 0) await writeEvents(tx, eventsBefore);
    return before;
  }
  const updated: NewTicketEvent[] =
    Object.keys(changes).length > 0
      ? [{ ticketNumber: before.number, at: now, actor, type: "updated", changes: changes as FieldChanges, ...(cause ? { data: { cause } } : {}) }]
      : [];
  // One statement: the row and its events.
  const row = await updateTicketRow(tx, before.number, set, now, [...eventsBefore, ...updated]);
  return syncChanged(work, { ticket: presentTicket(row, followers), changes });
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
