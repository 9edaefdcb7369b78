// The fields a rule's condition may read (the dotted paths of core/rules/rule.ts), grouped as
// the editor shows them, each with the kind of value it holds; the operators that make sense
// for each kind, and the shape of the value each operator wants.

import type { RuleOperator } from "../../core/rules/rule.js";
import { ALARM_KINDS } from "../../core/triage/signals.js";
import { CHANNELS, LANGUAGES, MESSAGE_KINDS, PRIORITIES, STATUSES, TIERS } from "../../core/ticket/ticket.js";

export const FIELD_GROUPS = ["ticket", "customer", "organization", "message", "actor", "triage", "time"] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/**
 * What a field holds: free text, one of known words (`enum`, with `options` or a directory
 * list), a list (of words or free text), a number, yes/no, an instant; `clock` is the moment the
 * rule runs (`within_business_hours`).
 */
export type FieldKind = "text" | "enum" | "list" | "number" | "boolean" | "date" | "clock";

/** Where an enum's or a list's choices come from: fixed words (their catalogue prefix) or the directory. */
export type Choices = { words: readonly string[]; prefix: string } | { directory: "teams" | "agents" | "products" };

export interface FieldSpec {
  path: string;
  group: FieldGroup;
  kind: FieldKind;
  choices?: Choices;
  /** Words in an order (priorities, tiers): "greater than" and "less than" compare by it. */
  ordered?: boolean;
  /** A change of the ticket can change it, so the `changed` operators apply. */
  changes?: boolean;
}

const ACTOR_TYPES = ["agent", "customer", "rule", "system"] as const;
const ROLES = ["admin", "manager", "team_lead", "agent", "viewer"] as const;

/** The field of a `within_business_hours` condition, which reads the moment and no ticket field. */
export const NOW_FIELD = "now";
/** Custom fields are `ticket.customFields.<key>`. */
export const CUSTOM_PREFIX = "ticket.customFields.";

export const FIELDS: readonly FieldSpec[] = [
  { path: "ticket.subject", group: "ticket", kind: "text", changes: true },
  { path: "ticket.status", group: "ticket", kind: "enum", choices: { words: STATUSES, prefix: "status" }, changes: true },
  { path: "ticket.priority", group: "ticket", kind: "enum", choices: { words: PRIORITIES, prefix: "priority" }, ordered: true, changes: true },
  { path: "ticket.tier", group: "ticket", kind: "enum", choices: { words: TIERS, prefix: "tier" }, ordered: true, changes: true },
  { path: "ticket.channel", group: "ticket", kind: "enum", choices: { words: CHANNELS, prefix: "channel" }, changes: true },
  { path: "ticket.language", group: "ticket", kind: "enum", choices: { words: LANGUAGES, prefix: "language" }, changes: true },
  { path: "ticket.productId", group: "ticket", kind: "enum", choices: { directory: "products" }, changes: true },
  { path: "ticket.teamId", group: "ticket", kind: "enum", choices: { directory: "teams" }, changes: true },
  { path: "ticket.assigneeId", group: "ticket", kind: "enum", choices: { directory: "agents" }, changes: true },
  { path: "ticket.tags", group: "ticket", kind: "list", changes: true },
  { path: "ticket.number", group: "ticket", kind: "number" },
  { path: "ticket.createdAt", group: "ticket", kind: "date" },
  { path: "ticket.updatedAt", group: "ticket", kind: "date" },
  { path: "ticket.firstResponseAt", group: "ticket", kind: "date" },
  { path: "ticket.lastCustomerMessageAt", group: "ticket", kind: "date" },
  { path: "ticket.lastAgentMessageAt", group: "ticket", kind: "date" },
  { path: "customer.name", group: "customer", kind: "text" },
  { path: "customer.email", group: "customer", kind: "text" },
  { path: "customer.language", group: "customer", kind: "enum", choices: { words: LANGUAGES, prefix: "language" } },
  { path: "organization.name", group: "organization", kind: "text" },
  { path: "organization.segment", group: "organization", kind: "text" },
  { path: "organization.domains", group: "organization", kind: "list" },
  { path: "message.text", group: "message", kind: "text" },
  { path: "message.kind", group: "message", kind: "enum", choices: { words: MESSAGE_KINDS, prefix: "rules.messageKind" } },
  { path: "message.channel", group: "message", kind: "enum", choices: { words: CHANNELS, prefix: "channel" } },
  { path: "actor.type", group: "actor", kind: "enum", choices: { words: ACTOR_TYPES, prefix: "rules.actorType" } },
  { path: "actor.role", group: "actor", kind: "enum", choices: { words: ROLES, prefix: "rules.role" } },
  { path: "actor.teamId", group: "actor", kind: "enum", choices: { directory: "teams" } },
  { path: "triage.language", group: "triage", kind: "enum", choices: { words: [...LANGUAGES, "unknown"], prefix: "language" } },
  { path: "triage.frustration", group: "triage", kind: "number" },
  { path: "triage.frustrated", group: "triage", kind: "boolean" },
  { path: "triage.alarms", group: "triage", kind: "list", choices: { words: ALARM_KINDS, prefix: "triage.alarm" } },
  { path: "triage.alarmPhrases", group: "triage", kind: "list" },
  { path: NOW_FIELD, group: "time", kind: "clock" },
];

