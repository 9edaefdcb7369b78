// The English sentence a row's `reason` column carries, derived from the event's typed data,
// and the English summaries of a step's outcomes and skips: the words integrators, SQL readers
// and rows written before the catalogue already know. Readers in the app render the data instead.

import { escalationReason } from "../notify/escalationTexts.js";
import { describeCondition } from "../sla/conditions.js";
import type { ChangeCause, ClockCause, EscalationCause, PolicyMatchCause } from "./causes.js";
import type { CatchUp, EscalationData, StepOutcome, StepRef, StepSkip } from "./escalationData.js";
import type { NewTicketEvent } from "./ticketEvent.js";
import { mailReason } from "./renderMail.js";
import { callReason } from "./renderCall.js";
import { procedureReason } from "./renderProcedure.js";
import { handoffReason } from "./handoffReason.js";
import { ruleLimitReason, ruleReason, triageReason } from "./ruleReason.js";
import { assignmentReason, queuedReason } from "./routingReason.js";

/** The English reason of a change cause, as the store wrote it before causes were data. */
export function changeReason(cause: ChangeCause | undefined): string | null {
  switch (cause?.cause) {
    case undefined:
      return null;
    case "first_reply":
      return "first reply";
    case "customer_wrote":
      return "the customer wrote";
    case "escalation":
      return escalationCauseReason(cause);
    case "auto_closed":
      return `closed automatically ${cause.afterDays} days after it was solved`;
    case "routed":
      if (cause.by === "strategy") return `routed by the team's ${cause.strategy.replace("_", " ")} assignment`;
      if (cause.by === "on_call") return `routed to the person on call in ${cause.scheduleName}`;
      return `routed to an agent of the team who speaks ${cause.language}`;
    case "rule":
      return `rule ${cause.ruleName}`;
    case "comment":
      return cause.text;
  }
}

function escalationCauseReason(cause: EscalationCause): string {
  return escalationReason({
    policyName: cause.policyName,
    kind: cause.kind,
    level: cause.level,
    target: cause.target,
    deadline: Date.parse(cause.deadline),
    now: Date.parse(cause.firedAt),
    ...(cause.lateByMs !== undefined ? { lateByMs: cause.lateByMs } : {}),
  });
}

/** The English reason of an `sla` event's cause. */
export function clockReason(cause: ClockCause): string {
  switch (cause.cause) {
    case "ticket_created":
      return "ticket created";
    case "agent_replied":
      return "agent replied";
    case "internal_note":
      return "internal note";
    case "customer_wrote":
      return "customer wrote";
    case "status_changed":
      return `status ${cause.from} → ${cause.to}`;
    case "ticket_changed":
      return "ticket or policy changed";
    case "clocks_rebuilt":
      return "clocks rebuilt from history";
  }
}

/** The English reason of a policy match: `segment is vip; any of: channel is twitter`. */
export function matchReason(match: PolicyMatchCause): string {
  switch (match.cause) {
    case "none":
      return "no policy applies";
    case "default":
      return "default policy: no other policy matched";
    case "applied":
      return "applied by a rule";
    case "conditions": {
      const all = match.all.map(describeCondition);
      const any = match.any.map(describeCondition);
      return [...all, ...(any.length ? [`any of: ${any.join("; ")}`] : [])].join("; ") || "no conditions: every ticket";
    }
  }
}

/** The cause the `updated` events of a fired step's actions carry. */
export function escalationCause(data: EscalationData, eventId?: number): EscalationCause {
  return {
    cause: "escalation",
    ...(eventId !== undefined ? { eventId } : {}),
    policyId: data.policyId,
    policyName: data.policyName,
    kind: data.kind,
    level: data.level,
    target: data.target,
    deadline: data.deadline,
    firedAt: data.firedAt,
    ...(data.late ? { lateByMs: data.lagMs } : {}),
  };
}

/** The English reason stored with `event`: null when there is nothing to explain. */
export function eventReason(event: NewTicketEvent): string | null {
  switch (event.type) {
    case "created":
    case "updated":
      return changeReason(event.data?.cause);
    case "message":
      return null;
    case "sla_policy":
      return matchReason(event.data.match);
    case "sla":
      return clockReason(event.data.cause);
    case "escalation":
      return escalationCauseReason(escalationCause(event.data)) + catchUpReason(event.data.catchUp);
    case "rule":
      return ruleReason(event.data);
    case "rule_limit":
      return ruleLimitReason(event.data);
    case "triage":
      return triageReason(event.data);
    case "mail":
      return mailReason(event.data);
    case "call":
      return callReason(event.data);
    case "procedure":
      return procedureReason(event.data);
    case "handoff":
    case "handoff_accepted":
    case "handoff_bounced":
    case "handoff_reminder":
    case "root_cause":
    case "take_over":
    case "approval_requested":
    case "approval_decided":
      return handoffReason(event);
    case "assignment":
      return assignmentReason(event.data);
    case "queued":
      return queuedReason(event.data);
  }
}

