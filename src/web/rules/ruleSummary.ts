// A rule in one line, in the reader's language: its conditions, then what it does ("If Subject
// contains the words “ne marche pas”: set the priority to Urgent"). The list shows it under each
// rule's name, and the editor above the rule it is editing.

import type { Condition, Predicate, RuleAction, RuleDefinition, RuleOperator } from "../../core/rules/rule.js";
import type { Recipient } from "../../core/sla/policy.js";
import type { MessageKey, Params } from "../i18n/messages.js";
import { conditionOf, groupOf, isGroup, type ConditionGroup } from "./conditionTree.js";
import { CUSTOM_PREFIX, fieldSpec, valueShape } from "./ruleFields.js";

export interface SummaryWords {
  locale: string;
  t(key: MessageKey, params?: Params): string;
  tx(key: string, fallback: string): string;
  agentName(id: string): string | undefined;
  teamName(id: string): string | undefined;
  policyName?(id: string): string | undefined;
  productName?(id: string): string | undefined;
}

const list = (words: SummaryWords, items: string[], type: "conjunction" | "disjunction") =>
  new Intl.ListFormat(words.locale, { type, style: "long" }).format(items);

/** A field's name: its catalogue label, or the custom field's key. */
export function fieldLabel(path: string, words: Pick<SummaryWords, "t" | "tx">): string {
  if (path.startsWith(CUSTOM_PREFIX)) return words.t("rules.field.custom", { key: path.slice(CUSTOM_PREFIX.length) });
  return words.tx(`rules.field.${path}`, path);
}

