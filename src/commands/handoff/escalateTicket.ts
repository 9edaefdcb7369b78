// An agent escalating a ticket (docs/escalation.md), in one unit of work: the request checked
// (its target, the hand-off's four fields, the escalate-without-trying guard, the required
// procedures), the escalation row, the ticket moved to whoever receives it (a team without
// choosing its agent, or a person) at the receiving team's tier, the escalating agent kept as a follower, the customer told when
// asked, a `handoff` event, and the receiver told. `previewEscalation` says the same without writing.

import { eq } from "drizzle-orm";
import { customerNotice, type CustomerNotice } from "../../core/escalation/customerNotice.js";
import { escalationEta } from "../../core/escalation/eta.js";
import { type EscalationInput, type EscalationRequest, validateEscalation } from "../../core/escalation/escalationRequest.js";
import { AlreadyEscalated, EscalationInvalid } from "../../core/escalation/escalationInvalid.js";
import { incompleteProcedureProblems } from "../../core/procedure/escalationGuard.js";
import type { EscalationSettings } from "../../core/escalation/handoff.js";
import { translate } from "../../core/i18n/index.js";
import { TIERS, type Tier } from "../../core/ticket/ticket.js";
import type { Ticket, TicketFields } from "../../core/ticket/ticketRecord.js";
import { activeEscalation, agentWroteOn, type Escalation, getEscalationSettings, insertEscalation, updateEscalation } from "../../store/escalations.js";
import { writeEvents } from "../../store/events.js";
import { customers } from "../../store/schema.js";
import { loadCalendars } from "../../store/sla/policies.js";
import { isUuid } from "../../store/sql/uuid.js";
import { getTicket, lockTicket } from "../../store/tickets/ticketRows.js";
import { NotFoundError } from "../../store/errors.js";
import { answerEvent } from "../rules/answerEvent.js";
import { appendMessage } from "../tickets/appendMessage.js";
import { routeTicket } from "../routing/routeTicket.js";
import { applyChanges } from "../tickets/applyChanges.js";
import { withNamedErrors } from "../tickets/namedErrors.js";
import { incompleteRequired } from "../procedures/ticketProcedures.js";
import type { Work } from "../work.js";
import { loadPeople, loadTeams, queueNotices } from "./handoffNotices.js";

export interface EscalateTicketProps {
  number: number;
  /** The escalation as asked for: kind, target, hand-off, and a reason when the guard asks for one. */
  request: EscalationInput;
  /** Tell the customer of the transfer and its ETA in a public reply. */
  notifyCustomer?: boolean | undefined;
  /** The notice's text as the agent edited it after the preview; default: the template's. */
  noticeText?: string | undefined;
}

/** What an escalation would do: the request checked, its ETA, and the notice the customer would read. */
export interface EscalationPreview {
  request: EscalationRequest;
  eta: Date | null;
  notice: CustomerNotice;
  /** The ticket's fields the hand-off changes. */
  changes: Partial<TicketFields>;
}

/** What an escalation did. */
export interface EscalationMade {
  escalation: Escalation;
  ticket: Ticket;
  notice: CustomerNotice | null;
}

/** The escalation checked, with its ETA and customer notice, without writing anything. */
export async function previewEscalation(work: Work, props: EscalateTicketProps): Promise<EscalationPreview> {
  // Read, not locked: a preview writes nothing and should not hold up whoever changes the ticket.
  const ticket = await getTicket(work.tx, props.number);
  if (!ticket) throw new NotFoundError("ticket", props.number);
  const settings = await getEscalationSettings(work.tx);
  return plan(work, ticket, props, settings);
}

/** Escalates the ticket; EscalationInvalid naming every problem, AlreadyEscalated when one is open or accepted. */
export async function escalateTicket(work: Work, props: EscalateTicketProps): Promise<EscalationMade> {
  return withNamedErrors(async () => {
    const { tx, now, actor } = work;
    const before = await lockTicket(tx, props.number);
    const active = await activeEscalation(tx, before.number);
    if (active) throw new AlreadyEscalated(before.number, active.id);
    const settings = await getEscalationSettings(tx);
    const preview = await plan(work, before, props, settings);
    const { request, eta } = preview;
    const fromAgentId = actor.type === "agent" ? (actor.id ?? null) : null;
    let escalation = await insertEscalation(tx, {
      ticketNumber: before.number,
      kind: request.kind,
      fromAgentId,
      fromTeamId: before.teamId,
      toTeamId: request.toTeamId,
      toAgentId: request.toAgentId,
      vendor: request.vendor,
      vendorReference: request.vendorReference,
      promisedAt: request.promisedAt,
      handoff: request.handoff,
      etaAt: eta,
      createdAt: now,
      updatedAt: now,
    });
    await writeEvents(tx, [
      {
        ticketNumber: before.number,
        at: now,
        actor,
        type: "handoff",
        data: {
          escalationId: escalation.id,
          kind: request.kind,
          toTeamId: request.toTeamId,
          toAgentId: request.toAgentId,
          vendor: request.vendor,
          vendorReference: request.vendorReference,
          urgency: request.handoff.urgency,
          etaAt: eta?.toISOString() ?? null,
          noticeSent: props.notifyCustomer === true,
          ...(request.reason ? { reason: request.reason } : {}),
          from: { teamId: before.teamId, assigneeId: before.assigneeId, tier: before.tier },
        },
      },
    ]);
    const followers = fromAgentId && !before.followers.includes(fromAgentId) ? { followers: [...before.followers, fromAgentId] } : {};
    let ticket = await applyChanges(work, { ticket: before, changes: { ...preview.changes, ...followers } });
    let notice: CustomerNotice | null = null;
    if (props.notifyCustomer) {
      notice = props.noticeText?.trim() ? { locale: preview.notice.locale, text: props.noticeText.trim() } : preview.notice;
      const added = await appendMessage(work, { ticket, kind: "reply", text: notice.text });
      ticket = added.ticket;
      escalation = await updateEscalation(tx, escalation.id, { noticeMessageId: added.message.id }, now);
    }
    await tellReceiver(work, escalation, ticket, request, fromAgentId);
    ticket = await answerEvent(work, { ticket, before, trigger: "ticket_updated", statusChanged: ticket.status !== before.status });
    // Handed to a team without naming someone: the team's routing chooses who takes it (or queues it).
    ticket = (await routeTicket(work, { ticket })).ticket;
    return { escalation, ticket, notice };
  });
}

