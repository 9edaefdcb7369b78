// Firing one matrix step on one ticket, inside the batch's unit of work: who it reaches, what
// its actions do (through the action registry), and the `escalation` event that explains it all.

import type { BusinessCalendar } from "../../core/calendar/index.js";
import type { Directory } from "../../core/directory/directory.js";
import { type EscalationCause, type EscalationData, escalationCause, type NewTicketEvent } from "../../core/events/index.js";
import type { RuleTrigger } from "../../core/rules/rule.js";
import type { MatrixStep, SlaPolicy, StepAction, Target } from "../../core/sla/policy.js";
import { type ResolvedRecipient, resolveRecipients } from "../../core/sla/recipients.js";
import type { OutboxItem } from "../../store/outbox/outbox.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import type { ClockRow } from "../../store/timers/firingContext.js";
import type { DueTimer } from "../../store/timers/timerRows.js";
import type { EscalationCause as StepCause } from "../actions/actionCause.js";
import { runActions } from "../actions/runActions.js";
import type { Work } from "../work.js";

/** A step fired more than this long after its due time is marked late (the engine was down or behind). */
export const LATE_AFTER_MS = 60_000;

/** One step to fire, with everything the batch read for it. */
export interface FireStepProps {
  timer: DueTimer;
  /** The running clock the timer belongs to. */
  clock: ClockRow;
  policy: SlaPolicy;
  /** The policy's step the timer names. */
  step: MatrixStep;
  /** The ticket, locked by the unit of work, as the previous steps left it. */
  ticket: Ticket;
  directory: Directory;
  /** The calendars of the directory's agents and teams, and of the policy. */
  calendar(id: string | null): BusinessCalendar;
  /** The first level to fire on this clock: the clock breached. */
  breached: boolean;
  /** The id the `escalation` event takes, drawn before the actions so that it precedes their events. */
  eventId: number;
  /** Recorded in the event. */
  workerId: string;
  /**
   * A reminder whose clock is already past due: recorded as not sent (`catchUp: past_due`), its
   * recipients not resolved and none of its actions run.
   */
  pastDue?: boolean;
  /** Leave the step's notices to the caller (see {@link FiredStep.notice}), which sends one per person for several steps. */
  deferNotice?: boolean;
}

/** The notices a step left to its caller: whom they reach and what they say. */
export interface DeferredNotice {
  recipients: ResolvedRecipient[];
  cause: StepCause;
  changeCause: EscalationCause;
}

export interface FiredStep {
  /** The ticket after the step's actions. */
  ticket: Ticket;
  /** Whether an action changed the ticket (the store may have replanned its timers). */
  changed: boolean;
  /** The `escalation` event to write with the batch's. */
  event: NewTicketEvent & { type: "escalation" };
  /** Notices (in-app, e-mail) and webhooks to queue with the batch's. */
  queued: OutboxItem[];
  /** With `deferNotice`, when the step notifies: the notices left to send. */
  notice?: DeferredNotice;
}

/**
 * Runs one step: resolves its recipients, runs its actions, and returns what to write. The
 * ticket changes happen in `work`; the event and the outbox rows are returned to be written in
 * bulk with the rest of the batch. Without actions a step notifies; notices go out after the
 * other actions, so that they describe the ticket as the step left it.
 */
export async function fireStep(work: Work, props: FireStepProps): Promise<FiredStep> {
  const { timer, clock, policy, step, directory } = props;
  const now = work.now;
  const lagMs = Math.max(0, now.getTime() - timer.dueAt.getTime());
  const late = lagMs > LATE_AFTER_MS;
  const deadline = (clock.dueAt ?? timer.dueAt).getTime();
  const target = clock.target as Target;
  const { recipients, skipped } = props.pastDue ? { recipients: [], skipped: [] } : resolveRecipients(step, props.ticket, directory, now.getTime());
  const data: EscalationData = {
    timerId: timer.id,
    policyId: policy.id,
    policyName: policy.name,
    target,
    cycle: clock.cycle,
    stepId: step.id,
    kind: step.kind,
    level: step.level,
    dueAt: timer.dueAt.toISOString(),
    deadline: new Date(deadline).toISOString(),
    firedAt: now.toISOString(),
    lagMs,
    late,
    ...(props.breached ? { breached: true } : {}),
    recipients: recipients.map((r) => ({ kind: r.kind, agentId: r.agent.id, name: r.agent.name })),
    outcomes: [],
    ...(props.pastDue ? { catchUp: { why: "past_due" as const } } : {}),
    worker: props.workerId,
  };
  const cause: StepCause = {
    kind: "escalation",
    timerId: timer.id,
    policy: { id: policy.id, name: policy.name, calendarId: policy.calendarId },
    target,
    step: { id: step.id, kind: step.kind, level: step.level, ...(step.urgent !== undefined ? { urgent: step.urgent } : {}) },
    dueAt: timer.dueAt,
    deadline: new Date(deadline),
    lagMs,
    late,
  };
  // The ticket changes the actions make name this step, and its event, as their cause.
  const changeCause = escalationCause(data, props.eventId);
  const actions = props.pastDue ? [] : stepActions(step);
  const deferred = props.deferNotice === true && actions.some((a) => a.type === "notify");
  const report = await runActions(
    { work, ticket: props.ticket, recipients, changeCause, cause, directory, calendar: (id) => props.calendar(id) },
    deferred ? actions.filter((a) => a.type !== "notify") : actions,
  );

  const skips = [...skipped, ...report.skipped];
  const event: FiredStep["event"] = {
    id: props.eventId,
    ticketNumber: report.ticket.number,
    at: now,
    actor: { type: "system" },
    type: "escalation",
    data: { ...data, outcomes: report.done, ...(skips.length ? { skips } : {}) },
  };
  return { ticket: report.ticket, changed: report.changed, event, queued: report.queued, ...(deferred ? { notice: { recipients, cause, changeCause } } : {}) };
}

/** A step's actions in the order they run: its ticket changes and webhooks as listed, then one notify when it has none or lists one. */
export function stepActions(step: Pick<MatrixStep, "actions">): StepAction[] {
  const others = step.actions.filter((a) => a.type !== "notify");
  const notifies = step.actions.length === 0 || others.length < step.actions.length;
  return notifies ? [...others, { type: "notify" }] : others;
}

/**
 * The rule triggers a fired step sets off: a reminder sent is an `sla_warning`; the first level
 * of a clock is its `sla_breach`; a level whose recipients reach nobody is `escalation_bounced`.
 */
export function slaTriggers(data: Pick<EscalationData, "kind" | "breached" | "recipients" | "catchUp">): RuleTrigger[] {
  if (data.kind === "reminder") return data.catchUp?.why === "past_due" ? [] : ["sla_warning"];
  return [...(data.breached ? (["sla_breach"] as const) : []), ...(data.recipients.length === 0 ? (["escalation_bounced"] as const) : [])];
}
