// SLA policies: which tickets they cover (conditions), their targets per priority, the
// statuses that pause the clock, what counts as a response, and the escalation matrix.

import type { Channel, Language, Priority, Status, Tier } from "../ticket/ticket.js";

/** The three targets a policy sets per priority. */
export const TARGETS = ["first_response", "next_response", "resolution"] as const;
export type Target = (typeof TARGETS)[number];

/** Minutes per target for one priority; an absent or null target is not measured. */
export type TargetMinutes = Partial<Record<Target, number | null>>;

/** The ticket fields a condition can test. `custom.<key>` tests a custom field. */
export const CONDITION_FIELDS = ["segment", "organization", "customer", "product", "team", "channel", "priority", "tags", "language"] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number] | `custom.${string}`;

/**
 * `is`/`is_not` compare with one value, `in`/`not_in` with a list; on `tags`, `in` means
 * "carries one of" and `not_in` "carries none of", `is` "carries this tag".
 */
export const CONDITION_OPERATORS = ["is", "is_not", "in", "not_in"] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export interface Condition {
  field: ConditionField;
  op: ConditionOperator;
  value: string | number | boolean | (string | number | boolean)[];
}

/** Every `all` condition holds, and at least one `any` condition when there are some. */
export interface Conditions {
  all?: Condition[];
  any?: Condition[];
}

/** Who a matrix step reaches. `on_call`: whoever is on call when the step fires, in `scheduleId` or (without it) the ticket team's schedule. */
export type Recipient =
  | { kind: "assignee" }
  | { kind: "assignee_manager" }
  | { kind: "team_lead" }
  | { kind: "region_managers" }
  | { kind: "agent"; agentId: string }
  | { kind: "team"; teamId: string }
  | { kind: "on_call"; scheduleId?: string };

export const RECIPIENT_KINDS = ["assignee", "assignee_manager", "team_lead", "region_managers", "agent", "team", "on_call"] as const;

/** What a matrix step does besides notifying. */
export type StepAction =
  | { type: "notify" }
  | { type: "reassign"; agentId?: string; teamId?: string }
  | { type: "raise_priority"; to?: Priority }
  | { type: "set_tier"; tier: Tier }
  | { type: "add_followers" }
  | { type: "add_note"; text: string }
  | { type: "webhook"; url: string; secret: string };

export const ACTION_TYPES = ["notify", "reassign", "raise_priority", "set_tier", "add_followers", "add_note", "webhook"] as const;

/**
 * One step of the matrix. A reminder fires `offsetMinutes` before the due time, a level
 * `offsetMinutes` after it; `clock` says whether those minutes are business minutes on the
 * policy's calendar or wall-clock minutes. `urgent` reaches people outside their working hours.
 */
export interface MatrixStep {
  /** Stable within the policy: a step fires at most once per ticket clock, by this id. */
  id: string;
  kind: "reminder" | "level";
  /** 0 for reminders; 1, 2, 3… for levels (no fixed maximum). */
  level: number;
  /** The targets this step watches; absent: all three. */
  targets?: Target[];
  /** The priorities this step applies to; absent: all. */
  priorities?: Priority[];
  offsetMinutes: number;
  clock: "business" | "wall";
  recipients: Recipient[];
  actions: StepAction[];
  urgent?: boolean;
}

export interface EscalationMatrix {
  steps: MatrixStep[];
  /**
   * Priorities that start at a higher level at once: at breach their start level fires,
   * the levels below it are skipped and the later ones keep their spacing.
   */
  startLevel?: Partial<Record<Priority, number>>;
}

export interface SlaPolicy {
  id: string;
  name: string;
  /** Lower first; the first active policy whose conditions match applies. */
  position: number;
  active: boolean;
  /** Catches the tickets no other policy matches, whatever its conditions. */
  isDefault: boolean;
  conditions: Conditions;
  /** Business minutes on this calendar; null: wall-clock minutes (24/7). */
  calendarId: string | null;
  targets: Partial<Record<Priority, TargetMinutes>>;
  pauseStatuses: Status[];
  /** Whether an internal note counts as a response (by default only public replies do). */
  noteCountsAsResponse: boolean;
  /** Whether an agent's answered outbound call counts as a response (docs/phone.md); absent: it does not. */
  callCountsAsResponse?: boolean;
  matrix: EscalationMatrix;
}

export const DEFAULT_PAUSE_STATUSES: Status[] = ["pending", "on_hold"];

/** What policies are matched against. */
export interface TicketFacts {
  priority: Priority;
  channel: Channel;
  language: Language | null;
  tags: string[];
  productId: string | null;
  teamId: string | null;
  customerId: string;
  organizationId: string | null;
  segment: string | null;
  customFields: Record<string, unknown>;
  /** The policy a rule applied to the ticket: it applies while active, whatever the conditions. */
  appliedPolicyId?: string | null;
}

/** The budget of `target` for `priority` in seconds, or null when the policy does not measure it. */
export function budgetSeconds(policy: SlaPolicy, priority: Priority, target: Target): number | null {
  const minutes = policy.targets[priority]?.[target];
  return typeof minutes === "number" ? minutes * 60 : null;
}
