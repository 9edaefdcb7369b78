// The root cause a solved escalated ticket records: one code of the workspace's list, with
// words when it is `other`, so that whoever escalated learns why it came to that.

import { EscalationInvalid, type EscalationProblem } from "./escalationInvalid.js";
import type { RootCause } from "./handoff.js";

/** A root cause as asked for. */
export interface RootCauseInput {
  rootCause?: string | null | undefined;
  rootCauseText?: string | null | undefined;
}

/** A root cause checked against the list. */
export interface CheckedRootCause {
  rootCause: RootCause;
  /** The words of `other`, or a note beside any code; null when none were given. */
  text: string | null;
}

/**
 * `input` as a root cause of `list`; throws {@link EscalationInvalid}: `rootCause` missing
 * (`root_cause_required`) or not in the list, `rootCauseText` missing for `other`.
 */
export function validateRootCause(input: RootCauseInput, list: readonly RootCause[]): CheckedRootCause {
  const problems: EscalationProblem[] = [];
  const code = input.rootCause?.trim() ?? "";
  const text = input.rootCauseText?.trim() || null;
  if (code === "") problems.push({ path: "rootCause", code: "root_cause_required" });
  else if (!list.includes(code)) problems.push({ path: "rootCause", code: "not_allowed_value", params: { values: list.join(", ") } });
  if (code === "other" && text === null) problems.push({ path: "rootCauseText", code: "required" });
  if (problems.length > 0) throw new EscalationInvalid(problems);
  return { rootCause: code, text };
}
