// An agent's progress through a procedure on one ticket: the steps ticked and the information
// collected, checked against the procedure; what is still missing; what changed between two
// saves (the timeline's event); and the hand-off an escalation starts from.

import { translate } from "../i18n/translate.js";
import type { Locale } from "../i18n/locale.js";
import { PROCEDURE_LIMITS, ProcedureInvalid, type ProcedureField, type ProcedureProblem, type ProcedureSpec, type Words } from "./procedure.js";

/** A collected value: text, a number, or a choice's key. */
export type ProcedureValue = string | number;

/** Progress as stored: the keys of the steps done (in the procedure's order) and the values collected by field key. */
export interface ProcedureProgress {
  done: string[];
  values: Record<string, ProcedureValue>;
}

export const NO_PROGRESS: ProcedureProgress = { done: [], values: {} };

/**
 * The progress checked against `spec`; throws {@link ProcedureInvalid} naming each problem: a step
 * the procedure does not have (`done[i]`), a field it does not have (`values.<key>`), a number
 * field given text, a choice outside its options, text too long. An empty value (`""` or null)
 * clears the field.
 */
export function checkProgress(spec: Pick<ProcedureSpec, "steps" | "fields">, input: { done?: unknown; values?: unknown }): ProcedureProgress {
  const problems: ProcedureProblem[] = [];
  const stepKeys = new Set(spec.steps.map((s) => s.key));
  const given = Array.isArray(input.done) ? input.done : [];
  if (input.done !== undefined && !Array.isArray(input.done))
    problems.push({ path: "done", code: "wrong_type", message: "must be a list", params: { type: "array" } });
  given.forEach((key, i) => {
    if (typeof key !== "string" || !stepKeys.has(key))
      problems.push({
        path: `done[${i}]`,
        code: "not_allowed_value",
        message: `must be one of: ${[...stepKeys].join(", ")}`,
        params: { values: [...stepKeys].join(", ") },
      });
  });
  const done = spec.steps.filter((s) => given.includes(s.key)).map((s) => s.key);
  const values: Record<string, ProcedureValue> = {};
  const fields = new Map(spec.fields.map((f) => [f.key, f]));
  const rawValues = typeof input.values === "object" && input.values !== null && !Array.isArray(input.values) ? (input.values as Record<string, unknown>) : {};
  if (input.values !== undefined && rawValues !== input.values)
    problems.push({ path: "values", code: "wrong_type", message: "must be an object", params: { type: "object" } });
  for (const [key, raw] of Object.entries(rawValues)) {
    const field = fields.get(key);
    const path = `values.${key}`;
    if (!field) {
      problems.push({ path, code: "unknown_field", message: "is not a known field" });
      continue;
    }
    if (raw === null || raw === "" || raw === undefined) continue;
    const value = fieldValue(field, raw, path, problems);
    if (value !== undefined) values[key] = value;
  }
  if (problems.length > 0) throw new ProcedureInvalid(problems);
  return { done, values };
}

function fieldValue(field: ProcedureField, raw: unknown, path: string, problems: ProcedureProblem[]): ProcedureValue | undefined {
  switch (field.kind) {
    case "number": {
      const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw.trim().replace(",", ".")) : raw;
      if (typeof value !== "number" || !Number.isFinite(value)) {
        problems.push({ path, code: "wrong_type", message: "must be a number", params: { type: "number" } });
        return undefined;
      }
      return value;
    }
    case "choice": {
      const keys = field.choices.map((c) => c.key);
      if (typeof raw !== "string" || !keys.includes(raw)) {
        problems.push({ path, code: "not_allowed_value", message: `must be one of: ${keys.join(", ")}`, params: { values: keys.join(", ") } });
        return undefined;
      }
      return raw;
    }
    default: {
      if (typeof raw !== "string" && typeof raw !== "number") {
        problems.push({ path, code: "wrong_type", message: "must be text", params: { type: "string" } });
        return undefined;
      }
      const text = String(raw).trim();
      if (text.length > PROCEDURE_LIMITS.value) {
        problems.push({ path, code: "too_long", message: `must be at most ${PROCEDURE_LIMITS.value} characters`, params: { limit: PROCEDURE_LIMITS.value } });
        return undefined;
      }
      return text === "" ? undefined : text;
    }
  }
}

