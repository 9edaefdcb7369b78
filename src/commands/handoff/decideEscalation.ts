// The receiver's decision on an escalation: accepting it (the ticket is theirs to work on; the
// accepting agent takes it when nobody holds it) or bouncing it back with a reason and maybe a
// better team (the ticket returns to the escalating agent and team, the bounce is counted). The
// escalating agent hears of either.

import { EscalationInvalid, EscalationNotFound, EscalationStateError, NotTheReceiver } from "../../core/escalation/escalationInvalid.js";
import { TIERS, type Tier } from "../../core/ticket/ticket.js";
import type { Ticket, TicketFields } from "../../core/ticket/ticketRecord.js";
import { type Escalation, getEscalation, handoffOrigin, lockEscalation, ticketBounces, updateEscalation } from "../../store/escalations.js";
import { writeEvents } from "../../store/events.js";
import { isUuid } from "../../store/sql/uuid.js";
import { lockTicket } from "../../store/tickets/ticketRows.js";
import { answerEvent } from "../rules/answerEvent.js";
import { applyChanges } from "../tickets/applyChanges.js";
import type { Work } from "../work.js";
import { loadPeople, loadTeams, queueNotices } from "./handoffNotices.js";

export interface AcceptEscalationProps {
  id: string;
}

export interface BounceEscalationProps {
  id: string;
  /** Why it is not for the receiver: required. */
  reason: string;
  /** A team better placed to take it. */
  suggestedTeamId?: string | null | undefined;
}

/** What a decision did. */
export interface EscalationDecided {
  escalation: Escalation;
  ticket: Ticket;
  /** How many times the ticket was sent back, this one included. */
  bounces: number;
}

/** Accepts an open escalation. EscalationNotFound, EscalationStateError when it is not open, NotTheReceiver when it is not the actor's. */
export async function acceptEscalation(work: Work, props: AcceptEscalationProps): Promise<EscalationDecided> {
  const { escalation, ticket: before } = await openFor(work, props.id, "accepted");
  const { tx, now, actor } = work;
  const decided = await updateEscalation(tx, escalation.id, { status: "accepted", decidedById: actor.id ?? null, decidedAt: now }, now);
  await writeEvents(tx, [{ ticketNumber: before.number, at: now, actor, type: "handoff_accepted", data: { escalationId: escalation.id } }]);
  const takes = before.assigneeId === null && actor.type === "agent" && escalation.kind !== "external" ? { assigneeId: actor.id ?? null } : {};
  let ticket = await applyChanges(work, { ticket: before, changes: takes });
  await tellEscalatingAgent(work, decided, ticket, "accepted", () => ({}));
  if (ticket !== before) ticket = await answerEvent(work, { ticket, before, trigger: "ticket_updated", statusChanged: false });
  return { escalation: decided, ticket, bounces: await ticketBounces(tx, before.number) };
}

/** Sends an open escalation back; EscalationInvalid without a reason or with an unknown team. */
export async function bounceEscalation(work: Work, props: BounceEscalationProps): Promise<EscalationDecided> {
  const reason = props.reason?.trim() ?? "";
  const suggested = props.suggestedTeamId?.trim().toLowerCase() || null;
  const teams = await loadTeams(work.tx, [suggested && isUuid(suggested) ? suggested : null]);
  const problems: EscalationInvalid["problems"][number][] = [];
  if (reason === "") problems.push({ path: "reason", code: "required" });
  if (suggested !== null && !teams.has(suggested)) problems.push({ path: "suggestedTeamId", code: "unknown_team" });
  if (problems.length > 0) throw new EscalationInvalid(problems);
  const { escalation, ticket: before } = await openFor(work, props.id, "bounced");
  const { tx, now, actor } = work;
  const decided = await updateEscalation(
    tx,
    escalation.id,
    { status: "bounced", decidedById: actor.id ?? null, decidedAt: now, bounceReason: reason, suggestedTeamId: suggested },
    now,
  );
  const bounces = await ticketBounces(tx, before.number);
  await writeEvents(tx, [
    {
      ticketNumber: before.number,
      at: now,
      actor,
      type: "handoff_bounced",
      data: { escalationId: escalation.id, reason, suggestedTeamId: suggested, bounces },
    },
  ]);
  const origin = await handoffOrigin(tx, before.number, escalation.id);
  const back: Partial<TicketFields> =
    escalation.kind === "external"
      ? {}
      : {
          teamId: escalation.fromTeamId ?? origin?.teamId ?? before.teamId,
          assigneeId: escalation.fromAgentId ?? origin?.assigneeId ?? null,
          ...(origin && (TIERS as readonly string[]).includes(origin.tier) ? { tier: origin.tier as Tier } : {}),
        };
  let ticket = await applyChanges(work, { ticket: before, changes: back });
  const team = suggested ? teams.get(suggested) : undefined;
  await tellEscalatingAgent(work, decided, ticket, "bounced", () => ({ reason, team: team?.name ?? "", hasTeam: team ? "yes" : "no" }));
  if (ticket !== before) ticket = await answerEvent(work, { ticket, before, trigger: "ticket_updated", statusChanged: false });
  return { escalation: decided, ticket, bounces };
}

/** The escalation locked and open, with its ticket locked, when the actor may decide on it. */
async function openFor(work: Work, id: string, wanted: string): Promise<{ escalation: Escalation; ticket: Ticket }> {
  // The ticket first, then its escalation: the order escalating takes, so that the two never deadlock.
  const found = isUuid(id) ? await getEscalation(work.tx, id.toLowerCase()) : undefined;
  if (!found) throw new EscalationNotFound(id);
  const ticket = await lockTicket(work.tx, found.ticketNumber);
  const escalation = (await lockEscalation(work.tx, found.id)) ?? found;
  if (escalation.status !== "open") throw new EscalationStateError(id, escalation.status, wanted);
  if (work.actor.type === "agent" && work.actor.id) {
    const me = (await loadPeople(work.tx, [work.actor.id])).get(work.actor.id);
    const manager = me?.role === "manager" || me?.role === "admin";
    const receiver =
      escalation.kind === "external"
        ? escalation.fromAgentId === me?.id
        : escalation.toAgentId
          ? escalation.toAgentId === me?.id
          : escalation.toTeamId !== null && escalation.toTeamId === me?.teamId;
    if (!manager && !receiver) throw new NotTheReceiver(id);
  }
  return { escalation, ticket };
}

/** Tells the agent who escalated what became of it, in their language. */
async function tellEscalatingAgent(
  work: Work,
  escalation: Escalation,
  ticket: Ticket,
  kind: "accepted" | "bounced",
  values: () => Record<string, string>,
): Promise<void> {
  if (!escalation.fromAgentId || escalation.fromAgentId === work.actor.id) return;
  const people = await loadPeople(work.tx, [escalation.fromAgentId, work.actor.id]);
  const from = people.get(escalation.fromAgentId);
  if (!from) return;
  const decider = work.actor.id ? people.get(work.actor.id) : undefined;
  await queueNotices(work.tx, {
    kind,
    ticketNumber: ticket.number,
    escalationId: escalation.id,
    recipients: [from],
    values: () => ({ agent: decider?.name ?? "Palier", subject: ticket.subject, ...values() }),
    now: work.now,
  });
}
