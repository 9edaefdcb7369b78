// What is wrong with a field of a request, said to a person in their language: the field named
// in words ("Première réponse (urgent)", not `targets.urgent.first_response`) and the problem
// from its stable code ("doit être au moins 1 minute"), for the API's error details.

import { isMessageKey, type MessageKey } from "./catalogue.js";
import type { Locale } from "./locale.js";
import { translate, translator, type Translate } from "./translate.js";

/** One problem with one field: where (a dotted path), what (a stable code), and the values its sentence needs. */
export interface FieldIssue {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

/** Where a request's parts start; they name no field a person sees. */
const REQUEST_PARTS = new Set(["body", "querystring", "params", "headers", "request"]);
/** Segments that only hold others: named only when nothing follows them. */
const CONTAINERS = new Set(["matrix", "conditions", "spec", "targets", "customFields"]);

/** A word of the catalogue built from data, or the value itself when there is none. */
function word(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key as MessageKey) : value;
}

/** One path segment: `steps[1]` is the name `steps` with the indexes [1]. */
function parseSegment(segment: string): { name: string; indexes: number[] } {
  const at = segment.indexOf("[");
  const name = at < 0 ? segment : segment.slice(0, at);
  const indexes = at < 0 ? [] : [...segment.slice(at).matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  return { name, indexes };
}

/**
 * A field's path in the reader's words: `targets.urgent.first_response` reads "First response
 * (Urgent)", `matrix.steps[1].level` "Step 2 › Escalation level", `conditions.all[0].value`
 * "Condition 1 › Value". A segment the catalogue does not name (a custom field's key) stays as written.
 */
export function fieldLabel(locale: Locale, path: string): string {
  const t = translator(locale);
  const segments = path
    .split(".")
    .filter((s) => s !== "")
    .map(parseSegment);
  while (segments.length > 0 && REQUEST_PARTS.has(segments[0]!.name) && segments[0]!.indexes.length === 0) segments.shift();
  if (segments.length === 0) return t("errors.request");
  const words: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const { name, indexes } = segments[i]!;
    const next = segments[i + 1];
    if (name === "targets" && next && segments[i + 2] && indexes.length === 0) {
      const priority = word(t, "ticket.priority", next.name);
      words.push(t("errors.target", { target: word(t, "ticket.slaTarget", segments[i + 2]!.name), priority }));
      i += 2;
      continue;
    }
    if (name === "startLevel" && next) {
      words.push(t("errors.target", { target: t("errors.field.startLevel"), priority: word(t, "ticket.priority", next.name) }));
      i += 1;
      continue;
    }
    if ((name === "all" || name === "any") && segments[i - 1]?.name === "conditions" && indexes.length > 0) {
      words.push(t("errors.condition", { number: indexes[0]! + 1 }));
      continue;
    }
    if (CONTAINERS.has(name) && indexes.length === 0 && next) continue;
    // A time window's `to` is when it ends, not the priority an action raises to.
    const named =
      name === "to" && segments[i - 1]?.name === "restrictions"
        ? t("errors.field.until")
        : isMessageKey(`errors.field.${name}`)
          ? word(t, "errors.field", name)
          : word(t, "kb.field", name);
    words.push(indexes.length > 0 ? t("errors.numbered", { name: named, number: indexes.map((n) => n + 1).join(".") }) : named);
  }
  return words.join(" › ");
}

/** Whether the field at `path` counts minutes (SLA targets, a step's delay). */
function countsMinutes(path: string): boolean {
  return /(^|\.)targets\.\w+\.\w+$/.test(path) || /Minutes$/.test(path);
}

/** The problem alone, in the reader's words: "must be at least 1 minute". */
export function issueMessage(locale: Locale, issue: FieldIssue): string {
  const params: Record<string, string | number> = { ...issue.params };
  let code = issue.code;
  if ((code === "too_small" || code === "too_large") && countsMinutes(issue.path)) code = `${code}_minutes`;
  if (code === "duplicate_step_id" && typeof params.step === "number") params.step += 1;
  if (code === "start_level_missing" && typeof params.priority === "string") params.priority = word(translator(locale), "ticket.priority", params.priority);
  // An area's own problems (an on-call schedule's) have their sentences in its namespace.
  const key = [`errors.code.${code}`, `oncall.problem.${code}`, `kb.problem.${code}`, `procedure.problem.${code}`].find(isMessageKey);
  if (key === undefined) return translate(locale, "errors.code.invalid");
  try {
    return translate(locale, key, params);
  } catch {
    // A code whose values are missing still says something true.
    return translate(locale, "errors.code.invalid");
  }
}

/** The field and its problem: "Première réponse (Urgente) : doit être au moins 1 minute". */
export function issueText(locale: Locale, issue: FieldIssue): string {
  return translate(locale, "errors.item", { field: fieldLabel(locale, issue.path), message: issueMessage(locale, issue) });
}
