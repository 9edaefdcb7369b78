// The notice above an SLA editor when a save or dry run failed: validation problems are told
// beside their fields (one message each), so this says so and adds only what no field shows,
// in words without the server's paths; any other failure is told as it is.

import { ApiError } from "../api/client.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import type { FieldIssue } from "../components/FieldError.js";
import { useI18n } from "../i18n/I18nProvider.js";

/** The first issue of each path: a field shows one message, the first the server found. */
export function onePerField(issues: readonly FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => (seen.has(issue.path) ? false : (seen.add(issue.path), true)));
}

export function ErrorSummary({ error, unplaced }: { error: unknown; unplaced: readonly FieldIssue[] }) {
  const { t } = useI18n();
  if (!(error instanceof ApiError) || error.details.length === 0) return <ErrorNotice error={error} />;
  return (
    <div className="notice notice-error" role="alert">
      <p>{t("sla.fixErrors")}</p>
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map((issue) => (
            <li key={issue.path + issue.message}>{issue.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
