// Why a ticket changed, as data: the renderers say it in the reader's language, analytics and
// rules can count and match it, and nothing stores an English sentence in its place.

import type { Happening } from "../sla/clocks.js";
import { conditionHolds } from "../sla/conditions.js";
import type { PolicyMatch } from "../sla/conditions.js";
import type { Condition, Target, TicketFacts } from "../sla/policy.js";
import type { Status } from "../ticket/ticket.js";

/** The matrix step whose action changed the ticket (the same facts as its `escalation` event). */
export interface EscalationCause {
  cause: "escalation";
  /** The id of the step's `escalation` event, which precedes the changes it made. */
  eventId?: number;
  policyId: string;
  /** The policy's name when the step fired, for a policy since deleted. */
  policyName: string;
  kind: "reminder" | "level";
  level: number;
  target: Target;
  /** The clock's deadline (ISO 8601). */
  deadline: string;
  /** When the step fired (ISO 8601). */
  firedAt: string;
  /** How long after its own due time the step fired, when the engine was behind. */
  lateByMs?: number;
}

/**
 * Why a `created` or `updated` event happened; absent when a person simply edited the ticket.
 * - `first_reply`: an agent's first public reply opened a new ticket.
 * - `customer_wrote`: a customer message reopened a pending, on-hold or solved ticket.
 * - `escalation`: an action of a matrix step (reassign, raise priority, set tier, add followers).
 * - `auto_closed`: closed by itself some days after it was solved.
 * - `routed`: routing chose the assignee: by the team's strategy (`strategy`, its `assignment`
 *   event `eventId`), the person on call in schedule `scheduleId` for an urgent ticket (`on_call`),
 *   or, in older rows, an agent of the team speaking `language`.
 * - `rule`: an action of a team's rule (`eventId`: its `rule` event, which precedes the change).
 * - `comment`: the words a person gave with the change, shown as written (never translated).
 */
export type ChangeCause =
  | { cause: "first_reply" }
  | { cause: "customer_wrote" }
  | EscalationCause
  | { cause: "auto_closed"; afterDays: number }
  | { cause: "routed"; by: "language"; language: string }
  | { cause: "routed"; by: "strategy"; strategy: "load_balanced" | "round_robin"; eventId?: number }
  | { cause: "routed"; by: "on_call"; scheduleId: string; scheduleName: string }
  | RuleChangeCause
  | { cause: "comment"; text: string };

/** The rule whose action changed the ticket. */
export interface RuleChangeCause {
  cause: "rule";
  ruleId: string;
  /** The rule's name when it fired, for a rule since renamed or deleted. */
  ruleName: string;
  /** The id of the rule's `rule` event. */
  eventId?: number;
}

/**
 * Why the SLA clocks moved (an `sla` event), from the happening the clocks followed.
 * `ticket_changed` covers a change of priority, of policy or of anything a policy matches on;
 * `clocks_rebuilt`: the clocks did not cover what the policy measures and were replayed from the history.
 */
export type ClockCause =
  | { cause: "ticket_created" }
  | { cause: "agent_replied" }
  | { cause: "internal_note" }
  | { cause: "customer_wrote" }
  | { cause: "status_changed"; from: Status; to: Status }
  | { cause: "ticket_changed" }
  | { cause: "clocks_rebuilt" };

/** The cause of an `sla` event for `happening` on a ticket now in `status` (not rebuilt). */
export function clockCauseOf(happening: Happening, status: Status): ClockCause {
  switch (happening.type) {
    case "created":
      return { cause: "ticket_created" };
    case "agent_message":
      return { cause: happening.kind === "reply" ? "agent_replied" : "internal_note" };
    case "customer_message":
      return { cause: "customer_wrote" };
    case "changed":
      return happening.statusFrom && happening.statusFrom !== status
        ? { cause: "status_changed", from: happening.statusFrom, to: status }
        : { cause: "ticket_changed" };
  }
}

/**
 * Why a policy applies (an `sla_policy` event):
 * - `conditions`: its `all` conditions held, and of its `any` conditions those in `any` held
 *   (both empty: a policy without conditions, which covers every ticket);
 * - `default`: the default policy, since no other matched;
 * - `applied`: a rule applied it to the ticket, above the policies' conditions;
 * - `none`: no policy applies, the ticket is no longer measured.
 */
export type PolicyMatchCause = { cause: "conditions"; all: Condition[]; any: Condition[] } | { cause: "default" } | { cause: "applied" } | { cause: "none" };

/** The cause of a policy match for the ticket `facts` it was matched on; `none` when nothing matched. */
export function policyMatchCause(match: PolicyMatch | undefined | null, facts: TicketFacts): PolicyMatchCause {
  if (!match) return { cause: "none" };
  if (facts.appliedPolicyId && match.policy.id === facts.appliedPolicyId) return { cause: "applied" };
  if (match.policy.isDefault) return { cause: "default" };
  const { all = [], any = [] } = match.policy.conditions;
  return { cause: "conditions", all, any: any.filter((c) => conditionHolds(c, facts)) };
}
