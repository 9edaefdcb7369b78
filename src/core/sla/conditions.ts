// Policy matching: the first active policy (by position) whose conditions hold applies, else
// the default policy. The answer says why, so that the ticket's timeline can tell.

import type { Condition, Conditions, SlaPolicy, TicketFacts } from "./policy.js";

export interface PolicyMatch {
  policy: SlaPolicy;
  /** e.g. `segment is vip; channel in twitter, facebook`, or `default policy: no other matched`. */
  reason: string;
}

type Scalar = string | number | boolean;

/** The ticket's value for a condition's field: a list for `tags`, one value otherwise. */
function valueOf(facts: TicketFacts, field: Condition["field"]): Scalar | Scalar[] | null {
  if (field.startsWith("custom.")) {
    const value = facts.customFields[field.slice("custom.".length)];
    if (Array.isArray(value)) return value.filter((v): v is Scalar => ["string", "number", "boolean"].includes(typeof v));
    return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
  }
  switch (field) {
    case "segment":
      return facts.segment;
    case "organization":
      return facts.organizationId;
    case "customer":
      return facts.customerId;
    case "product":
      return facts.productId;
    case "team":
      return facts.teamId;
    case "channel":
      return facts.channel;
    case "priority":
      return facts.priority;
    case "tags":
      return facts.tags;
    case "language":
      return facts.language;
    default:
      return null;
  }
}

// Identifiers compare without case (PostgreSQL writes UUIDs in lower case), text too.
const norm = (v: Scalar) => (typeof v === "string" ? v.toLowerCase() : v);

/** Whether one condition holds for the ticket. */
export function conditionHolds(condition: Condition, facts: TicketFacts): boolean {
  const actual = valueOf(facts, condition.field);
  const have = (Array.isArray(actual) ? actual : actual === null ? [] : [actual]).map(norm);
  const wanted = (Array.isArray(condition.value) ? condition.value : [condition.value]).map(norm);
  const any = wanted.some((w) => have.includes(w));
  switch (condition.op) {
    case "is":
    case "in":
      return any;
    case "is_not":
    case "not_in":
      return !any;
  }
}

/** Whether a set of conditions holds: every `all`, and one `any` when there are some. */
export function conditionsHold(conditions: Conditions, facts: TicketFacts): boolean {
  const all = conditions.all ?? [];
  const any = conditions.any ?? [];
  return all.every((c) => conditionHolds(c, facts)) && (any.length === 0 || any.some((c) => conditionHolds(c, facts)));
}

/** A condition in words, for reasons: `segment is vip`, `channel in twitter, facebook`. */
export function describeCondition(condition: Condition): string {
  const value = Array.isArray(condition.value) ? condition.value.join(", ") : String(condition.value);
  return `${condition.field} ${condition.op.replace("_", " ")} ${value}`;
}

/**
 * The policy that applies to a ticket: the one a rule applied while it is active, else the first
 * active non-default policy by position whose conditions hold, else the first active default
 * policy; undefined when none applies.
 */
export function matchPolicy(policies: readonly SlaPolicy[], facts: TicketFacts): PolicyMatch | undefined {
  const applied = facts.appliedPolicyId ? policies.find((p) => p.id === facts.appliedPolicyId && p.active) : undefined;
  if (applied) return { policy: applied, reason: "applied by a rule" };
  const ordered = policies.filter((p) => p.active).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  for (const policy of ordered) {
    if (policy.isDefault || !conditionsHold(policy.conditions, facts)) continue;
    const all = (policy.conditions.all ?? []).map(describeCondition);
    const any = (policy.conditions.any ?? []).filter((c) => conditionHolds(c, facts)).map(describeCondition);
    const reason = [...all, ...(any.length ? [`any of: ${any.join("; ")}`] : [])].join("; ") || "no conditions: every ticket";
    return { policy, reason };
  }
  const fallback = ordered.find((p) => p.isDefault);
  return fallback ? { policy: fallback, reason: "default policy: no other policy matched" } : undefined;
}
