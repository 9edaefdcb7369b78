// Changing a ticket: the fields that differ written with a version bump and an `updated` event,
// status transitions checked and stamped, followers replaced, its clocks synced, then the rules
// that answer an update run and its time rules re-planned; then routing answers a new team or a
// lost assignee, and a queue takes the room an assignee let go of.

import type { Ticket, TicketFields } from "../../core/ticket/ticketRecord.js";
import { VersionConflictError } from "../../store/errors.js";
import type { ChangeCause } from "../../core/events/index.js";
import { lockTicket } from "../../store/tickets/ticketRows.js";
import type { RootCauseInput } from "../../core/escalation/rootCause.js";
import { resolveOnSolve } from "../handoff/rootCauseOnSolve.js";
import { answerEvent } from "../rules/answerEvent.js";
import { routeAfterChange } from "../routing/routeAfterChange.js";
import type { Work } from "../work.js";
import { applyChanges } from "./applyChanges.js";
import { withNamedErrors } from "./namedErrors.js";

export interface UpdateTicketProps {
  number: number;
  /** Undefined fields are left alone; `followers` replaces the whole list. */
  changes: Partial<TicketFields>;
  /** When given, the update fails with VersionConflictError unless the ticket is at this version. */
  expectedVersion?: number;
  /** Why, for the `updated` event (none: a person's plain edit); a person's words are a `comment` cause. */
  cause?: ChangeCause;
  /** Why it came to an escalation: required to solve a ticket whose escalation is open or accepted (docs/escalation.md). */
  rootCause?: RootCauseInput | undefined;
}

/**
 * Locks the ticket and applies changes (status transitions checked), bumps the version and
 * records an `updated` event; the `ticket_updated` rules answer it. NotFoundError for an unknown
 * number; a change equal to what the ticket holds changes nothing (not even the version).
 */
export async function updateTicket(work: Work, props: UpdateTicketProps): Promise<Ticket> {
  return withNamedErrors(async () => {
    const before = await lockTicket(work.tx, props.number);
    if (props.expectedVersion !== undefined && props.expectedVersion !== before.version) {
      throw new VersionConflictError("ticket", props.number, props.expectedVersion, before.version);
    }
    if (props.changes.status === "solved" && before.status !== "solved") await resolveOnSolve(work, { ticket: before, rootCause: props.rootCause });
    const after = await applyChanges(work, { ticket: before, changes: props.changes, ...(props.cause ? { cause: props.cause } : {}) });
    if (after === before) return before;
    const answered = await answerEvent(work, { ticket: after, before, trigger: "ticket_updated", statusChanged: after.status !== before.status });
    return routeAfterChange(work, before, answered);
  });
}

export { applyChanges, type ApplyChangesProps } from "./applyChanges.js";
