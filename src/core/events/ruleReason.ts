// The English sentences of the rule, rule_limit and triage events, kept in the row's `reason`
// for integrators and SQL readers (the timeline renders the data instead).

import type { MatchedPredicate } from "../rules/rule.js";
import type { FrustrationReason } from "../triage/signals.js";
import type { RuleEventData, RuleLimitData, TriageEventData } from "./ruleData.js";

const OPERATORS: Record<MatchedPredicate["op"], string> = {
  is: "is",
  is_not: "is not",
  in: "is one of",
  contains: "contains",
  contains_any: "contains one of",
  matches_words: "holds",
  starts_with: "starts with",
  greater_than: ">",
  less_than: "<",
  changed: "changed",
  changed_from: "changed from",
  changed_to: "changed to",
  within_business_hours: "within business hours",
};

const shown = (value: unknown): string =>
  Array.isArray(value) ? value.map(shown).join(", ") : typeof value === "string" ? `"${value}"` : JSON.stringify(value);

/** One comparison that held, in English: `ticket.subject holds "ne marche pas"`, `triage.frustration 0.82 > 0.5`. */
export function predicateSentence(p: MatchedPredicate): string {
  if (p.negated) return `not: ${predicateSentence({ ...p, negated: false })}`;
  switch (p.op) {
    case "matches_words":
      return `${p.field} holds ${shown(p.found?.length ? p.found : p.value)}`;
    case "greater_than":
    case "less_than":
      return `${p.field} ${shown(p.actual)} ${OPERATORS[p.op]} ${shown(p.value)}`;
    case "changed":
      return `${p.field} changed to ${shown(p.actual)}`;
    case "within_business_hours":
      return "within business hours";
    default:
      return `${p.field} ${OPERATORS[p.op]} ${shown(p.value)}`;
  }
}

/** `rule "VIP urgent" on customer_message: ticket.subject holds "ne marche pas"`. */
export function ruleReason(data: RuleEventData): string {
  const why = data.matched.length ? data.matched.map(predicateSentence).join("; ") : "no conditions";
  return `rule "${data.ruleName}" on ${data.trigger}: ${why}${data.stopped ? "; the rules after it did not run" : ""}`;
}

/** Why a chain of rules stopped. */
export function ruleLimitReason(data: RuleLimitData): string {
  return `rules set off rules ${data.limit} deep; stopped before ${data.rules.map((r) => `"${r.ruleName}"`).join(", ") || "more rules"} ran again`;
}

function frustrationCue(reason: FrustrationReason): string {
  switch (reason.kind) {
    case "word":
      return `"${reason.phrase}" (+${reason.weight})`;
    case "negated":
      return `"${reason.phrase}" negated`;
    case "capitals":
      return `${Math.round(reason.share * 100)}% capitals`;
    case "exclamations":
      return `${reason.count} exclamation marks`;
    case "waiting":
      return `waiting: "${reason.phrase}"`;
    case "repeat_contact":
      return `${reason.count} other tickets in ${reason.days} days`;
  }
}

/** `frustration 0.82 (threshold 0.5): "inacceptable" (+0.4); alarms: legal ("avocat")`. */
export function triageReason(data: TriageEventData): string {
  const { signals } = data;
  const parts = [
    `frustration ${signals.frustration} (threshold ${data.threshold})${signals.reasons.length ? `: ${signals.reasons.map(frustrationCue).join(", ")}` : ""}`,
  ];
  if (signals.alarms.length) parts.push(`alarms: ${signals.alarms.map((a) => `${a.kind} ("${a.phrase}")`).join(", ")}`);
  if (data.languageSet) parts.push(`language set to ${data.languageSet}`);
  return parts.join("; ");
}
