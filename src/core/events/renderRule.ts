// A rule's decision, a chain cut short, and a message's triage signals in the reader's language:
// which rule, on what, the comparisons that held ("Subject holds « ne marche pas »",
// "Frustration 0.82 > 0.5"), what it did; how frustrated the customer sounds and why.

import { isMessageKey, type MessageKey } from "../i18n/index.js";
import type { MatchedPredicate } from "../rules/rule.js";
import type { FrustrationReason } from "../triage/signals.js";
import { fieldValue, word } from "./renderCauses.js";
import type { RenderContext } from "./renderContext.js";
import { outcomeText, skipText } from "./renderEscalation.js";
import type { RuleEventData, RuleLimitData, TriageEventData } from "./ruleData.js";

// The last part of a rule's field path read as the ticket field it names, for its values' words.
const VALUE_FIELDS: Record<string, string> = {
  "ticket.status": "status",
  "ticket.priority": "priority",
  "ticket.tier": "tier",
  "ticket.channel": "channel",
  "ticket.language": "language",
  "ticket.teamId": "teamId",
  "ticket.assigneeId": "assigneeId",
  "ticket.productId": "productId",
  "message.channel": "channel",
  "customer.language": "language",
  "triage.language": "language",
};

/** A rule's field in words: "Subject", "Frustration", or the path itself for a custom field. */
export function ruleFieldName(context: RenderContext, field: string): string {
  const key = `events.ruleField.${field}`;
  if (isMessageKey(key)) return context.t(key as MessageKey);
  const custom = /^ticket\.customFields\.(.+)$/.exec(field);
  return custom ? context.t("events.ruleField.custom", { key: custom[1] as string }) : field;
}

/** A value a rule compared, in words: priorities and statuses translated, ids named, alarms by kind, numbers the reader's way. */
export function ruleValue(context: RenderContext, field: string, value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? context.t("events.none") : context.list(value.map((v) => ruleValue(context, field, v)));
  if (typeof value === "number") return new Intl.NumberFormat(context.locale, { maximumFractionDigits: 2 }).format(value);
  if (typeof value === "boolean") return context.t("events.rule.boolean", { value: value ? "yes" : "no" });
  if (field === "triage.alarms" && typeof value === "string") return word(context, "events.alarm", value);
  if (field === "ticket.language" || field === "triage.language" || field === "customer.language") {
    if (typeof value === "string") return word(context, "ticket.language", value);
  }
  return fieldValue(context, VALUE_FIELDS[field] ?? field, value);
}

/** One comparison that held. */
export function predicateText(context: RenderContext, p: MatchedPredicate): string {
  const quoted = (words: readonly unknown[]) => context.list(words.map((w) => context.t("events.rule.quoted", { text: String(w) })));
  const found = p.found?.length ? p.found : Array.isArray(p.value) ? p.value : [p.value];
  const text = context.t("events.rule.predicate", {
    field: ruleFieldName(context, p.field),
    op: p.op,
    value: p.op === "matches_words" ? quoted(found) : ruleValue(context, p.field, p.value),
    actual: ruleValue(context, p.field, p.actual),
  });
  // Under a `not`, the comparison that failed is why the negation held.
  return p.negated ? context.t("events.rule.negated", { predicate: text }) : text;
}

/** "Rule: VIP en colère". */
export function ruleTitle(context: RenderContext, data: Pick<RuleEventData, "ruleName">): string {
  return context.t("events.rule.title", { name: data.ruleName });
}

/** The trigger, the comparisons, what the actions did and why some did nothing. */
export function ruleLines(context: RenderContext, data: RuleEventData): string[] {
  const { t } = context;
  const lines = [t("events.rule.trigger", { trigger: data.trigger, depth: data.depth })];
  const conditions = data.matched.map((p) => predicateText(context, p));
  lines.push(conditions.length ? t("events.rule.matched", { conditions: conditions.join("; ") }) : t("events.rule.always"));
  const outcomes = (data.outcomes ?? []).map((o) => outcomeText(context, o));
  if (outcomes.length) lines.push(t("events.escalation.actions", { actions: context.list(outcomes) }));
  const skips = (data.skips ?? []).map((s) => skipText(context, s));
  if (skips.length) lines.push(t("events.escalation.skipped", { skips: skips.join("; ") }));
  if (data.stopped) lines.push(t("events.rule.stopped"));
  return lines;
}

/** Why the chain stopped. */
export function ruleLimitLines(context: RenderContext, data: RuleLimitData): string[] {
  const names = data.rules.map((r) => r.ruleName);
  return [context.t("events.rule.limit", { limit: data.limit, count: names.length, names: context.list(names) })];
}

/** One cue of the frustration score. */
export function frustrationCueText(context: RenderContext, reason: FrustrationReason): string {
  const number = (n: number, style: "decimal" | "percent" = "decimal") => new Intl.NumberFormat(context.locale, { style, maximumFractionDigits: 2 }).format(n);
  const values: Record<string, string | number> = { kind: reason.kind, phrase: "", weight: "", share: "", count: 0, days: 0 };
  if ("phrase" in reason) values.phrase = reason.phrase;
  if ("weight" in reason) values.weight = number(reason.weight);
  if ("share" in reason) values.share = number(reason.share, "percent");
  if ("count" in reason) values.count = reason.count;
  if ("days" in reason) values.days = reason.days;
  return context.t("events.triage.cue", values);
}

/** "Frustrated customer", "Alarm raised", or "Triage". */
export function triageTitle(context: RenderContext, data: TriageEventData): string {
  const { signals } = data;
  return context.t("events.triage.title", { frustrated: signals.frustrated ? "yes" : "no", alarms: signals.alarms.length });
}

/** The score and its cues, the alarms with their words, the language. */
export function triageLines(context: RenderContext, data: TriageEventData): string[] {
  const { t } = context;
  const { signals } = data;
  const number = (n: number) => new Intl.NumberFormat(context.locale, { maximumFractionDigits: 2 }).format(n);
  const lines = [t("events.triage.frustration", { score: number(signals.frustration), threshold: number(data.threshold) })];
  if (signals.reasons.length) lines.push(t("events.triage.cues", { cues: context.list(signals.reasons.map((r) => frustrationCueText(context, r))) }));
  for (const alarm of signals.alarms) {
    lines.push(t("events.triage.alarm", { kind: word(context, "events.alarm", alarm.kind), phrase: alarm.phrase }));
  }
  const language = signals.language === "unknown" ? t("events.triage.unknownLanguage") : word(context, "ticket.language", signals.language);
  lines.push(t("events.triage.language", { language, set: data.languageSet ? "yes" : "no" }));
  return lines;
}
