// What a fired matrix step records: whom it reached, what each action did and why any part of
// it did nothing, as data the timeline renders in the reader's language.

import type { RuleAction } from "../rules/rule.js";
import type { Recipient, Target } from "../sla/policy.js";
import type { Priority, Tier } from "../ticket/ticket.js";

/** How a notification went out. */
export type NoticeChannel = "inapp" | "email";

/**
 * What one action of a step did. Agents and teams are ids; `name` is the name they had when the
 * step fired, shown only when the reader's directory no longer knows the id.
 * - `notified`: `heldUntil` when quiet hours delayed it to the agent's next working instant,
 *   `outsideHours` when an urgent step sent it outside them anyway (with `onCall` when it went
 *   at once because the agent was reached as the person on call).
 * - `reassigned`: to `agentId` (and their team), or to `teamId`'s queue.
 */
export type StepOutcome =
  | { type: "notified"; agentId: string; name?: string; channels: NoticeChannel[]; heldUntil?: string; outsideHours?: true; onCall?: true }
  | { type: "reassigned"; agentId?: string; teamId?: string; name?: string }
  | { type: "priority_raised"; from: Priority; to: Priority }
  | { type: "tier_set"; from: Tier; to: Tier }
  | { type: "followers_added"; agentIds: string[]; names?: string[] }
  | { type: "note_added" }
  | { type: "webhook_queued"; url: string }
  | { type: "priority_set"; from: Priority; to: Priority }
  | { type: "tags_added"; tags: string[] }
  | { type: "tags_removed"; tags: string[] }
  | { type: "team_set"; teamId: string; name?: string }
  | { type: "policy_applied"; policyId: string; name?: string }
  | { type: "escalated"; from: Tier; to: Tier }
  | { type: "reply_sent"; language: string };

/** The type of any action, a matrix step's or a rule's (one registry runs both). */
export type ActionType = RuleAction["type"];

/** A recipient of the step that reached nobody, and why. */
export type RecipientSkip =
  | { recipient: Recipient["kind"]; why: "inactive"; agentId: string; name?: string }
  | { recipient: Recipient["kind"]; why: "no_assignee" }
  | { recipient: Recipient["kind"]; why: "no_manager"; agentId: string; name?: string }
  | { recipient: Recipient["kind"]; why: "no_team" }
  | { recipient: Recipient["kind"]; why: "no_lead"; teamId: string; name?: string }
  | { recipient: Recipient["kind"]; why: "no_region" }
  | { recipient: Recipient["kind"]; why: "no_region_manager"; region: string }
  | { recipient: Recipient["kind"]; why: "unknown_agent"; agentId: string }
  | { recipient: Recipient["kind"]; why: "unknown_team"; teamId: string }
  | { recipient: Recipient["kind"]; why: "no_active_member"; teamId: string; name?: string }
  | { recipient: Recipient["kind"]; why: "no_schedule"; scheduleId?: string }
  | { recipient: Recipient["kind"]; why: "nobody_on_call"; scheduleId: string; name?: string };

/** An action of the step that did nothing, and why; `failed` carries the error's own message. */
export type ActionSkip =
  | { action: ActionType; why: "nobody_to_notify" }
  | { action: ActionType; why: "inactive_agent"; agentId: string }
  | { action: ActionType; why: "unknown_team"; teamId: string }
  | { action: ActionType; why: "already_assigned" }
  | { action: ActionType; why: "already_priority"; priority: Priority }
  | { action: ActionType; why: "already_tier"; tier: Tier }
  | { action: ActionType; why: "all_follow" }
  | { action: ActionType; why: "no_recipient" }
  | { action: ActionType; why: "failed"; message: string }
  | { action: ActionType; why: "already_tagged" }
  | { action: ActionType; why: "not_tagged" }
  | { action: ActionType; why: "already_team"; teamId: string }
  | { action: ActionType; why: "unknown_policy"; policyId: string }
  | { action: ActionType; why: "already_policy"; policyId: string }
  | { action: ActionType; why: "top_tier"; tier: Tier }
  | { action: ActionType; why: "no_template" }
  /** The route action found nothing to do: the ticket has no team, its team assigns by hand, or it waits in the queue. */
  | { action: ActionType; why: "not_routed"; reason: "no_team" | "manual" | "queued" };

/** Why part of a step did nothing. */
export type StepSkip = RecipientSkip | ActionSkip;

/** A matrix step as a reader names it: "level 3 (Resolution)". */
export interface StepRef {
  kind: "reminder" | "level";
  level: number;
  target: Target;
}

/**
 * What a catch-up (steps firing late, or several of a ticket at once: after downtime, or after a
 * policy or calendar edit moved the due times into the past) changed about a step:
 * - `past_due`: a reminder whose clock was already past due when it fired: it sent nothing and
 *   ran none of its actions (a reminder "before due" after the due time tells nobody anything);
 * - `notice_with`: the step's notices went out with those of `into`, a later step of the ticket
 *   that fired in the same batch: one notice per person, naming the highest step reached;
 * - `notice_for`: the step's notice also stood for `steps`, which fired with it.
 */
export type CatchUp = { why: "past_due" } | { why: "notice_with"; into: StepRef } | { why: "notice_for"; steps: StepRef[] };

/** One person a step reached, through which of its recipients. */
export interface ReachedRecipient {
  kind: Recipient["kind"];
  agentId: string;
  /** The agent's name when the step fired. */
  name?: string;
}

/** The data of an `escalation` event: one matrix step fired on one ticket. Instants are ISO 8601. */
export interface EscalationData {
  /** The timer that fired (the id its in-app notifications carry too). */
  timerId: number;
  policyId: string;
  /** The policy's name when the step fired. */
  policyName: string;
  target: Target;
  cycle: number;
  stepId: string;
  kind: "reminder" | "level";
  level: number;
  /** When the step was due. */
  dueAt: string;
  /** The clock's deadline the step is measured against. */
  deadline: string;
  firedAt: string;
  /** Milliseconds between `dueAt` and `firedAt`. */
  lagMs: number;
  /** Fired more than a minute after its due time (the engine was down or behind). */
  late: boolean;
  /** The first level to fire on this clock: the clock breached. */
  breached?: true;
  recipients: ReachedRecipient[];
  outcomes: StepOutcome[];
  /** How a catch-up changed what the step did (see {@link CatchUp}); absent when it fired alone. */
  catchUp?: CatchUp;
  skips?: StepSkip[];
  /** The worker that fired it. */
  worker: string;
}