/** What a catch-up changed about a step, in English, after its reason ("" when it fired alone). */
function catchUpReason(catchUp: CatchUp | undefined): string {
  const name = (step: StepRef) => `${step.kind === "reminder" ? "reminder" : `level ${step.level}`} (${step.target.replace("_", " ")})`;
  switch (catchUp?.why) {
    case undefined:
      return "";
    case "past_due":
      return "; not sent: the deadline had passed";
    case "notice_with":
      return `; notices sent with ${name(catchUp.into)}`;
    case "notice_for":
      return `; one notice per person for ${catchUp.steps.map(name).join(", ")} too`;
  }
}

/** An outcome in English, as escalation events listed them in `actions` before outcomes were data. */
export function outcomeSentence(outcome: StepOutcome): string {
  switch (outcome.type) {
    case "notified": {
      const channels = outcome.channels.map((c) => (c === "inapp" ? "in-app" : "e-mail")).join(", ");
      const hold = outcome.heldUntil
        ? `; held until ${outcome.heldUntil}, outside working hours`
        : outcome.outsideHours
          ? outcome.onCall
            ? "; on call: sent outside working hours"
            : "; urgent: sent outside working hours"
          : "";
      return `notified ${outcome.name ?? outcome.agentId} (${channels}${hold})`;
    }
    case "reassigned":
      return outcome.agentId !== undefined ? `reassigned to ${outcome.name ?? outcome.agentId}` : `reassigned to team ${outcome.name ?? outcome.teamId}`;
    case "priority_raised":
      return `raised priority ${outcome.from} → ${outcome.to}`;
    case "tier_set":
      return `set tier ${outcome.from} → ${outcome.to}`;
    case "followers_added":
      return `added followers ${(outcome.names ?? outcome.agentIds).join(", ")}`;
    case "note_added":
      return "added a note";
    case "webhook_queued":
      return `queued webhook to ${outcome.url}`;
    case "priority_set":
      return `set priority ${outcome.from} → ${outcome.to}`;
    case "tags_added":
      return `added tags ${outcome.tags.join(", ")}`;
    case "tags_removed":
      return `removed tags ${outcome.tags.join(", ")}`;
    case "team_set":
      return `moved to team ${outcome.name ?? outcome.teamId}`;
    case "policy_applied":
      return `applied SLA policy ${outcome.name ?? outcome.policyId}`;
    case "escalated":
      return `escalated ${outcome.from} → ${outcome.to}`;
    case "reply_sent":
      return `sent a canned reply (${outcome.language})`;
  }
}

/** A skip in English, as escalation events listed them in `skipped` before skips were data. */
export function skipSentence(skip: StepSkip): string {
  if ("recipient" in skip) {
    const why = (() => {
      switch (skip.why) {
        case "inactive":
          return `${skip.name ?? skip.agentId} is inactive`;
        case "no_assignee":
          return "the ticket has no assignee";
        case "no_manager":
          return `${skip.name ?? skip.agentId} has no manager`;
        case "no_team":
          return "the ticket has no team";
        case "no_lead":
          return `team ${skip.name ?? skip.teamId} has no lead`;
        case "no_region":
          return "neither the assignee nor the team lead has a region";
        case "no_region_manager":
          return `no active manager in region ${skip.region}`;
        case "unknown_agent":
          return `no agent ${skip.agentId}`;
        case "unknown_team":
          return `no team ${skip.teamId}`;
        case "no_active_member":
          return `team ${skip.name ?? skip.teamId} has no active agent`;
        case "no_schedule":
          return skip.scheduleId ? `no on-call schedule ${skip.scheduleId}` : "the ticket's team has no on-call schedule";
        case "nobody_on_call":
          return `nobody is on call in ${skip.name ?? skip.scheduleId}`;
      }
    })();
    return `${skip.recipient}: ${why}`;
  }
  const why = (() => {
    switch (skip.why) {
      case "nobody_to_notify":
        return "nobody to notify";
      case "inactive_agent":
        return `no active agent ${skip.agentId}`;
      case "unknown_team":
        return `no team ${skip.teamId}`;
      case "already_assigned":
        return "already assigned so";
      case "already_priority":
        return `already ${skip.priority}`;
      case "already_tier":
        return `already ${skip.tier}`;
      case "all_follow":
        return "every recipient already follows";
      case "no_recipient":
        return "no recipient to add";
      case "failed":
        return `failed: ${skip.message}`;
      case "already_tagged":
        return "every tag is already there";
      case "not_tagged":
        return "none of the tags is there";
      case "already_team":
        return `already with team ${skip.teamId}`;
      case "unknown_policy":
        return `no SLA policy ${skip.policyId}`;
      case "already_policy":
        return `policy ${skip.policyId} already applies`;
      case "top_tier":
        return `already at the highest tier (${skip.tier})`;
      case "no_template":
        return "no template for the ticket's language";
      case "not_routed":
        return skip.reason === "queued"
          ? "nobody available: waits in the team's queue"
          : skip.reason === "manual"
            ? "the team assigns by hand"
            : "the ticket has no team";
    }
  })();
  return `${skip.action}: ${why}`;
}
