// A draft rule tried on the latest tickets, nothing written: for each of its triggers but `time`,
// which tickets it would match as if the event had just happened, why, and what its actions
// would change and send. A bounded number of queries, whatever the number of tickets.

import { inArray } from "drizzle-orm";
import type { Role } from "../../core/access/permissions.js";
import type { BusinessCalendar } from "../../core/calendar/index.js";
import type { FieldChanges } from "../../core/events/ticketEvent.js";
import { evaluateCondition } from "../../core/rules/evaluate.js";
import type { RuleFacts } from "../../core/rules/facts.js";
import { type PreviewEffect, previewActions } from "../../core/rules/preview.js";
import type { Condition, MatchedPredicate, RuleTrigger } from "../../core/rules/rule.js";
import { matchPolicy } from "../../core/sla/conditions.js";
import { recentTicketsForRules } from "../../store/rules.js";
import { agents } from "../../store/schema.js";
import { loadCalendars, loadPolicies } from "../../store/sla/policies.js";
import type { Work } from "../work.js";
import { checkRule } from "./ruleEdits.js";

/** How many tickets a dry run reads by default, and at most. */
export const DRY_RUN_LIMIT = { default: 200, max: 1000 } as const;

export interface DryRunProps {
  /** The draft as the caller wrote it; RuleInvalid names each problem, as on create. */
  rule: unknown;
  /** How many of the most recently updated tickets to try it on. */
  limit?: number | undefined;
  /** The caller's role and team, which `actor.*` conditions read (the caller is the actor). */
  actor?: { role?: Role; teamId?: string | null };
}

/** One ticket the draft would match on one trigger. */
export interface DryRunMatch {
  ticketNumber: number;
  subject: string;
  trigger: RuleTrigger;
  matched: MatchedPredicate[];
  changes: FieldChanges;
  actions: { type: PreviewEffect["type"]; summary: string }[];
}

export interface DryRunResult {
  examined: number;
  matched: DryRunMatch[];
}

/** What the draft rule of `props` would have done on the latest tickets; writes nothing. */
export async function dryRunRule(work: Work, props: DryRunProps): Promise<DryRunResult> {
  const rule = await checkRule(work, props.rule);
  const limit = Math.min(Math.max(1, props.limit ?? DRY_RUN_LIMIT.default), DRY_RUN_LIMIT.max);
  const found = await recentTicketsForRules(work.tx, limit);
  const triggers = rule.triggers.filter((trigger) => trigger !== "time");
  if (found.length === 0 || triggers.length === 0) return { examined: found.length, matched: [] };

  // The calendar of each ticket's SLA policy, and those the conditions name.
  const policies = await loadPolicies(work.tx);
  const policyCalendar = found.map(({ ticket, customer, organization }) => {
    const match = matchPolicy(policies, {
      priority: ticket.priority,
      channel: ticket.channel,
      language: ticket.language,
      tags: ticket.tags,
      productId: ticket.productId,
      teamId: ticket.teamId,
      customerId: ticket.customerId,
      organizationId: customer.organizationId,
      segment: organization?.segment ?? null,
      customFields: ticket.customFields,
    });
    return match?.policy.calendarId ?? null;
  });
  const named = namedCalendars(rule.conditions);
  const calendarOf = await loadCalendars(work.tx, [...policyCalendar, ...named]);
  const calendars = new Map<string, BusinessCalendar>(named.map((id) => [id, calendarOf(id)]));

  const agentIds = [
    ...new Set(
      [...found.map((f) => f.ticket.assigneeId), ...rule.actions.map((a) => ("agentId" in a ? a.agentId : undefined))].filter((id): id is string => !!id),
    ),
  ];
  const teams = agentIds.length ? await work.tx.select({ id: agents.id, teamId: agents.teamId }).from(agents).where(inArray(agents.id, agentIds)) : [];
  const directory = { agentTeams: new Map(teams.map((a) => [a.id, a.teamId])) };

  const actor = { ...work.actor, ...props.actor };
  const matched: DryRunMatch[] = [];
  found.forEach((one, i) => {
    const calendarId = policyCalendar[i] ?? null;
    const facts: RuleFacts = {
      ticket: one.ticket,
      customer: one.customer,
      organization: one.organization,
      message: one.message,
      actor,
      triage: one.triage,
      now: work.now,
      calendar: calendarId ? calendarOf(calendarId) : null,
      calendars,
    };
    const outcome = evaluateCondition(rule.conditions, facts);
    if (!outcome.holds) return;
    const preview = previewActions(rule.actions, one.ticket, directory);
    const actions = preview.effects.map((effect) => ({ type: effect.type, summary: summaryOf(effect) }));
    // The facts are the same for every trigger: the ticket as it is now, as if the event had just happened.
    for (const trigger of triggers) {
      matched.push({ ticketNumber: one.ticket.number, subject: one.ticket.subject, trigger, matched: outcome.matched, changes: preview.changes, actions });
    }
  });
  return { examined: found.length, matched };
}

/** What an effect is about, in its own words (a note's text, a webhook's address), for a reader's list. */
function summaryOf(effect: PreviewEffect): string {
  switch (effect.type) {
    case "notify":
      return effect.recipients.map((r) => ("agentId" in r ? `agent:${r.agentId}` : "teamId" in r ? `team:${r.teamId}` : r.kind)).join(", ");
    case "note":
      return effect.text;
    case "reply":
      return `${effect.language}: ${effect.template}`;
    case "webhook":
      return effect.url;
    case "apply_policy":
      return effect.policyId;
    case "add_followers":
    case "route":
      return "";
  }
}

/** The calendars `within_business_hours` comparisons name. */
function namedCalendars(condition: Condition): string[] {
  if ("all" in condition) return condition.all.flatMap(namedCalendars);
  if ("any" in condition) return condition.any.flatMap(namedCalendars);
  if ("not" in condition) return namedCalendars(condition.not);
  return condition.op === "within_business_hours" && typeof condition.value === "string" ? [condition.value] : [];
}