/** Progress as stored, read leniently: steps and fields the procedure no longer has are dropped. */
export function currentProgress(spec: Pick<ProcedureSpec, "steps" | "fields">, stored: ProcedureProgress | null | undefined): ProcedureProgress {
  if (!stored) return NO_PROGRESS;
  const keys = new Set(spec.fields.map((f) => f.key));
  return {
    done: spec.steps.filter((s) => stored.done.includes(s.key)).map((s) => s.key),
    values: Object.fromEntries(Object.entries(stored.values).filter(([key]) => keys.has(key))),
  };
}

/** The required fields without a value, in the procedure's order. */
export function missingFields(spec: Pick<ProcedureSpec, "fields">, progress: ProcedureProgress): ProcedureField[] {
  return spec.fields.filter((f) => f.required && progress.values[f.key] === undefined);
}

/** What one save changed, as the `procedure` event records it (labels in every language, so edits to the procedure later do not rewrite history). */
export interface ProcedureChange {
  ticked: Words[];
  unticked: Words[];
  filled: Words[];
  cleared: Words[];
  /** Steps done and steps in all, after the save. */
  done: number;
  steps: number;
  /** Required fields still empty after the save. */
  missing: number;
}

/** The change from `before` to `after`. */
export function progressChange(spec: Pick<ProcedureSpec, "steps" | "fields">, before: ProcedureProgress, after: ProcedureProgress): ProcedureChange {
  const filledKeys = spec.fields.filter((f) => after.values[f.key] !== undefined && after.values[f.key] !== before.values[f.key]);
  return {
    ticked: spec.steps.filter((s) => after.done.includes(s.key) && !before.done.includes(s.key)).map((s) => s.label),
    unticked: spec.steps.filter((s) => !after.done.includes(s.key) && before.done.includes(s.key)).map((s) => s.label),
    filled: filledKeys.map((f) => f.label),
    cleared: spec.fields.filter((f) => after.values[f.key] === undefined && before.values[f.key] !== undefined).map((f) => f.label),
    done: after.done.length,
    steps: spec.steps.length,
    missing: missingFields(spec, after).length,
  };
}

/** Whether a change changes anything. */
export function changesSomething(change: ProcedureChange): boolean {
  return change.ticked.length + change.unticked.length + change.filled.length + change.cleared.length > 0;
}

/** A collected value in `locale`'s words: a choice's label, a number as written, text as is. */
export function valueText(field: ProcedureField, value: ProcedureValue, locale: Locale): string {
  if (field.kind === "choice") return field.choices.find((c) => c.key === value)?.label[locale] ?? String(value);
  return String(value);
}

/** The hand-off's start from completed procedures: what was tried (the steps done) and the information collected, in `locale`. */
export interface HandoffDraft {
  tried: string;
  collected: string;
}

/**
 * The hand-off's parts from procedures and their progress, in `locale`: per procedure with
 * anything done, "Internet outage, steps done:" and a line per ticked step; then its collected
 * information, a line per filled field ("Postcode: 1000"). Empty strings when nothing is done.
 */
export function handoffDraft(
  procedures: readonly { spec: Pick<ProcedureSpec, "names" | "steps" | "fields">; progress: ProcedureProgress }[],
  locale: Locale,
): HandoffDraft {
  const tried: string[] = [];
  const collected: string[] = [];
  for (const { spec, progress } of procedures) {
    const name = spec.names[locale];
    const steps = spec.steps.filter((s) => progress.done.includes(s.key));
    if (steps.length > 0) tried.push([translate(locale, "procedure.handoff.tried", { name }), ...steps.map((s) => `- ${s.label[locale]}`)].join("\n"));
    const fields = spec.fields.filter((f) => progress.values[f.key] !== undefined);
    if (fields.length > 0)
      collected.push(
        [
          translate(locale, "procedure.handoff.collected", { name }),
          ...fields.map(
            (f) => `- ${translate(locale, "procedure.handoff.line", { label: f.label[locale], value: valueText(f, progress.values[f.key]!, locale) })}`,
          ),
        ].join("\n"),
      );
  }
  return { tried: tried.join("\n\n"), collected: collected.join("\n\n") };
}

/** The data of a `procedure` event: which procedure, named in every language, and what the save changed. */
export interface ProcedureEventData extends ProcedureChange {
  procedureId: string;
  names: Words;
}
