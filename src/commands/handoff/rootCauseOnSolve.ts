// Solving a ticket whose escalation is open or accepted: a root cause from the workspace's list
// is required, the escalation is resolved with it, a `root_cause` event records it, and the
// agent who escalated hears the outcome, so that they learn.

import { type RootCauseInput, validateRootCause } from "../../core/escalation/rootCause.js";
import { isMessageKey, translate, type MessageKey } from "../../core/i18n/index.js";
import { offeredRootCauses, rootCauseEntry, rootCauseLabel } from "../../core/escalation/rootCauseList.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { activeEscalation, getEscalationSettings, updateEscalation } from "../../store/escalations.js";
import { writeEvents } from "../../store/events.js";
import type { Work } from "../work.js";
import { loadPeople, queueNotices } from "./handoffNotices.js";

export interface RootCauseOnSolveProps {
  /** The ticket being solved, locked in the unit of work, before the change. */
  ticket: Ticket;
  rootCause?: RootCauseInput | undefined;
}

/**
 * Resolves the ticket's active escalation with its root cause; nothing when it has none.
 * EscalationInvalid (`rootCause` missing, not in the list, or `other` without words) otherwise.
 */
export async function resolveOnSolve(work: Work, props: RootCauseOnSolveProps): Promise<void> {
  const { tx, now, actor } = work;
  const escalation = await activeEscalation(tx, props.ticket.number);
  if (!escalation) return;
  const settings = await getEscalationSettings(tx);
  const cause = validateRootCause(props.rootCause ?? {}, offeredRootCauses(settings.rootCauses));
  const labels = rootCauseEntry(settings.rootCauses, cause.rootCause)?.labels ?? null;
  await updateEscalation(tx, escalation.id, { status: "resolved", rootCause: cause.rootCause, rootCauseText: cause.text, resolvedAt: now }, now);
  await writeEvents(tx, [
    {
      ticketNumber: props.ticket.number,
      at: now,
      actor,
      type: "root_cause",
      data: { escalationId: escalation.id, rootCause: cause.rootCause, text: cause.text, ...(labels ? { labels } : {}) },
    },
  ]);
  if (!escalation.fromAgentId || escalation.fromAgentId === actor.id) return;
  const from = (await loadPeople(tx, [escalation.fromAgentId])).get(escalation.fromAgentId);
  if (!from) return;
  await queueNotices(tx, {
    kind: "solved",
    ticketNumber: props.ticket.number,
    escalationId: escalation.id,
    recipients: [from],
    values: (locale) => ({
      cause: rootCauseLabel(settings.rootCauses, cause.rootCause, locale, (code) => {
        const key = `escalation.rootCause.${code}`;
        return isMessageKey(key) ? translate(locale, key as MessageKey) : undefined;
      }),
      text: cause.text ?? "",
      hasText: cause.text ? "yes" : "no",
    }),
    now,
  });
}
