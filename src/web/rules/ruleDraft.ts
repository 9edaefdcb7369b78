// A rule being edited: a new rule's starting point, a fresh action of each type, and the
// definition the API is sent (trimmed, the time only on a time rule).

import type { RuleAction, RuleDefinition, RuleTime } from "../../core/rules/rule.js";

/** The actions the editor offers, in the order of its menu. */
export const RULE_ACTION_TYPES = [
  "set_priority",
  "add_tags",
  "remove_tags",
  "set_team",
  "set_tier",
  "assign",
  "route",
  "apply_policy",
  "escalate",
  "notify",
  "add_note",
  "canned_reply",
  "webhook",
] as const satisfies readonly RuleAction["type"][];

export const DEFAULT_TIME: RuleTime = { since: "created", amount: 1, unit: "hours" };

export function newRule(): RuleDefinition {
  return { name: "", enabled: true, triggers: ["ticket_created", "customer_message"], conditions: { all: [] }, actions: [], stop: false };
}

/** The definition of a stored rule, without its id, position and version. */
export function definitionOf(rule: RuleDefinition): RuleDefinition {
  const { name, enabled, triggers, time, conditions, actions, stop } = rule;
  return { name, enabled, triggers, ...(time ? { time } : {}), conditions, actions, stop };
}

/** A fresh action of `type`; ids a person must choose start empty (the server says so if left). */
export function newRuleAction(type: (typeof RULE_ACTION_TYPES)[number]): RuleAction {
  switch (type) {
    case "set_priority":
      return { type, priority: "high" };
    case "add_tags":
    case "remove_tags":
      return { type, tags: [] };
    case "set_team":
      return { type, teamId: "" };
    case "set_tier":
      return { type, tier: "L2" };
    case "assign":
      return { type, agentId: "" };
    case "apply_policy":
      return { type, policyId: "" };
    case "escalate":
      return { type };
    case "notify":
      return { type, recipients: [{ kind: "assignee" }] };
    case "add_note":
      return { type, text: "" };
    case "canned_reply":
      return { type, templates: { fr: "", nl: "", en: "" } };
    case "webhook":
      return { type, url: "https://", secret: "" };
    case "route":
      return { type };
  }
}

/** What is sent: the name trimmed, the time kept only for a time rule, empty templates left out. */
export function toDefinition(draft: RuleDefinition): RuleDefinition {
  const { time, ...rest } = draft;
  const actions = draft.actions.map((action): RuleAction => {
    if (action.type !== "canned_reply") return action;
    const templates = Object.fromEntries(Object.entries(action.templates).filter(([, text]) => typeof text === "string" && text.trim() !== ""));
    return { type: "canned_reply", templates };
  });
  return { ...rest, name: draft.name.trim(), actions, ...(draft.triggers.includes("time") ? { time: time ?? DEFAULT_TIME } : {}) };
}
