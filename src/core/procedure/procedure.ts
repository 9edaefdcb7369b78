// A guided procedure: for one request type (a ticket tag), the steps L1 tries and the information
// it collects before handing a ticket on, named in French, Dutch and English. Checking one names
// every problem with its field path; nothing here reads the clock or the database.

import { LOCALES, type Locale } from "../i18n/locale.js";

/** Words in every language Palier speaks. */
export type Words = Record<Locale, string>;

export const FIELD_KINDS = ["text", "number", "choice"] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Limits of a procedure's parts. */
export const PROCEDURE_LIMITS = { name: 200, label: 300, requestType: 60, key: 40, steps: 30, fields: 30, choices: 30, value: 2000 } as const;

/** One thing to try, ticked when done; `articleId` a knowledge-base article that explains it. */
export interface ProcedureStep {
  key: string;
  label: Words;
  articleId: string | null;
}

/** One option of a `choice` field. */
export interface ProcedureChoice {
  key: string;
  label: Words;
}

/** One piece of information to collect. `choices` only for `choice`. */
export interface ProcedureField {
  key: string;
  label: Words;
  kind: FieldKind;
  required: boolean;
  choices: ProcedureChoice[];
}

/**
 * A procedure as stored. `teamId` null: it applies in every team. `requestType` is the tag a
 * ticket carries for it to apply. `required`: escalating with a required field missing is refused
 * (otherwise the escalate dialog only warns).
 */
export interface ProcedureSpec {
  teamId: string | null;
  requestType: string;
  names: Words;
  required: boolean;
  steps: ProcedureStep[];
  fields: ProcedureField[];
}

/** A problem with one field of a procedure or of a ticket's progress. */
export interface ProcedureProblem {
  path: string;
  code:
    | "required"
    | "too_long"
    | "wrong_type"
    | "not_allowed_value"
    | "unknown_field"
    | "not_an_id"
    | "procedure_key_format"
    | "procedure_duplicate_key"
    | "procedure_empty"
    | "procedure_choices_required"
    | "procedure_tag_format";
  message: string;
  params?: Record<string, string | number>;
}

/** A procedure, or progress on one, that cannot be stored as given; `problems` names each problem. */
export class ProcedureInvalid extends Error {
  constructor(readonly problems: readonly ProcedureProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join("; "));
    this.name = "ProcedureInvalid";
  }
}

/** A procedure as a caller writes it: anything may be missing or of the wrong type. */
export interface ProcedureInput {
  teamId?: unknown;
  requestType?: unknown;
  names?: unknown;
  required?: unknown;
  steps?: unknown;
  fields?: unknown;
}

const KEY = /^[a-z0-9][a-z0-9_-]*$/;
const TAG = /^\S+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** Words in every language at `path` (`steps[0].label`), each required and bounded. */
function words(value: unknown, path: string, max: number, problems: ProcedureProblem[]): Words {
  const given = record(value);
  const out = {} as Words;
  for (const locale of LOCALES) {
    const text = typeof given[locale] === "string" ? (given[locale] as string).trim() : "";
    if (text === "") problems.push({ path: `${path}.${locale}`, code: "required", message: "is required" });
    else if (text.length > max)
      problems.push({ path: `${path}.${locale}`, code: "too_long", message: `must be at most ${max} characters`, params: { limit: max } });
    out[locale] = text;
  }
  return out;
}

/** A list's items at `path`, or a problem when it is not a list or too long. */
function list(value: unknown, path: string, max: number, problems: ProcedureProblem[]): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push({ path, code: "wrong_type", message: "must be a list", params: { type: "array" } });
    return [];
  }
  if (value.length > max) problems.push({ path, code: "too_long", message: `must hold at most ${max} items`, params: { limit: max } });
  return value.slice(0, max);
}

/** A key unique in its list (`seen`), lower-case letters, digits, `-` and `_`. */
function key(value: unknown, path: string, seen: Set<string>, problems: ProcedureProblem[]): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (text === "") problems.push({ path, code: "required", message: "is required" });
  else if (text.length > PROCEDURE_LIMITS.key || !KEY.test(text))
    problems.push({ path, code: "procedure_key_format", message: "must be lower-case letters, digits, - and _ (at most 40)" });
  else if (seen.has(text))
    problems.push({ path, code: "procedure_duplicate_key", message: `is already used by another item (${text})`, params: { key: text } });
  seen.add(text);
  return text;
}

function checkStep(value: unknown, path: string, keys: Set<string>, problems: ProcedureProblem[]): ProcedureStep {
  const given = record(value);
  const articleId = given.articleId === undefined || given.articleId === null || given.articleId === "" ? null : given.articleId;
  if (articleId !== null && (typeof articleId !== "string" || !UUID.test(articleId)))
    problems.push({ path: `${path}.articleId`, code: "not_an_id", message: "must be chosen from the list" });
  return {
    key: key(given.key, `${path}.key`, keys, problems),
    label: words(given.label, `${path}.label`, PROCEDURE_LIMITS.label, problems),
    articleId: typeof articleId === "string" ? articleId.toLowerCase() : null,
  };
}

