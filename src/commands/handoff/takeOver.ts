// A lead or manager takes a ticket over: it becomes theirs, whoever held it stays a follower and
// is told in their language, and a `take_over` event says who took it from whom, and why.

import { ForbiddenError } from "../../core/access/permissions.js";
import { EscalationInvalid, type EscalationProblem } from "../../core/escalation/escalationInvalid.js";
import { canSupervise } from "../../core/escalation/supervision.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { writeEvents } from "../../store/events.js";
import { lockTicket } from "../../store/tickets/ticketRows.js";
import { answerEvent } from "../rules/answerEvent.js";
import { applyChanges } from "../tickets/applyChanges.js";
import { withNamedErrors } from "../tickets/namedErrors.js";
import type { Work } from "../work.js";
import { loadPeople, queueNotices } from "./handoffNotices.js";

/** The longest reason a take-over keeps. */
export const TAKE_OVER_REASON_MAX = 2000;

export interface TakeOverProps {
  /** The ticket's number; NotFoundError when there is none. */
  number: number;
  /** Why, in the taker's words; optional. */
  reason?: string | null | undefined;
}

/** What a take-over did: the ticket as it now is, and whom it was taken from. */
export interface TakenOver {
  ticket: Ticket;
  fromAgentId: string | null;
}

/**
 * Assigns ticket `number` to the work's actor, who must be an active team lead, manager or admin
 * (ForbiddenError otherwise). The previous assignee is added to the followers and told (in-app,
 * and by e-mail when they have an address). EscalationInvalid: a reason longer than
 * {@link TAKE_OVER_REASON_MAX} (`too_long`), a ticket the actor already holds (`already_yours`),
 * a closed ticket (`ticket_closed`).
 */
export async function takeOverTicket(work: Work, props: TakeOverProps): Promise<TakenOver> {
  return withNamedErrors(async () => {
    const { tx, now, actor } = work;
    const me = actor.type === "agent" && actor.id ? (await loadPeople(tx, [actor.id])).get(actor.id) : undefined;
    if (!me || !me.active || !canSupervise(me.role)) throw new ForbiddenError("tickets.supervise");
    const reason = props.reason?.trim() || null;
    const before = await lockTicket(tx, props.number);
    const problems: EscalationProblem[] = [];
    if (reason !== null && reason.length > TAKE_OVER_REASON_MAX) problems.push({ path: "reason", code: "too_long", params: { max: TAKE_OVER_REASON_MAX } });
    if (before.assigneeId === me.id) problems.push({ path: "assigneeId", code: "already_yours" });
    if (before.status === "closed") problems.push({ path: "number", code: "ticket_closed" });
    if (problems.length > 0) throw new EscalationInvalid(problems);

    const fromAgentId = before.assigneeId;
    const followers = fromAgentId && !before.followers.includes(fromAgentId) ? [...before.followers, fromAgentId] : before.followers;
    await writeEvents(tx, [{ ticketNumber: before.number, at: now, actor, type: "take_over", data: { fromAgentId, toAgentId: me.id, reason } }]);
    const changed = await applyChanges(work, { ticket: before, changes: { assigneeId: me.id, followers } });
    const ticket = await answerEvent(work, { ticket: changed, before, trigger: "ticket_updated", statusChanged: false });

    const from = fromAgentId ? (await loadPeople(tx, [fromAgentId])).get(fromAgentId) : undefined;
    if (from) {
      await queueNotices(tx, {
        kind: "takenOver",
        ticketNumber: before.number,
        recipients: [from],
        values: () => ({ agent: me.name, subject: before.subject, reason: reason ?? "", hasReason: reason ? "yes" : "no" }),
        data: { type: "take_over", by: me.id },
        now,
      });
    }
    return { ticket, fromAgentId };
  });
}
