// A team's own rules: when something happens to a ticket (or a moment comes), if its conditions
// hold, run these actions. Rules run in order; one may stop the ones after it. docs/rules.md.

import type { Recipient, StepAction } from "../sla/policy.js";
import type { Priority, Tier } from "../ticket/ticket.js";

/** What a rule listens to. `time`: a time rule, at its moment (`RuleTime`). */
export const RULE_TRIGGERS = ["ticket_created", "customer_message", "ticket_updated", "sla_warning", "sla_breach", "escalation_bounced", "time"] as const;
export type RuleTrigger = (typeof RULE_TRIGGERS)[number];

/** What the operators compare. */
export const RULE_OPERATORS = [
  "is",
  "is_not",
  "in",
  "contains",
  "contains_any",
  "matches_words",
  "starts_with",
  "greater_than",
  "less_than",
  "changed",
  "changed_from",
  "changed_to",
  "within_business_hours",
] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/**
 * A field a condition reads, as a dotted path:
 * - `ticket.<field>`: subject, status, priority, tier, channel, language, productId, teamId,
 *   assigneeId, tags, createdAt, and `ticket.customFields.<key>`;
 * - `customer.<field>`: name, email, language; `organization.<field>`: name, segment, domains;
 * - `message.<field>`: text, kind (`customer`, `reply`, `note`), channel of the latest message;
 * - `actor.<field>`: type (`agent`, `customer`, `rule`, `system`), role, teamId;
 * - `triage.<field>`: language, frustration, frustrated, alarms (the kinds), alarmPhrases.
 * `within_business_hours` reads no field (its value is a calendar id, or the ticket's policy's).
 */
export type FieldPath = string;

/** One comparison. `value` is absent for `changed` and `within_business_hours`'s default calendar. */
export interface Predicate {
  field: FieldPath;
  op: RuleOperator;
  value?: unknown;
}

/** Conditions nest: all of, any of, not, or one comparison. `{all: []}` always holds. */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Predicate;

/** What a rule does: the matrix's actions (one registry), and those that only rules need yet. */
export type RuleAction =
  | Exclude<StepAction, { type: "notify" }>
  | { type: "notify"; recipients: Recipient[] }
  | { type: "set_priority"; priority: Priority }
  | { type: "add_tags"; tags: string[] }
  | { type: "remove_tags"; tags: string[] }
  | { type: "set_team"; teamId: string }
  | { type: "assign"; agentId: string }
  | { type: "apply_policy"; policyId: string }
  | { type: "escalate"; tier?: Tier; teamId?: string; note?: string }
  | { type: "canned_reply"; templates: { fr?: string; nl?: string; en?: string } }
  /** Hands the ticket to its team's routing: the team's strategy chooses the agent (docs/routing.md). */
  | { type: "route" };

/** The units a time rule counts in; business units on the ticket's policy's calendar (24/7 without one). */
export const TIME_UNITS = ["minutes", "hours", "days", "business_hours", "business_days"] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/** The instant a time rule counts from. */
export const TIME_ANCHORS = ["created", "updated", "status_changed", "last_customer_message", "last_agent_message"] as const;
export type TimeAnchor = (typeof TIME_ANCHORS)[number];

/** When a time rule fires: `amount` `unit` after `since`, its conditions checked at that moment. */
export interface RuleTime {
  since: TimeAnchor;
  amount: number;
  unit: TimeUnit;
}

/** A rule as the API writes it. */
export interface RuleDefinition {
  name: string;
  enabled: boolean;
  triggers: RuleTrigger[];
  /** Required when `triggers` holds `time`. */
  time?: RuleTime;
  conditions: Condition;
  actions: RuleAction[];
  /** When it matched, the rules after it do not run for this event. */
  stop: boolean;
}

/** A stored rule: its definition, its place in the order, its id and version. */
export interface Rule extends RuleDefinition {
  id: string;
  /** Rules run by ascending position. */
  position: number;
  version: number;
}

/**
 * One comparison that held, as a decision records it: the field, the operator, the value the
 * rule expected, the value the ticket had, and for word operators the words found.
 */
export interface MatchedPredicate {
  field: FieldPath;
  op: RuleOperator;
  value?: unknown;
  actual: unknown;
  found?: string[];
  /** The comparison did not hold, under a `not`: why the negation held. */
  negated?: boolean;
}

/** Why a rule matched: its id and name as they were, and the comparisons that held. */
export interface RuleMatch {
  ruleId: string;
  ruleName: string;
  matched: MatchedPredicate[];
}

/** How deep rules may set off rules (a rule's change triggering `ticket_updated`) before Palier stops the chain. */
export const RULE_DEPTH_LIMIT = 5;
