// Server validation errors shown beside their fields: the API's `details[].path` (dotted, e.g.
// `spec.hours.mon[1]`) matched against the path a field stands for.

import { ApiError } from "../api/client.js";

export interface FieldIssue {
  path: string;
  message: string;
}

/** `/spec/hours/mon/1` or `spec.hours.mon[1]` as `hours.mon[1]`, without the given prefixes. */
export function normalizePath(path: string, strip: readonly string[] = []): string {
  let dotted = path.startsWith("/")
    ? path
        .slice(1)
        .replace(/\/(\d+)(?=\/|$)/g, "[$1]")
        .replace(/\//g, ".")
    : path;
  dotted = dotted.replace(/^body\./, "");
  for (const prefix of strip) if (dotted.startsWith(`${prefix}.`)) dotted = dotted.slice(prefix.length + 1);
  return dotted;
}

/** The field issues of an API error, their paths normalized. */
export function fieldIssues(error: unknown, strip: readonly string[] = []): FieldIssue[] {
  if (!(error instanceof ApiError)) return [];
  return error.details.map((detail) => ({ path: normalizePath(detail.path, strip), message: detail.message }));
}

/** The issues at `path` exactly, or also those beneath it (`hours.mon` takes `hours.mon[0]`). */
export function issuesAt(issues: readonly FieldIssue[], path: string, beneath = false): FieldIssue[] {
  return issues.filter((issue) => issue.path === path || (beneath && (issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`))));
}

/** The messages for one field, with an id that the field names in `aria-describedby`. */
export function FieldError({ id, issues }: { id: string; issues: readonly FieldIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <p className="field-error" id={id} data-path={issues[0]?.path}>
      {issues.map((issue) => issue.message).join(" · ")}
    </p>
  );
}

/** Props for an input that may have errors: invalid state and the message's id. */
export function invalidProps(id: string, issues: readonly FieldIssue[]): { "aria-invalid"?: true; "aria-describedby"?: string } {
  return issues.length > 0 ? { "aria-invalid": true, "aria-describedby": id } : {};
}