const BY_PATH = new Map(FIELDS.map((field) => [field.path, field]));

/** The spec of `path`; a custom field (`ticket.customFields.<key>`) reads as text a ticket change may change. */
export function fieldSpec(path: string): FieldSpec {
  const known = BY_PATH.get(path);
  if (known) return known;
  return { path, group: "ticket", kind: "text", changes: path.startsWith(CUSTOM_PREFIX) };
}

const CHANGES: readonly RuleOperator[] = ["changed", "changed_from", "changed_to"];

function comparisons(spec: Pick<FieldSpec, "kind" | "ordered" | "choices">): readonly RuleOperator[] {
  switch (spec.kind) {
    case "text":
      return ["matches_words", "contains", "contains_any", "is", "is_not", "starts_with", "in"];
    case "enum":
      return spec.ordered ? ["is", "is_not", "in", "greater_than", "less_than"] : ["is", "is_not", "in"];
    case "list":
      // A list of free words (tags, domains, phrases) can also be searched for words.
      return spec.choices ? ["contains", "contains_any"] : ["contains", "contains_any", "matches_words"];
    case "number":
      return ["greater_than", "less_than", "is", "is_not"];
    case "boolean":
      return ["is"];
    case "date":
      return ["greater_than", "less_than"];
    case "clock":
      return ["within_business_hours"];
  }
}

/** The operators that make sense for a field, the most useful first; the `changed` ones only where a ticket change reaches. */
export function operatorsFor(spec: Pick<FieldSpec, "kind" | "ordered" | "changes" | "choices">): readonly RuleOperator[] {
  const base = comparisons(spec);
  if (!spec.changes) return base;
  return [...base, ...(spec.kind === "boolean" || spec.kind === "number" || spec.kind === "date" ? CHANGES.slice(0, 1) : CHANGES)];
}

/**
 * The shape of the value an operator wants: none (`changed`), a list (`in`, `contains_any`,
 * `matches_words`), an optional calendar (`within_business_hours`), else one value.
 */
export type ValueShape = "none" | "one" | "many" | "calendar";

export function valueShape(op: RuleOperator): ValueShape {
  switch (op) {
    case "changed":
      return "none";
    case "in":
    case "contains_any":
    case "matches_words":
      return "many";
    case "within_business_hours":
      return "calendar";
    default:
      return "one";
  }
}

/** The value of the same meaning for another operator: a list keeps its first value for one, one becomes a list. */
export function reshapeValue(value: unknown, shape: ValueShape): unknown {
  const list = Array.isArray(value) ? (value as unknown[]) : value === undefined || value === "" ? [] : [value];
  switch (shape) {
    case "none":
    case "calendar":
      return undefined;
    case "many":
      return list;
    case "one":
      return list[0] ?? "";
  }
}

/** The value a new condition on `spec` starts with, for the operator `op`. */
export function defaultValue(spec: FieldSpec, op: RuleOperator): unknown {
  const shape = valueShape(op);
  if (shape === "many") return [];
  if (shape !== "one") return undefined;
  if (spec.kind === "boolean") return true;
  if (spec.kind === "number") return spec.path === "triage.frustration" ? 0.5 : 0;
  if (spec.choices && "words" in spec.choices) return spec.choices.words[0] ?? "";
  return "";
}
