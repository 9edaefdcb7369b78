// What the policy schemas cannot say, checked before a policy is stored: values that fit their
// condition's field and operator, unique step ids, levels that fit their kind, the fields each
// recipient kind and action type needs (and only those), webhooks on http(s) with a long enough
// secret, and start levels that exist. Every problem is reported with its path and a code.

import { CHANNELS, LANGUAGES, PRIORITIES, type Priority } from "../ticket/ticket.js";
import type { Condition, Conditions, EscalationMatrix, Recipient, StepAction } from "./policy.js";

/** What is wrong with one part of a policy, as a machine code (a reader's language renders it from the code and `params`). */
export type PolicyProblemCode =
  | "list_expected"
  | "single_value_expected"
  | "not_in_vocabulary"
  | "not_an_id"
  | "not_a_string"
  | "duplicate_step_id"
  | "reminder_level_not_zero"
  | "level_below_one"
  | "step_without_effect"
  | "field_required"
  | "field_not_allowed"
  | "reassign_without_target"
  | "not_http_url"
  | "secret_too_short"
  | "start_level_missing"
  | "beyond_horizon";

/** One problem: where (a dotted path such as `matrix.steps[1].level`), what (a code and its values), and an English sentence. */
export interface PolicyProblem {
  path: string;
  code: PolicyProblemCode;
  params: Record<string, string | number>;
  message: string;
}

/** A policy that cannot be stored as given; `problems` names every problem found, in order. */
export class PolicyValidationError extends Error {
  constructor(readonly problems: readonly PolicyProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join("; "));
    this.name = "PolicyValidationError";
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Fields each recipient kind needs. */
const RECIPIENT_FIELDS: Record<Recipient["kind"], readonly string[]> = {
  assignee: [],
  assignee_manager: [],
  team_lead: [],
  region_managers: [],
  agent: ["agentId"],
  team: ["teamId"],
  on_call: ["scheduleId"],
};

/** Kinds whose fields may be left out: `on_call` without a schedule reads the ticket team's. */
const OPTIONAL_RECIPIENT_FIELDS: ReadonlySet<Recipient["kind"]> = new Set(["on_call"]);

/** Fields each action type may carry, and those it needs. */
const ACTION_FIELDS: Record<StepAction["type"], { allowed: readonly string[]; required: readonly string[] }> = {
  notify: { allowed: [], required: [] },
  reassign: { allowed: ["agentId", "teamId"], required: [] },
  raise_priority: { allowed: ["to"], required: [] },
  set_tier: { allowed: ["tier"], required: ["tier"] },
  add_followers: { allowed: [], required: [] },
  add_note: { allowed: ["text"], required: ["text"] },
  webhook: { allowed: ["url", "secret"], required: ["url", "secret"] },
};

/** Values a field's conditions may compare with, when the field has a fixed vocabulary. */
const VOCABULARY: Partial<Record<string, readonly string[]>> = { channel: CHANNELS, priority: PRIORITIES, language: LANGUAGES };
const ID_FIELDS = new Set(["organization", "customer", "product", "team"]);

/** Everything wrong with the parts of a policy given (an update gives some of them); empty when nothing is. */
export function policyProblems(policy: { conditions?: Conditions; matrix?: EscalationMatrix }): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const fail: Fail = (path, code, message, params = {}) => problems.push({ path, code, params, message });
  for (const group of ["all", "any"] as const) {
    policy.conditions?.[group]?.forEach((condition, i) => checkCondition(condition, `conditions.${group}[${i}]`, fail));
  }
  if (policy.matrix) checkMatrix(policy.matrix, fail);
  return problems;
}

/** Throws a {@link PolicyValidationError} naming every problem of the parts of a policy given. */
export function checkPolicy(policy: { conditions?: Conditions; matrix?: EscalationMatrix }): void {
  const problems = policyProblems(policy);
  if (problems.length > 0) throw new PolicyValidationError(problems);
}

type Fail = (path: string, code: PolicyProblemCode, message: string, params?: Record<string, string | number>) => void;

