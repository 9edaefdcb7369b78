// The notices of the steps that fired on one ticket in one batch: alone, a step notifies as it
// says; several together (a catch-up after downtime or after an edit moved due times into the
// past) send one notice per person, naming the highest step reached, instead of one per step.

import type { BusinessCalendar } from "../../core/calendar/index.js";
import type { Directory } from "../../core/directory/directory.js";
import type { StepRef } from "../../core/events/index.js";
import type { ResolvedRecipient } from "../../core/sla/recipients.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import type { OutboxItem } from "../../store/outbox/outbox.js";
import { runActions } from "../actions/runActions.js";
import type { Work } from "../work.js";
import type { DeferredNotice, FiredStep } from "./fireStep.js";

export interface SendNoticesProps {
  /** The ticket as the batch's steps left it: the notices describe it so. */
  ticket: Ticket;
  /** The steps fired on the ticket in this batch, in firing order; those with a `notice` left it to this function. */
  fired: readonly FiredStep[];
  directory: Directory;
  calendar(id: string | null): BusinessCalendar;
}

/**
 * Sends the notices the fired steps left, writing what happened into their events, and returns
 * the outbox items to queue. Each person is notified once, by the highest step that reaches
 * anyone (a level above a reminder, then the higher level, then the later step), urgently when a
 * step that reaches them is urgent. The other steps' events say their notices went with it.
 */
export async function sendNotices(work: Work, props: SendNoticesProps): Promise<OutboxItem[]> {
  const noticed = props.fired.filter((f): f is FiredStep & { notice: DeferredNotice } => f.notice !== undefined);
  for (const f of noticed) if (f.notice.recipients.length === 0) skip(f, { action: "notify", why: "nobody_to_notify" });
  const reaching = noticed.filter((f) => f.notice.recipients.length > 0);
  const head = reaching.reduce<(typeof reaching)[number] | undefined>((best, f) => (!best || rank(f) >= rank(best) ? f : best), undefined);
  if (!head) return [];

  // Everyone the steps reach, once, in firing order; urgent when any step reaching them is.
  const everyone = new Map<string, { recipient: ResolvedRecipient; urgent: boolean }>();
  for (const f of reaching) {
    const urgent = f.notice.cause.step.urgent === true;
    for (const recipient of f.notice.recipients) {
      const known = everyone.get(recipient.agent.id);
      if (known) known.urgent ||= urgent;
      else everyone.set(recipient.agent.id, { recipient, urgent });
    }
  }
  const queued: OutboxItem[] = [];
  for (const urgent of [true, false]) {
    const recipients = [...everyone.values()].filter((r) => r.urgent === urgent).map((r) => r.recipient);
    if (recipients.length === 0) continue;
    const cause = { ...head.notice.cause, step: { ...head.notice.cause.step, urgent } };
    const report = await runActions(
      {
        work,
        ticket: props.ticket,
        recipients,
        changeCause: head.notice.changeCause,
        cause,
        directory: props.directory,
        calendar: (id) => props.calendar(id),
      },
      [{ type: "notify" }],
    );
    head.event.data.outcomes.push(...report.done);
    for (const s of report.skipped) skip(head, s);
    queued.push(...report.queued);
  }
  const others = reaching.filter((f) => f !== head);
  if (others.length > 0) {
    head.event.data.catchUp = { why: "notice_for", steps: others.map(refOf) };
    for (const f of others) f.event.data.catchUp = { why: "notice_with", into: refOf(head) };
  }
  return queued;
}

function skip(fired: FiredStep, why: NonNullable<FiredStep["event"]["data"]["skips"]>[number]): void {
  fired.event.data.skips = [...(fired.event.data.skips ?? []), why];
}

/** Levels above reminders, then by level. */
function rank(fired: FiredStep): number {
  return fired.event.data.kind === "level" ? fired.event.data.level : -1;
}

function refOf(fired: FiredStep): StepRef {
  const { kind, level, target } = fired.event.data;
  return { kind, level, target };
}
