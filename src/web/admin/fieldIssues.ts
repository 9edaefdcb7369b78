// The API's field errors in the reader's language: a validation message (written in English by
// the server) is matched to what it means, so that "must match format email" reads
// "Enter a valid e-mail address" in French and Dutch too.

import { ApiError } from "../api/client.js";
import { fieldIssues, type FieldIssue } from "../components/FieldError.js";

/** What went wrong with a field, as the catalogue's `admin.invalid.*` names it. */
export type IssueKind = "required" | "tooLong" | "email" | "domain" | "pattern" | "taken" | "reference" | "tooMany" | "repeated" | "invalid";

/** The kind of a server message; anything not recognised is `invalid`. */
export function issueKind(message: string, code?: string): IssueKind {
  if (code === "duplicate") return "taken";
  if (/required|fewer than 1 character/i.test(message)) return "required";
  if (/more than \d+ character|too long/i.test(message)) return "tooLong";
  if (/format.*email|e-?mail/i.test(message)) return "email";
  if (/hostname/i.test(message)) return "domain";
  if (/pattern/i.test(message)) return "pattern";
  if (/more than \d+ items/i.test(message)) return "tooMany";
  if (/duplicate|unique/i.test(message)) return "repeated";
  if (/does not exist|unknown|no such|not found/i.test(message)) return "reference";
  return "invalid";
}

/** The kind of a detail's stable code (errors.json `code.*`), when the server gives one. */
export function kindOfCode(code: string, path: string): IssueKind | undefined {
  switch (code) {
    case "required":
    case "too_short":
      return "required";
    case "too_long":
      return "tooLong";
    case "wrong_format":
      return /email/i.test(path) ? "email" : path.startsWith("domains") ? "domain" : "pattern";
    case "too_many_items":
      return "tooMany";
    case "duplicate_items":
      return "repeated";
    case "not_an_id":
      return "reference";
    default:
      return undefined;
  }
}

/** The field issues of a failed save, each with its message replaced by a key of `admin.invalid`. */
export function localIssues(error: unknown, say: (kind: IssueKind, path: string) => string): FieldIssue[] {
  if (!(error instanceof ApiError)) return [];
  const codes = error.details.map((detail) => detail.code);
  return fieldIssues(error).map((issue, n) => {
    const code = codes[n];
    const kind = (code !== undefined && error.code !== "duplicate" ? kindOfCode(code, issue.path) : undefined) ?? issueKind(issue.message, error.code);
    return { path: issue.path, message: say(kind, issue.path) };
  });
}