function checkCondition(condition: Condition, path: string, fail: Fail): void {
  const list = Array.isArray(condition.value);
  if ((condition.op === "in" || condition.op === "not_in") && !list)
    return fail(`${path}.value`, "list_expected", `${condition.op} takes a list of values`, { op: condition.op });
  if ((condition.op === "is" || condition.op === "is_not") && list) {
    return fail(`${path}.value`, "single_value_expected", `${condition.op} takes one value (in / not_in take a list)`, { op: condition.op });
  }
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  const vocabulary = VOCABULARY[condition.field];
  values.forEach((value, i) => {
    const at = list ? `${path}.value[${i}]` : `${path}.value`;
    if (vocabulary && !vocabulary.includes(value as string))
      fail(at, "not_in_vocabulary", `must be one of: ${vocabulary.join(", ")}`, { values: vocabulary.join(", ") });
    else if (ID_FIELDS.has(condition.field) && (typeof value !== "string" || !UUID.test(value)))
      fail(at, "not_an_id", `must be the id of a ${condition.field}`, { field: condition.field });
    else if (!condition.field.startsWith("custom.") && typeof value !== "string") fail(at, "not_a_string", "must be a string");
  });
}

function checkMatrix(matrix: EscalationMatrix, fail: Fail): void {
  const firstWithId = new Map<string, number>();
  matrix.steps.forEach((step, s) => {
    const path = `matrix.steps[${s}]`;
    const earlier = firstWithId.get(step.id);
    if (earlier !== undefined)
      fail(`${path}.id`, "duplicate_step_id", `"${step.id}" is already the id of matrix.steps[${earlier}]`, { id: step.id, step: earlier });
    else firstWithId.set(step.id, s);
    if (step.kind === "reminder" && step.level !== 0) fail(`${path}.level`, "reminder_level_not_zero", "a reminder's level is 0");
    if (step.kind === "level" && step.level < 1) fail(`${path}.level`, "level_below_one", "a level is 1 or more");
    if ((step.recipients ?? []).length === 0 && (step.actions ?? []).length === 0)
      fail(`${path}.recipients`, "step_without_effect", "a step needs recipients or actions");
    (step.recipients ?? []).forEach((recipient, r) =>
      checkFields(
        recipient,
        "kind",
        RECIPIENT_FIELDS[recipient.kind],
        OPTIONAL_RECIPIENT_FIELDS.has(recipient.kind) ? [] : RECIPIENT_FIELDS[recipient.kind],
        `${path}.recipients[${r}]`,
        "recipient",
        fail,
      ),
    );
    (step.actions ?? []).forEach((action, a) => checkAction(action, `${path}.actions[${a}]`, fail));
  });
  for (const [priority, level] of Object.entries(matrix.startLevel ?? {})) {
    if (
      level !== undefined &&
      !matrix.steps.some((step) => step.kind === "level" && step.level === level && (!step.priorities || step.priorities.includes(priority as Priority)))
    ) {
      fail(`matrix.startLevel.${priority}`, "start_level_missing", `no level ${level} step applies to ${priority} tickets`, { level, priority });
    }
  }
}

function checkAction(action: StepAction, path: string, fail: Fail): void {
  const rules = ACTION_FIELDS[action.type];
  checkFields(action, "type", rules.allowed, rules.required, path, "action", fail);
  const fields = action as Record<string, unknown>;
  if (action.type === "reassign" && fields.agentId === undefined && fields.teamId === undefined)
    fail(`${path}.agentId`, "reassign_without_target", "a reassign action needs agentId or teamId");
  if (action.type === "webhook") {
    if (typeof fields.url === "string" && !isHttpUrl(fields.url)) fail(`${path}.url`, "not_http_url", "must be an http:// or https:// URL");
    if (typeof fields.secret === "string" && fields.secret.length < 16)
      fail(`${path}.secret`, "secret_too_short", "must be at least 16 characters", { min: 16 });
  }
}

// Each field the kind needs is there, and no other is.
function checkFields(item: object, tag: string, allowed: readonly string[], required: readonly string[], path: string, noun: string, fail: Fail): void {
  const fields = item as Record<string, unknown>;
  const kind = String(fields[tag]);
  for (const name of required)
    if (fields[name] === undefined) fail(`${path}.${name}`, "field_required", `is required for a ${kind} ${noun}`, { field: name, kind, noun });
  for (const name of Object.keys(fields)) {
    if (name !== tag && !allowed.includes(name) && fields[name] !== undefined)
      fail(`${path}.${name}`, "field_not_allowed", `is not a field of a ${kind} ${noun}`, { field: name, kind, noun });
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
