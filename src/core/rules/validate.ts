// A rule checked before it is stored: its shape, fields rules can read, operators that fit their
// field, values of the right type, ids that exist, a time for time rules (and only for them),
// bounded nesting and size, and actions with what each needs. Every problem has a path and a code.

import { fold } from "../text/fold.js";
import { parseInstant } from "../time/iso.js";
import { RECIPIENT_KINDS } from "../sla/policy.js";
import { LANGUAGES, PRIORITIES, TIERS } from "../ticket/ticket.js";
import { normalizeTags } from "../ticket/ticketRecord.js";
import { type FieldSpec, type FieldType, fieldSpec } from "./fields.js";
import { type Condition, RULE_OPERATORS, RULE_TRIGGERS, type RuleAction, type RuleDefinition, type RuleOperator, TIME_ANCHORS, TIME_UNITS } from "./rule.js";

/** How big a rule may be. */
export const RULE_LIMITS = { depth: 10, predicates: 200, actions: 50, text: 1000, name: 200, list: 200, amount: 100_000 } as const;

/** What is wrong with one part of a rule, as a code the `errors` catalogue renders. */
export type RuleProblemCode =
  | "required"
  | "unknown_field"
  | "wrong_type"
  | "too_short"
  | "too_long"
  | "too_few_items"
  | "too_many_items"
  | "duplicate_items"
  | "too_large"
  | "too_small"
  | "too_deep"
  | "not_in_vocabulary"
  | "list_expected"
  | "single_value_expected"
  | "wrong_format"
  | "field_required"
  | "field_not_allowed"
  | "not_http_url"
  | "secret_too_short"
  | "reassign_without_target"
  | "unknown_rule_field"
  | "operator_not_for_field"
  | "unknown_reference"
  | "no_words"
  | "too_many_conditions"
  | "reply_without_template";

/** One problem: where (a dotted path such as `conditions.all[2].value`), what (a code and its values), and an English sentence. */
export interface RuleProblem {
  path: string;
  code: RuleProblemCode;
  params?: Record<string, string | number>;
  message: string;
}

/** A rule that cannot be stored as given; `problems` names every problem found, in order. */
export class RuleInvalid extends Error {
  constructor(readonly problems: readonly RuleProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join("; "));
    this.name = "RuleInvalid";
  }
}

/** The ids a rule may name, as they exist now. */
export interface KnownIds {
  teamIds: ReadonlySet<string>;
  agentIds: ReadonlySet<string>;
  policyIds: ReadonlySet<string>;
  calendarIds: ReadonlySet<string>;
}

type Fail = (path: string, code: RuleProblemCode, message: string, params?: Record<string, string | number>) => void;
type Reference = "team" | "agent" | "policy" | "calendar";

const DEFINITION_FIELDS = new Set(["name", "enabled", "triggers", "time", "conditions", "actions", "stop"]);

/**
 * `definition` as a rule, defaults filled (`enabled` true, `stop` false, `conditions` always
 * holding) and tags normalized; throws {@link RuleInvalid} naming every problem with its path.
 */
export function validateRule(definition: unknown, known: KnownIds): RuleDefinition {
  const problems: RuleProblem[] = [];
  const fail: Fail = (path, code, message, params) => problems.push(params ? { path, code, params, message } : { path, code, message });
  const checker = new Checker(fail, known);
  if (!isObject(definition)) {
    fail("body", "wrong_type", "must be an object", { type: "object" });
    throw new RuleInvalid(problems);
  }
  for (const key of Object.keys(definition)) if (!DEFINITION_FIELDS.has(key)) fail(key, "unknown_field", "is not a known field");
  const name = typeof definition.name === "string" ? definition.name.trim() : "";
  if (definition.name === undefined) fail("name", "required", "is required");
  else if (typeof definition.name !== "string") fail("name", "wrong_type", "must be text", { type: "string" });
  else if (name === "") fail("name", "too_short", "must not be empty", { limit: 1 });
  else if (name.length > RULE_LIMITS.name) fail("name", "too_long", `must be at most ${RULE_LIMITS.name} characters long`, { limit: RULE_LIMITS.name });
  for (const flag of ["enabled", "stop"] as const) {
    if (definition[flag] !== undefined && typeof definition[flag] !== "boolean") fail(flag, "wrong_type", "must be true or false", { type: "boolean" });
  }
  const triggers = checker.triggers(definition.triggers);
  checker.time(definition.time, triggers.includes("time"));
  const conditions = definition.conditions === undefined ? { all: [] } : definition.conditions;
  checker.condition(conditions, "conditions", 1);
  checker.actions(definition.actions);
  if (problems.length > 0) throw new RuleInvalid(problems);
  const rule: RuleDefinition = {
    name,
    enabled: definition.enabled !== false,
    triggers,
    conditions: conditions as Condition,
    actions: (definition.actions as RuleAction[]).map(normalizeAction),
    stop: definition.stop === true,
  };
  if (definition.time !== undefined) rule.time = definition.time as RuleDefinition["time"];
  return rule;
}