/** The request checked against the directory and the ticket, its ETA, notice and ticket changes. */
async function plan(work: Work, ticket: Ticket, props: EscalateTicketProps, settings: EscalationSettings): Promise<EscalationPreview> {
  const { tx, now } = work;
  const input = props.request;
  const named = (id: string | null | undefined) => (typeof id === "string" && isUuid(id) ? id.toLowerCase() : null);
  const people = await loadPeople(tx, [named(input.toAgentId)]);
  const teamIds = [named(input.toTeamId), ...[...people.values()].map((p) => p.teamId)];
  const teams = await loadTeams(tx, teamIds);
  // A procedure marked required must have its required information collected first (docs/procedures.md).
  const unfinished = incompleteProcedureProblems(await incompleteRequired(tx, ticket.number));
  const agentActivity = ticket.lastAgentMessageAt !== null || (await agentWroteOn(tx, ticket.number));
  let request: EscalationRequest;
  try {
    request = validateEscalation(input, { agent: (id) => people.get(id), teamExists: (id) => teams.has(id), ticket, agentActivity, now, settings });
  } catch (error) {
    if (error instanceof EscalationInvalid && unfinished.length > 0) throw new EscalationInvalid([...error.problems, ...unfinished]);
    throw error;
  }
  if (unfinished.length > 0) throw new EscalationInvalid(unfinished);
  const team = request.toTeamId ? teams.get(request.toTeamId) : undefined;
  const person = request.toAgentId ? people.get(request.toAgentId) : undefined;
  const calendarId = person?.calendarId ?? team?.calendarId ?? null;
  const calendar = request.kind === "external" ? null : (await loadCalendars(tx, [calendarId]))(calendarId);
  const eta = escalationEta({ calendar: calendarId ? calendar : null, now, urgency: request.handoff.urgency, settings, promisedAt: request.promisedAt });
  const [customer] = await tx
    .select({ name: customers.name, language: customers.language, timeZone: customers.timeZone })
    .from(customers)
    .where(eq(customers.id, ticket.customerId));
  const notice = customerNotice({
    language: ticket.language ?? customer?.language ?? null,
    timeZone: customer?.timeZone ?? calendar?.zone.name ?? "UTC",
    kind: request.kind,
    customerName: customer?.name ?? "",
    ticketNumber: ticket.number,
    teamName: team?.name ?? null,
    eta,
  });
  const changes: Partial<TicketFields> = {};
  if (request.kind !== "external") {
    if (request.toTeamId) changes.teamId = request.toTeamId;
    changes.assigneeId = request.toAgentId;
    if (team?.tier && (TIERS as readonly string[]).includes(team.tier)) changes.tier = team.tier as Tier;
  }
  return { request, eta, notice, changes };
}

/** Tells whoever receives the escalation: the person named, else the team's lead. */
async function tellReceiver(work: Work, escalation: Escalation, ticket: Ticket, request: EscalationRequest, fromAgentId: string | null): Promise<void> {
  if (request.kind === "external") return;
  const teams = await loadTeams(work.tx, [request.toTeamId]);
  const receiverId = request.toAgentId ?? (request.toTeamId ? (teams.get(request.toTeamId)?.leadId ?? null) : null);
  const people = await loadPeople(work.tx, [receiverId, fromAgentId]);
  const receiver = receiverId ? people.get(receiverId) : undefined;
  if (!receiver || receiver.id === fromAgentId) return;
  const from = fromAgentId ? people.get(fromAgentId) : undefined;
  await queueNotices(work.tx, {
    kind: "received",
    ticketNumber: ticket.number,
    escalationId: escalation.id,
    recipients: [receiver],
    values: (locale) => ({
      agent: from?.name ?? "Palier",
      subject: ticket.subject,
      urgency: translate(locale, `escalation.urgency.${request.handoff.urgency}`),
      summary: request.handoff.summary,
    }),
    now: work.now,
  });
}