/** One value of a field as the reader knows it: a priority's word, a team's name, text in quotes. */
export function valueLabel(path: string, value: unknown, words: SummaryWords): string {
  const spec = fieldSpec(path);
  const text = typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
  if (spec.kind === "boolean") return words.t(value === true || value === "true" ? "rules.yes" : "rules.no");
  if (spec.kind === "number") return new Intl.NumberFormat(words.locale).format(Number(value));
  if (spec.kind === "date" && typeof value === "string" && !Number.isNaN(Date.parse(value)))
    return new Intl.DateTimeFormat(words.locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
  const choices = spec.choices;
  if (choices && "words" in choices) return words.tx(`${choices.prefix}.${text}`, text);
  if (choices && "directory" in choices) {
    const name = choices.directory === "teams" ? words.teamName(text) : choices.directory === "agents" ? words.agentName(text) : words.productName?.(text);
    return name ?? text;
  }
  return words.t("rules.quoted", { text });
}

/** An operator's words; on an instant, "greater" and "less" read "after" and "before". */
export function opLabel(op: RuleOperator, path: string, words: Pick<SummaryWords, "t" | "tx">): string {
  if (fieldSpec(path).kind === "date" && (op === "greater_than" || op === "less_than"))
    return words.t(op === "greater_than" ? "rules.op.after" : "rules.op.before");
  return words.tx(`rules.op.${op}`, op);
}

export function predicateText(predicate: Predicate, words: SummaryWords): string {
  const op = opLabel(predicate.op, predicate.field, words);
  if (predicate.op === "within_business_hours") {
    return words.t("rules.summary.businessHours");
  }
  const field = fieldLabel(predicate.field, words);
  const shape = valueShape(predicate.op);
  if (shape === "none") return words.t("rules.summary.predicateNoValue", { field, op });
  const values = Array.isArray(predicate.value) ? predicate.value : [predicate.value];
  const value = list(
    words,
    values.map((v) => valueLabel(predicate.field, v, words)),
    "disjunction",
  );
  return words.t("rules.summary.predicate", { field, op, value });
}

function groupText(group: ConditionGroup, words: SummaryWords, nested: boolean): string {
  const parts = group.items.map((node) => (isGroup(node) ? groupText(node, words, true) : predicateText(node, words)));
  const joined = list(words, parts, group.kind === "any" || group.kind === "none" ? "disjunction" : "conjunction");
  if (group.kind === "none") return words.t("rules.summary.none", { conditions: joined });
  if (group.kind === "notAll") return words.t("rules.summary.notAll", { conditions: joined });
  return nested && parts.length > 1 ? `(${joined})` : joined;
}

/** The conditions in words; "" when they always hold. */
export function conditionsText(condition: Condition, words: SummaryWords): string {
  const group = groupOf(condition);
  if (group.items.length === 0 && (group.kind === "all" || group.kind === "any")) return "";
  return groupText(groupOf(conditionOf(group)), words, false);
}

function recipientText(recipient: Recipient, words: SummaryWords): string {
  switch (recipient.kind) {
    case "agent":
      return words.agentName(recipient.agentId) ?? words.t("matrix.recipient.someAgent");
    case "team":
      return words.t("matrix.recipient.teamNamed", { name: words.teamName(recipient.teamId) ?? "…" });
    case "on_call":
      return recipient.scheduleId ? words.t("matrix.recipient.onCallNamed", { name: recipient.scheduleId }) : words.t("matrix.recipient.on_call.text");
    default:
      return words.tx(`matrix.recipient.${recipient.kind}.text`, recipient.kind);
  }
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** One action in words, in the imperative ("set the priority to Urgent"). */
export function actionText(action: RuleAction, words: SummaryWords): string {
  const { t, tx } = words;
  const tags = (names: string[]) =>
    list(
      words,
      names.map((text) => t("rules.quoted", { text })),
      "conjunction",
    );
  switch (action.type) {
    case "set_priority":
      return t("rules.do.set_priority", { priority: tx(`priority.${action.priority}`, action.priority) });
    case "raise_priority":
      return action.to ? t("rules.do.set_priority", { priority: tx(`priority.${action.to}`, action.to) }) : t("rules.do.raise_priority");
    case "add_tags":
      return t("rules.do.add_tags", { tags: tags(action.tags) });
    case "remove_tags":
      return t("rules.do.remove_tags", { tags: tags(action.tags) });
    case "set_team":
      return t("rules.do.set_team", { team: words.teamName(action.teamId) ?? "…" });
    case "set_tier":
      return t("rules.do.set_tier", { tier: action.tier });
    case "assign":
      return t("rules.do.assign", { agent: words.agentName(action.agentId) ?? "…" });
    case "reassign":
      return action.agentId
        ? t("rules.do.assign", { agent: words.agentName(action.agentId) ?? "…" })
        : action.teamId
          ? t("rules.do.set_team", { team: words.teamName(action.teamId) ?? "…" })
          : t("rules.do.reassign");
    case "apply_policy":
      return t("rules.do.apply_policy", { policy: words.policyName?.(action.policyId) ?? "…" });
    case "escalate": {
      const to = [action.tier, action.teamId ? t("matrix.recipient.teamNamed", { name: words.teamName(action.teamId) ?? "…" }) : undefined].filter(
        (part): part is string => part !== undefined,
      );
      return to.length === 0 ? t("rules.do.escalate") : t("rules.do.escalateTo", { to: list(words, to, "conjunction") });
    }
    case "notify":
      return action.recipients.length === 0
        ? t("rules.do.notifyNobody")
        : t("rules.do.notify", {
            who: list(
              words,
              action.recipients.map((r) => recipientText(r, words)),
              "conjunction",
            ),
          });
    case "add_followers":
      return t("rules.do.add_followers");
    case "add_note":
      return t("rules.do.add_note");
    case "canned_reply":
      return t("rules.do.canned_reply");
    case "route":
      return t("rules.do.route");
    case "webhook":
      return t("rules.do.webhook", { host: hostOf(action.url) || "…" });
  }
}

/** The rule in one line: its conditions and its actions. */
export function ruleSummary(rule: Pick<RuleDefinition, "conditions" | "actions">, words: SummaryWords): string {
  const actions =
    rule.actions.length === 0
      ? words.t("rules.do.nothing")
      : list(
          words,
          rule.actions.map((a) => actionText(a, words)),
          "conjunction",
        );
  const conditions = conditionsText(rule.conditions, words);
  return conditions === "" ? words.t("rules.summary.always", { actions }) : words.t("rules.summary.line", { conditions, actions });
}

/** When a rule runs, in words: its triggers, and a time rule's moment. */
export function triggerText(rule: Pick<RuleDefinition, "triggers" | "time">, words: SummaryWords): string[] {
  return rule.triggers.map((trigger) => {
    if (trigger !== "time" || !rule.time) return words.tx(`rules.trigger.${trigger}`, trigger);
    const { amount, unit, since } = rule.time;
    return words.t("rules.trigger.timeAfter", {
      duration: words.t(`rules.unit.${unit}`, { count: amount }),
      since: words.tx(`rules.since.${since}`, since),
    });
  });
}