function normalizeAction(action: RuleAction): RuleAction {
  return action.type === "add_tags" || action.type === "remove_tags" ? { ...action, tags: normalizeTags(action.tags) } : action;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The operators each type of field takes (the `changed` ones also need a field a change can change). */
const OPERATORS_BY_TYPE: Record<FieldType, readonly RuleOperator[]> = {
  text: ["is", "is_not", "in", "contains", "contains_any", "matches_words", "starts_with"],
  enum: ["is", "is_not", "in"],
  id: ["is", "is_not", "in"],
  number: ["is", "is_not", "in", "greater_than", "less_than"],
  boolean: ["is", "is_not"],
  instant: ["greater_than", "less_than", "within_business_hours"],
  list: ["is", "is_not", "in", "contains", "contains_any"],
  any: ["is", "is_not", "in", "contains", "contains_any", "matches_words", "starts_with", "greater_than", "less_than"],
};
const CHANGE_OPERATORS: readonly RuleOperator[] = ["changed", "changed_from", "changed_to"];

/** The operators `spec` takes. */
export function operatorsFor(spec: FieldSpec): RuleOperator[] {
  const ops = [...OPERATORS_BY_TYPE[spec.type]];
  if (spec.type === "enum" && spec.ordered) ops.push("greater_than", "less_than");
  if (spec.type === "list" && !spec.values) ops.push("matches_words");
  if (spec.changes) ops.push(...CHANGE_OPERATORS);
  return ops;
}

/** Fields each action type may carry (beside `type`), and those it needs. */
const ACTION_FIELDS: Record<RuleAction["type"], { allowed: readonly string[]; required: readonly string[] }> = {
  notify: { allowed: ["recipients"], required: ["recipients"] },
  reassign: { allowed: ["agentId", "teamId"], required: [] },
  raise_priority: { allowed: ["to"], required: [] },
  set_tier: { allowed: ["tier"], required: ["tier"] },
  add_followers: { allowed: [], required: [] },
  add_note: { allowed: ["text"], required: ["text"] },
  webhook: { allowed: ["url", "secret"], required: ["url", "secret"] },
  set_priority: { allowed: ["priority"], required: ["priority"] },
  add_tags: { allowed: ["tags"], required: ["tags"] },
  remove_tags: { allowed: ["tags"], required: ["tags"] },
  set_team: { allowed: ["teamId"], required: ["teamId"] },
  assign: { allowed: ["agentId"], required: ["agentId"] },
  apply_policy: { allowed: ["policyId"], required: ["policyId"] },
  escalate: { allowed: ["tier", "teamId", "note"], required: [] },
  canned_reply: { allowed: ["templates"], required: ["templates"] },
  route: { allowed: [], required: [] },
};
const ACTION_TYPES = Object.keys(ACTION_FIELDS);

class Checker {
  private predicates = 0;

  constructor(
    private readonly fail: Fail,
    private readonly known: KnownIds,
  ) {}

  triggers(value: unknown): RuleDefinition["triggers"] {
    if (value === undefined) return this.failed("triggers", "required", "is required");
    if (!Array.isArray(value)) return this.failed("triggers", "list_expected", "must be a list of triggers");
    if (value.length === 0) return this.failed("triggers", "too_few_items", "must hold at least 1 trigger", { limit: 1 });
    const seen = new Set<string>();
    value.forEach((trigger, i) => {
      if (!RULE_TRIGGERS.includes(trigger as never))
        this.fail(`triggers[${i}]`, "not_in_vocabulary", `must be one of: ${RULE_TRIGGERS.join(", ")}`, { values: RULE_TRIGGERS.join(", ") });
      else if (seen.has(trigger as string)) this.fail(`triggers[${i}]`, "duplicate_items", "must not repeat a trigger");
      seen.add(trigger as string);
    });
    return [...seen] as RuleDefinition["triggers"];
  }

  time(value: unknown, wanted: boolean): void {
    if (!wanted) {
      if (value !== undefined) this.fail("time", "field_not_allowed", "is only for rules with the time trigger");
      return;
    }
    if (value === undefined) return void this.fail("time", "field_required", "is required for a rule with the time trigger");
    if (!isObject(value)) return void this.fail("time", "wrong_type", "must be an object", { type: "object" });
    for (const key of Object.keys(value)) if (!["since", "amount", "unit"].includes(key)) this.fail(`time.${key}`, "unknown_field", "is not a known field");
    this.word(value.since, "time.since", TIME_ANCHORS);
    this.word(value.unit, "time.unit", TIME_UNITS);
    const amount = value.amount;
    if (amount === undefined) this.fail("time.amount", "required", "is required");
    else if (typeof amount !== "number" || !Number.isInteger(amount)) this.fail("time.amount", "wrong_type", "must be a whole number", { type: "integer" });
    else if (amount < 1) this.fail("time.amount", "too_small", "must be at least 1", { limit: 1 });
    else if (amount > RULE_LIMITS.amount) this.fail("time.amount", "too_large", `must be at most ${RULE_LIMITS.amount}`, { limit: RULE_LIMITS.amount });
  }

  condition(value: unknown, path: string, depth: number): void {
    if (depth > RULE_LIMITS.depth) return this.fail(path, "too_deep", `nests deeper than ${RULE_LIMITS.depth} levels`, { limit: RULE_LIMITS.depth });
    if (!isObject(value)) return this.fail(path, "wrong_type", "must be an object", { type: "object" });
    const keys = Object.keys(value);
    for (const group of ["all", "any"] as const) {
      if (!(group in value)) continue;
      if (keys.length > 1) return this.extraKeys(value, path, [group]);
      const parts = value[group];
      if (!Array.isArray(parts)) return this.fail(`${path}.${group}`, "list_expected", "must be a list of conditions");
      parts.forEach((part, i) => this.condition(part, `${path}.${group}[${i}]`, depth + 1));
      return;
    }
    if ("not" in value) {
      if (keys.length > 1) return this.extraKeys(value, path, ["not"]);
      return this.condition(value.not, `${path}.not`, depth + 1);
    }
    this.predicates += 1;
    if (this.predicates === RULE_LIMITS.predicates + 1) {
      this.fail(path, "too_many_conditions", `a rule compares at most ${RULE_LIMITS.predicates} times`, { limit: RULE_LIMITS.predicates });
    }
    this.extraKeys(value, path, ["field", "op", "value"]);
    this.predicate(value, path);
  }

  private extraKeys(value: Record<string, unknown>, path: string, allowed: string[]): void {
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.fail(`${path}.${key}`, "unknown_field", "is not a known field");
  }

  private predicate(value: Record<string, unknown>, path: string): void {
    const op = value.op;
    if (op === undefined) return this.fail(`${path}.op`, "required", "is required");
    if (!RULE_OPERATORS.includes(op as RuleOperator))
      return this.fail(`${path}.op`, "not_in_vocabulary", `must be one of: ${RULE_OPERATORS.join(", ")}`, { values: RULE_OPERATORS.join(", ") });
    const field = value.field ?? (op === "within_business_hours" ? "now" : undefined);
    if (field === undefined) return this.fail(`${path}.field`, "required", "is required");
    if (typeof field !== "string") return this.fail(`${path}.field`, "wrong_type", "must be text", { type: "string" });
    const spec = fieldSpec(field);
    if (!spec) return this.fail(`${path}.field`, "unknown_rule_field", `"${field}" is not a field rules read`, { field });
    if (!operatorsFor(spec).includes(op as RuleOperator))
      return this.fail(`${path}.op`, "operator_not_for_field", `${String(op)} does not apply to ${field}`, { op: String(op), field });
    this.value(spec, op as RuleOperator, value.value, `${path}.value`);
  }

  private value(spec: FieldSpec, op: RuleOperator, value: unknown, path: string): void {
    switch (op) {
      case "changed":
        if (value !== undefined) this.fail(path, "field_not_allowed", "changed takes no value");
        return;
      case "within_business_hours":
        if (value === undefined || value === null) return;
        if (typeof value !== "string") return this.fail(path, "wrong_type", "must be the id of a calendar", { type: "string" });
        return this.reference(value, "calendar", path);
      case "in":
      case "contains_any":
        return this.list(spec, op, value, path);
      case "matches_words": {
        const phrases = Array.isArray(value) ? value : [value];
        if (value === undefined) return this.fail(path, "required", "is required");
        if (Array.isArray(value)) {
          if (value.length === 0) return this.fail(path, "too_few_items", "must hold at least 1 phrase", { limit: 1 });
          if (value.length > RULE_LIMITS.list)
            return this.fail(path, "too_many_items", `must hold at most ${RULE_LIMITS.list} phrases`, { limit: RULE_LIMITS.list });
        }
        phrases.forEach((phrase, i) => {
          const at = Array.isArray(value) ? `${path}[${i}]` : path;
          if (this.text(phrase, at) && fold(phrase as string) === "") this.fail(at, "no_words", "must hold at least one word");
        });
        return;
      }
      case "changed_from":
      case "changed_to":
        if (Array.isArray(value)) return this.list(spec, op, value, path);
        return this.single(spec, op, value, path);
      default:
        if (Array.isArray(value)) return this.fail(path, "single_value_expected", `${op} takes one value (in and contains_any take a list)`, { op });
        return this.single(spec, op, value, path);
    }
  }

  private list(spec: FieldSpec, op: RuleOperator, value: unknown, path: string): void {
    if (!Array.isArray(value)) return this.fail(path, "list_expected", `${op} takes a list of values`, { op });
    if (value.length === 0) return this.fail(path, "too_few_items", "must hold at least 1 value", { limit: 1 });
    if (value.length > RULE_LIMITS.list) return this.fail(path, "too_many_items", `must hold at most ${RULE_LIMITS.list} values`, { limit: RULE_LIMITS.list });
    value.forEach((one, i) => this.single(spec, op, one, `${path}[${i}]`));
  }

  // One value compared with the field: its type, vocabulary or existence.
  private single(spec: FieldSpec, op: RuleOperator, value: unknown, path: string): void {
    if (value === undefined) return this.fail(path, "required", "is required");
    if (value === null) {
      if ((op === "is" || op === "is_not" || op === "changed_from" || op === "changed_to") && spec.nullable) return;
      return this.fail(path, "required", "is required");
    }
    const textual = op === "contains" || op === "starts_with" || op === "contains_any";
    switch (spec.type) {
      case "text":
        this.text(value, path);
        return;
      case "enum":
      case "list":
        if (spec.values) return this.word(value, path, spec.values);
        this.text(value, path);
        return;
      case "id":
        if (typeof value !== "string") return this.fail(path, "wrong_type", "must be an id", { type: "string" });
        if (spec.refers) this.reference(value, spec.refers, path);
        return;
      case "number":
        if (typeof value !== "number" || !Number.isFinite(value)) this.fail(path, "wrong_type", "must be a number", { type: "number" });
        return;
      case "boolean":
        if (typeof value !== "boolean") this.fail(path, "wrong_type", "must be true or false", { type: "boolean" });
        return;
      case "instant":
        if (typeof value !== "string") return this.fail(path, "wrong_format", "must be an ISO 8601 instant with its offset", { format: "date_time" });
        try {
          parseInstant(value);
        } catch {
          this.fail(path, "wrong_format", "must be an ISO 8601 instant with its offset", { format: "date_time" });
        }
        return;
      case "any":
        if (typeof value === "string") this.text(value, path);
        else if (op === "greater_than" || op === "less_than") {
          if (typeof value !== "number" || !Number.isFinite(value)) this.fail(path, "wrong_type", "must be a number", { type: "number" });
        } else if (textual && typeof value !== "number") this.fail(path, "wrong_type", "must be text", { type: "string" });
        else if (typeof value !== "number" && typeof value !== "boolean")
          this.fail(path, "wrong_type", "must be text, a number, or true or false", { type: "other" });
        return;
    }
  }

  private text(value: unknown, path: string): boolean {
    if (typeof value !== "string") {
      this.fail(path, "wrong_type", "must be text", { type: "string" });
      return false;
    }
    if (value.length > RULE_LIMITS.text) {
      this.fail(path, "too_long", `must be at most ${RULE_LIMITS.text} characters long`, { limit: RULE_LIMITS.text });
      return false;
    }
    return true;
  }

  private word(value: unknown, path: string, vocabulary: readonly string[]): void {
    if (value === undefined) return this.fail(path, "required", "is required");
    if (!vocabulary.includes(value as string))
      this.fail(path, "not_in_vocabulary", `must be one of: ${vocabulary.join(", ")}`, { values: vocabulary.join(", ") });
  }

  private reference(value: unknown, kind: Reference, path: string): void {
    if (typeof value !== "string") return this.fail(path, "wrong_type", "must be an id", { type: "string" });
    const ids = { team: this.known.teamIds, agent: this.known.agentIds, policy: this.known.policyIds, calendar: this.known.calendarIds }[kind];
    if (!ids.has(value)) this.fail(path, "unknown_reference", `no ${kind} has the id ${value}`, { kind });
  }

  actions(value: unknown): void {
    if (value === undefined) return this.fail("actions", "required", "is required");
    if (!Array.isArray(value)) return this.fail("actions", "list_expected", "must be a list of actions");
    if (value.length === 0) return this.fail("actions", "too_few_items", "must hold at least 1 action", { limit: 1 });
    if (value.length > RULE_LIMITS.actions)
      return this.fail("actions", "too_many_items", `must hold at most ${RULE_LIMITS.actions} actions`, { limit: RULE_LIMITS.actions });
    value.forEach((action, i) => this.action(action, `actions[${i}]`));
  }

  private action(action: unknown, path: string): void {
    if (!isObject(action)) return this.fail(path, "wrong_type", "must be an object", { type: "object" });
    const type = action.type;
    if (type === undefined) return this.fail(`${path}.type`, "required", "is required");
    if (!ACTION_TYPES.includes(type as string))
      return this.fail(`${path}.type`, "not_in_vocabulary", `must be one of: ${ACTION_TYPES.join(", ")}`, { values: ACTION_TYPES.join(", ") });
    const fields = ACTION_FIELDS[type as RuleAction["type"]];
    for (const name of fields.required)
      if (action[name] === undefined) this.fail(`${path}.${name}`, "field_required", `is required for a ${String(type)} action`, { field: name });
    for (const name of Object.keys(action)) {
      if (name !== "type" && !fields.allowed.includes(name))
        this.fail(`${path}.${name}`, "field_not_allowed", `is not a field of a ${String(type)} action`, { field: name });
    }
    const at = (name: string) => `${path}.${name}`;
    const present = (name: string) => action[name] !== undefined && fields.allowed.includes(name);
    if (present("agentId")) this.reference(action.agentId, "agent", at("agentId"));
    if (present("teamId")) this.reference(action.teamId, "team", at("teamId"));
    if (present("policyId")) this.reference(action.policyId, "policy", at("policyId"));
    if (present("tier")) this.word(action.tier, at("tier"), TIERS);
    if (present("priority")) this.word(action.priority, at("priority"), PRIORITIES);
    if (present("to")) this.word(action.to, at("to"), PRIORITIES);
    if (present("text")) this.nonEmptyText(action.text, at("text"));
    if (present("note")) this.nonEmptyText(action.note, at("note"));
    if (present("tags")) this.tags(action.tags, at("tags"));
    if (present("recipients")) this.recipients(action.recipients, at("recipients"));
    if (present("templates")) this.templates(action.templates, at("templates"));
    if (type === "reassign" && action.agentId === undefined && action.teamId === undefined)
      this.fail(at("agentId"), "reassign_without_target", "a reassign action needs agentId or teamId");
    if (type === "webhook") {
      if (present("url") && (typeof action.url !== "string" || !isHttpUrl(action.url)))
        this.fail(at("url"), "not_http_url", "must be an http:// or https:// URL");
      if (present("secret")) {
        if (typeof action.secret !== "string") this.fail(at("secret"), "wrong_type", "must be text", { type: "string" });
        else if (action.secret.length < 16) this.fail(at("secret"), "secret_too_short", "must be at least 16 characters", { min: 16 });
      }
    }
  }

  private nonEmptyText(value: unknown, path: string): void {
    if (this.text(value, path) && (value as string).trim() === "") this.fail(path, "too_short", "must not be empty", { limit: 1 });
  }

  private tags(value: unknown, path: string): void {
    if (!Array.isArray(value)) return this.fail(path, "list_expected", "must be a list of tags");
    if (value.length === 0) return this.fail(path, "too_few_items", "must hold at least 1 tag", { limit: 1 });
    if (value.length > RULE_LIMITS.list) return this.fail(path, "too_many_items", `must hold at most ${RULE_LIMITS.list} tags`, { limit: RULE_LIMITS.list });
    value.forEach((tag, i) => this.nonEmptyText(tag, `${path}[${i}]`));
  }

  private recipients(value: unknown, path: string): void {
    if (!Array.isArray(value)) return this.fail(path, "list_expected", "must be a list of recipients");
    if (value.length === 0) return this.fail(path, "too_few_items", "must hold at least 1 recipient", { limit: 1 });
    if (value.length > RULE_LIMITS.list)
      return this.fail(path, "too_many_items", `must hold at most ${RULE_LIMITS.list} recipients`, { limit: RULE_LIMITS.list });
    value.forEach((recipient, i) => {
      const at = `${path}[${i}]`;
      if (!isObject(recipient)) return this.fail(at, "wrong_type", "must be an object", { type: "object" });
      const kind = recipient.kind;
      if (!RECIPIENT_KINDS.includes(kind as never)) return this.word(kind, `${at}.kind`, RECIPIENT_KINDS);
      const needs = kind === "agent" ? "agentId" : kind === "team" ? "teamId" : kind === "on_call" ? "scheduleId" : undefined;
      for (const name of Object.keys(recipient))
        if (name !== "kind" && name !== needs)
          this.fail(`${at}.${name}`, "field_not_allowed", `is not a field of a ${String(kind)} recipient`, { field: name });
      if (!needs) return;
      // An on_call recipient without a schedule reaches whoever is on call for the ticket's team.
      if (recipient[needs] === undefined && kind === "on_call") return;
      if (recipient[needs] === undefined) return this.fail(`${at}.${needs}`, "field_required", `is required for a ${String(kind)} recipient`, { field: needs });
      if (needs === "agentId") this.reference(recipient.agentId, "agent", `${at}.agentId`);
      else if (needs === "teamId") this.reference(recipient.teamId, "team", `${at}.teamId`);
      else if (typeof recipient.scheduleId !== "string") this.fail(`${at}.scheduleId`, "wrong_type", "must be an id", { type: "string" });
    });
  }

  private templates(value: unknown, path: string): void {
    if (!isObject(value)) return this.fail(path, "wrong_type", "must be an object", { type: "object" });
    let written = 0;
    for (const [language, template] of Object.entries(value)) {
      if (!LANGUAGES.includes(language as never)) {
        this.fail(`${path}.${language}`, "unknown_field", "is not a known field");
        continue;
      }
      if (template === undefined) continue;
      if (this.text(template, `${path}.${language}`) && (template as string).trim() !== "") written += 1;
    }
    if (written === 0) this.fail(path, "reply_without_template", "write the reply in at least one language");
  }

  private failed(path: string, code: RuleProblemCode, message: string, params?: Record<string, string | number>): never[] {
    this.fail(path, code, message, params);
    return [];
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
