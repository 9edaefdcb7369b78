// Approvals in a ticket's unit of work: an agent asks to grant a refund or a goodwill gesture;
// within their role's limit it is granted at once, beyond it the manager asked (their own
// manager, else any active manager) is told in-app and approves or declines; the requester hears
// the decision. Each step is an event on the ticket, the decision with its delay.

import { and, asc, eq, inArray } from "drizzle-orm";
import type { Role } from "../../core/access/permissions.js";
import { type ApprovalInput, validateApproval, withinAuthority } from "../../core/escalation/approval.js";
import { EscalationNotFound, EscalationStateError, NotTheApprover } from "../../core/escalation/escalationInvalid.js";
import { type Locale, translate } from "../../core/i18n/index.js";
import { type Approval, getApprovalLimits, insertApproval, lockApproval, updateApproval } from "../../store/approvals.js";
import { writeEvents } from "../../store/events.js";
import { agents } from "../../store/schema.js";
import { isUuid } from "../../store/sql/uuid.js";
import { lockTicket } from "../../store/tickets/ticketRows.js";
import type { Work } from "../work.js";
import { loadPeople, type PersonInfo, queueNotices } from "./handoffNotices.js";

export interface RequestApprovalProps extends ApprovalInput {
  number: number;
}

export interface DecideApprovalProps {
  id: string;
  decision: "approved" | "declined";
  note?: string | undefined;
}

/** An amount in the reader's words: "€120.00", "120,00 €". */
function money(locale: Locale, cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

const kindWord = (locale: Locale, kind: string) => translate(locale, `escalation.approvalKind.${kind as "refund"}`).toLocaleLowerCase(locale);

/** Records the request; asks a manager when it is beyond the requester's authority. */
export async function requestApproval(work: Work, props: RequestApprovalProps): Promise<Approval> {
  const { tx, now, actor } = work;
  const request = validateApproval(props);
  const ticket = await lockTicket(tx, props.number);
  const requesterId = actor.type === "agent" ? (actor.id ?? null) : null;
  const requester = requesterId ? (await loadPeople(tx, [requesterId])).get(requesterId) : undefined;
  const limits = await getApprovalLimits(tx);
  const own = requester !== undefined && withinAuthority(requester.role as Role, request.amountCents, limits);
  const approver = own ? undefined : await approverFor(work, requesterId, request.amountCents);
  const approval = await insertApproval(tx, {
    ticketNumber: ticket.number,
    ...request,
    requestedById: requesterId,
    approverId: approver?.id ?? null,
    status: own ? "approved" : "pending",
    ...(own ? { decidedById: requesterId, decidedAt: now } : {}),
    createdAt: now,
    updatedAt: now,
  });
  await writeEvents(tx, [
    {
      ticketNumber: ticket.number,
      at: now,
      actor,
      type: "approval_requested",
      data: {
        approvalId: approval.id,
        kind: request.kind,
        amountCents: request.amountCents,
        currency: request.currency,
        approverId: approver?.id ?? null,
        withinAuthority: own,
      },
    },
  ]);
  if (approver) {
    await queueNotices(tx, {
      kind: "requested",
      ticketNumber: ticket.number,
      escalationId: approval.id,
      recipients: [approver],
      values: (locale) => ({
        agent: requester?.name ?? "Palier",
        kind: kindWord(locale, request.kind),
        amount: money(locale, request.amountCents, request.currency),
        reason: request.reason,
      }),
      data: { type: "approval", approvalId: approval.id },
      now,
    });
  }
  return approval;
}

/** Approves or declines a pending approval; NotTheApprover unless asked of the actor or within their own limit. */
export async function decideApproval(work: Work, props: DecideApprovalProps): Promise<Approval> {
  const { tx, now, actor } = work;
  const approval = isUuid(props.id) ? await lockApproval(tx, props.id.toLowerCase()) : undefined;
  if (!approval) throw new EscalationNotFound(props.id);
  if (approval.status !== "pending") throw new EscalationStateError(props.id, approval.status, props.decision);
  const me = actor.id ? (await loadPeople(tx, [actor.id])).get(actor.id) : undefined;
  const limits = await getApprovalLimits(tx);
  const allowed = me !== undefined && me.active && (approval.approverId === me.id || withinAuthority(me.role as Role, approval.amountCents, limits));
  if (!allowed || me.role === "agent" || me.role === "viewer") throw new NotTheApprover(props.id);
  const note = props.note?.trim() || null;
  const decided = await updateApproval(tx, approval.id, { status: props.decision, decidedById: me.id, decidedAt: now, decisionNote: note }, now);
  await writeEvents(tx, [
    {
      ticketNumber: approval.ticketNumber,
      at: now,
      actor,
      type: "approval_decided",
      data: {
        approvalId: approval.id,
        decision: props.decision,
        delaySeconds: Math.round((now.getTime() - approval.createdAt.getTime()) / 1000),
        note,
      },
    },
  ]);
  const requester = approval.requestedById ? (await loadPeople(tx, [approval.requestedById])).get(approval.requestedById) : undefined;
  if (requester && requester.id !== me.id) {
    await queueNotices(tx, {
      kind: props.decision,
      ticketNumber: approval.ticketNumber,
      escalationId: approval.id,
      recipients: [requester],
      values: (locale) => ({
        agent: me.name,
        kind: kindWord(locale, approval.kind),
        amount: money(locale, approval.amountCents, approval.currency),
        note: note ?? "",
        hasNote: note ? "yes" : "no",
      }),
      data: { type: "approval", approvalId: approval.id },
      now,
    });
  }
  return decided;
}

/** Who decides: the requester's manager when their limit covers it, else the first active manager or admin who may. */
async function approverFor(work: Work, requesterId: string | null, amountCents: number): Promise<PersonInfo | undefined> {
  const limits = await getApprovalLimits(work.tx);
  const [own] = requesterId ? await work.tx.select({ managerId: agents.managerId }).from(agents).where(eq(agents.id, requesterId)) : [];
  const manager = own?.managerId ? (await loadPeople(work.tx, [own.managerId])).get(own.managerId) : undefined;
  if (manager?.active && withinAuthority(manager.role as Role, amountCents, limits) && manager.role !== "agent") return manager;
  const rows = await work.tx
    .select({ id: agents.id })
    .from(agents)
    .where(and(inArray(agents.role, ["manager", "admin"]), eq(agents.active, true)))
    .orderBy(asc(agents.role), asc(agents.name));
  const people = await loadPeople(
    work.tx,
    rows.map((r) => r.id),
  );
  // Managers before admins: "admin" sorts first, so look for a manager first.
  const ordered = [...people.values()].sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === "manager" ? -1 : 1));
  return ordered.find((p) => p.id !== requesterId && withinAuthority(p.role as Role, amountCents, limits));
}