function checkField(value: unknown, path: string, keys: Set<string>, problems: ProcedureProblem[]): ProcedureField {
  const given = record(value);
  const kind = (FIELD_KINDS as readonly unknown[]).includes(given.kind) ? (given.kind as FieldKind) : "text";
  if (!(FIELD_KINDS as readonly unknown[]).includes(given.kind))
    problems.push({
      path: `${path}.kind`,
      code: "not_allowed_value",
      message: `must be one of: ${FIELD_KINDS.join(", ")}`,
      params: { values: FIELD_KINDS.join(", ") },
    });
  if (given.required !== undefined && typeof given.required !== "boolean")
    problems.push({ path: `${path}.required`, code: "wrong_type", message: "must be yes or no", params: { type: "boolean" } });
  const field: ProcedureField = {
    key: key(given.key, `${path}.key`, keys, problems),
    label: words(given.label, `${path}.label`, PROCEDURE_LIMITS.label, problems),
    kind,
    required: given.required === true,
    choices: [],
  };
  const choices = list(given.choices, `${path}.choices`, PROCEDURE_LIMITS.choices, problems);
  if (kind === "choice") {
    if (choices.length === 0 && given.kind === "choice")
      problems.push({ path: `${path}.choices`, code: "procedure_choices_required", message: "a choice needs at least one option" });
    const choiceKeys = new Set<string>();
    field.choices = choices.map((choice, i) => {
      const option = record(choice);
      return {
        key: key(option.key, `${path}.choices[${i}].key`, choiceKeys, problems),
        label: words(option.label, `${path}.choices[${i}].label`, PROCEDURE_LIMITS.label, problems),
      };
    });
  }
  return field;
}

/**
 * The procedure checked; throws {@link ProcedureInvalid} naming every problem: a name or label
 * missing in a language, a request type that is not one tag, keys malformed or repeated within
 * their list, an unknown field kind, a choice without options, and a procedure with neither steps
 * nor fields. The tag is kept as tickets keep theirs (trimmed, lower case).
 */
export function checkProcedure(input: ProcedureInput): ProcedureSpec {
  const problems: ProcedureProblem[] = [];
  let teamId: string | null = null;
  if (input.teamId !== undefined && input.teamId !== null && input.teamId !== "") {
    if (typeof input.teamId === "string" && UUID.test(input.teamId)) teamId = input.teamId.toLowerCase();
    else problems.push({ path: "teamId", code: "not_an_id", message: "must be chosen from the list" });
  }
  const requestType = typeof input.requestType === "string" ? input.requestType.trim().toLowerCase() : "";
  if (requestType === "") problems.push({ path: "requestType", code: "required", message: "is required" });
  else if (requestType.length > PROCEDURE_LIMITS.requestType)
    problems.push({
      path: "requestType",
      code: "too_long",
      message: `must be at most ${PROCEDURE_LIMITS.requestType} characters`,
      params: { limit: PROCEDURE_LIMITS.requestType },
    });
  else if (!TAG.test(requestType)) problems.push({ path: "requestType", code: "procedure_tag_format", message: "must be one tag, without spaces" });
  const names = words(input.names, "names", PROCEDURE_LIMITS.name, problems);
  if (input.required !== undefined && typeof input.required !== "boolean")
    problems.push({ path: "required", code: "wrong_type", message: "must be yes or no", params: { type: "boolean" } });
  const stepKeys = new Set<string>();
  const steps = list(input.steps, "steps", PROCEDURE_LIMITS.steps, problems).map((step, i) => checkStep(step, `steps[${i}]`, stepKeys, problems));
  const fieldKeys = new Set<string>();
  const fields = list(input.fields, "fields", PROCEDURE_LIMITS.fields, problems).map((field, i) => checkField(field, `fields[${i}]`, fieldKeys, problems));
  if (Array.isArray(input.steps ?? []) && Array.isArray(input.fields ?? []) && steps.length === 0 && fields.length === 0)
    problems.push({ path: "steps", code: "procedure_empty", message: "a procedure needs at least one step or one piece of information" });
  if (problems.length > 0) throw new ProcedureInvalid(problems);
  return { teamId, requestType, names, required: input.required === true, steps, fields };
}

/** Whether the procedure applies to a ticket of `tags` in team `teamId`. */
export function appliesTo(spec: Pick<ProcedureSpec, "teamId" | "requestType">, ticket: { tags: readonly string[]; teamId: string | null }): boolean {
  return ticket.tags.includes(spec.requestType) && (spec.teamId === null || spec.teamId === ticket.teamId);
}
