// The shapes of the SLA, calendar, job, notification and admin answers as the browser app sees
// them. Policies, conditions and matrix steps are the core's own types (src/core/sla/policy.ts).

import type { CalendarSpec, TimeRange, Weekday } from "../../core/calendar/calendarSpec.js";
import type { Condition, Conditions, EscalationMatrix, MatrixStep, Recipient, SlaPolicy, StepAction, Target, TargetMinutes } from "../../core/sla/policy.js";

export type { CalendarSpec, Condition, Conditions, EscalationMatrix, MatrixStep, Recipient, StepAction, Target, TargetMinutes, TimeRange, Weekday };

export interface Calendar {
  id: string;
  name: string;
  spec: CalendarSpec;
  version: number;
}

/** A calendar or policy as sent on create or update (no id, no version). */
export type CalendarInput = Pick<Calendar, "name" | "spec">;

/** One due instant of the preview: a budget of `minutes` business minutes from `start`. */
export interface PreviewDue {
  minutes: number;
  dueAt: string | null;
  error?: string;
}

export interface CalendarPreview {
  start: string;
  items: PreviewDue[];
}

export interface Policy extends SlaPolicy {
  version: number;
}

export type PolicyInput = Omit<SlaPolicy, "id" | "position"> & { position?: number };

/** The answer of a policy or calendar write: the resource and the job recomputing open tickets. */
export interface Saved<T> {
  item: T;
  jobId: string | null;
}

/** One open ticket whose due time an edit moves, as the dry run tells it. */
export interface ImpactExample {
  number: number;
  subject: string;
  clock: Target;
  dueBefore: string | null;
  dueAfter: string | null;
}

/** What saving an edit would do to open tickets (`PATCH …?dryRun=true`); nothing is saved. */
export interface Impact {
  openTickets: number;
  retargeted: number;
  breachedNow: number;
  stepsNow: number;
  notificationsNow: number;
  examples: ImpactExample[];
  /** Some tickets were left out of `examples` (or of the counts, when the server says so). */
  truncated: boolean;
}

/**
 * A dry run's outcome: the impact, or, from a server that does not know dry runs and took the
 * write for a real one, what it saved.
 */
export type DryRun<T> = { kind: "impact"; impact: Impact } | { kind: "saved"; saved: Saved<T> };

export type JobState = "queued" | "running" | "done" | "failed";

export interface Job {
  id: string;
  state: JobState;
  total: number;
  done: number;
  error?: string | null;
}

export type ClockState = "running" | "paused" | "met" | "cancelled";
export type TimerState = "pending" | "fired" | "cancelled";

export interface ClockTimer {
  stepId: string;
  kind: "reminder" | "level";
  level: number;
  dueAt: string;
  state: TimerState;
  firedAt: string | null;
  lagMs: number | null;
}

export interface TicketClock {
  target: Target;
  cycle: number;
  /** The policy the clock runs on (its matrix names the steps' recipients). */
  policyId?: string | null;
  policyName: string | null;
  state: ClockState;
  breached: boolean;
  startedAt: string;
  dueAt: string | null;
  stoppedAt: string | null;
  elapsedSeconds: number | null;
  remainingSeconds: number | null;
  lateBySeconds: number | null;
  /** The clock's warning instant (its first reminder's due time); null without a reminder. */
  warningAt?: string | null;
  timers: ClockTimer[];
}

export interface TicketClocks {
  items: TicketClock[];
  /** The server's instant when it answered (its clock may be manual). */
  now: string | null;
}

export interface AppNotification {
  id: number;
  title: string;
  body: string;
  ticketNumber: number | null;
  /** What the notice is about (an approval to decide carries its `approvalId`). */
  data?: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface MailboxMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  ticketNumber: number | null;
}

export interface OutboxDelivery {
  id: number;
  kind: "email" | "webhook" | "inapp" | "social";
  state: "pending" | "delivered" | "dead";
  address: string | null;
  ticketNumber: number | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
}
