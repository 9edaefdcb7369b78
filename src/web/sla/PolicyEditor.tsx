// One SLA policy: name, active, default, conditions, calendar (or 24/7), targets, pause
// statuses, whether a note counts as a response, and the escalation matrix; saved with If-Match,
// then the job recomputing open tickets shows its progress.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { STATUSES } from "../../core/ticket/ticket.js";
import * as sla from "../api/slaApi.js";
import type { Calendar, Policy, PolicyInput } from "../api/slaTypes.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { FieldError, fieldIssues, invalidProps, issuesAt, type FieldIssue } from "../components/FieldError.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { useCanManageSla } from "./access.js";
import { ConditionsBuilder } from "./ConditionsBuilder.js";
import { JobProgress } from "./JobProgress.js";
import { MatrixEditor } from "./MatrixEditor.js";
import { basisOf } from "./businessTime.js";
import { ImpactDialog, UnsavedDialog } from "./EditorDialogs.js";
import { ErrorSummary, onePerField } from "./ErrorSummary.js";
import { inputOf, newPolicy } from "./policyDraft.js";
import { TargetsTable } from "./TargetsTable.js";
import { targetWarnings } from "./targetWarnings.js";
import { useGuardedSave } from "./useGuardedSave.js";
import { useUnsavedEdits } from "./useUnsavedEdits.js";

/** The paths the form shows beside a field; any other problem is told in the summary. */
const PLACED = /^(name|calendarId|isDefault|conditions|targets|matrix)\b/;

export function PolicyEditor({ id, jobId = null }: { id: string | null; jobId?: string | null }) {
  const { t } = useI18n();
  const policyQuery = useQuery({
    queryKey: queryKeys.policy(id ?? "new"),
    queryFn: () => (id === null ? null : sla.getPolicy(id)),
    // The form keeps its own version once saved; a copy kept here would be stale on return.
    gcTime: 0,
  });
  const calendarsQuery = useQuery({ queryKey: queryKeys.calendars, queryFn: sla.listCalendars });
  const calendarsDone = calendarsQuery.isSuccess || calendarsQuery.isError;
  const loaded = policyQuery.isError
    ? { policy: null, calendars: [], error: policyQuery.error as unknown }
    : policyQuery.isSuccess && calendarsDone
      ? { policy: policyQuery.data, calendars: calendarsQuery.data ?? [], error: null as unknown }
      : null;
  const reload = () => void policyQuery.refetch();

  if (loaded === null)
    return (
      <p className="splash" role="status">
        {t("app.loading")}
      </p>
    );
  if (loaded.error !== null) {
    return (
      <section className="empty-screen">
        <PageTitle title={t("policies.title")} />
        <ErrorNotice error={loaded.error} onRetry={reload} />
      </section>
    );
  }
  return (
    <PolicyForm key={`${loaded.policy?.id}-${loaded.policy?.version}`} policy={loaded.policy} calendars={loaded.calendars} jobId={jobId} onReload={reload} />
  );
}

function PolicyForm({ policy, calendars, jobId, onReload }: { policy: Policy | null; calendars: Calendar[]; jobId: string | null; onReload(): void }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const readOnly = !useCanManageSla();
  const [draft, setDraft] = useState<PolicyInput>(() => (policy ? inputOf(policy) : newPolicy()));
  // What the server holds: the draft differs from it while there are unsaved edits.
  const [baseline, setBaseline] = useState<PolicyInput>(draft);
  const [version, setVersion] = useState(policy?.version ?? 0);
  const input = () => ({ ...draft, name: draft.name.trim() });
  const saving = useGuardedSave<Policy>({
    dryRun: policy ? () => sla.dryRunPolicy(policy.id, version, input()) : null,
    save: () => (policy ? sla.updatePolicy(policy.id, version, input()) : sla.createPolicy(input())),
    onSaved: (saved) => {
      if (typeof saved.item.version === "number") setVersion(saved.item.version);
      setBaseline(draft);
      // The list only: the edited item's own query would remount this form with the new version.
      void queryClient.invalidateQueries({ queryKey: queryKeys.policies, exact: true });
      // The new policy gets its own address; the job rides along so its progress stays in view.
      if (!policy && saved.item.id) {
        unsaved.allowNext();
        navigate(`/sla/policies/${saved.item.id}${saved.jobId ? `?job=${saved.jobId}` : ""}`, { replace: true });
      }
    },
    initial: jobId ? { kind: "saved", jobId } : null,
  });
  const { busy, notice, setNotice } = saving;
  const dirty = !readOnly && JSON.stringify(draft) !== JSON.stringify(baseline);
  const unsaved = useUnsavedEdits(dirty);
  const issues: FieldIssue[] = notice?.kind === "error" ? onePerField(fieldIssues(notice.error)) : [];
  const warnings = targetWarnings(draft, { t, locale });
  const calendar = calendars.find((c) => c.id === draft.calendarId);
  const nameId = useId();
  const calendarId = useId();

  const change = (next: Partial<PolicyInput>) => {
    setDraft((before) => ({ ...before, ...next }));
    if (notice?.kind === "saved") setNotice(null);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void saving.submit();
  };

  const nameIssues = issuesAt(issues, "name");
  const title = policy ? t("policies.editTitle", { name: policy.name }) : t("policies.new");
  return (
    <form className="editor policy-editor" onSubmit={(e) => void save(e)} aria-label={title} noValidate>
      <p className="breadcrumb">
        <Link to="/sla/policies">{t("policies.title")}</Link> / {policy?.name ?? t("policies.new")}
      </p>
      <PageTitle title={title} />
      {readOnly && <p className="notice notice-info">{t("sla.readOnly")}</p>}
      {notice?.kind === "error" && <ErrorSummary error={notice.error} unplaced={issues.filter((issue) => !PLACED.test(issue.path))} />}
      {notice?.kind === "conflict" && (
        <div className="notice notice-warning" role="alert">
          <p>{t("sla.conflict")}</p>
          <button type="button" className="button" onClick={onReload}>
            {t("sla.reloadLatest")}
          </button>
        </div>
      )}
      <div className="panel policy-basics">
        <div className="grid-2">
          <div className="field">
            <label htmlFor={nameId}>{t("field.name")}</label>
            <input
              id={nameId}
              value={draft.name}
              onChange={(e) => change({ name: e.target.value })}
              readOnly={readOnly}
              required
              {...invalidProps(`${nameId}-error`, nameIssues)}
            />
            <FieldError id={`${nameId}-error`} issues={nameIssues} />
          </div>
          <div className="field">
            <label htmlFor={calendarId}>{t("policies.calendar")}</label>
            <select
              id={calendarId}
              value={draft.calendarId ?? ""}
              disabled={readOnly}
              onChange={(e) => change({ calendarId: e.target.value === "" ? null : e.target.value })}
            >
              <option value="">{t("policies.allHours")}</option>
              {calendars.map((calendar) => (
                <option key={calendar.id} value={calendar.id}>
                  {calendar.name}
                </option>
              ))}
            </select>
            <FieldError id={`${calendarId}-error`} issues={issuesAt(issues, "calendarId")} />
            {calendar && <p className="muted small">{t("policies.calendarZone", { zone: calendar.spec.timezone.replace(/_/g, " ") })}</p>}
          </div>
        </div>
        <div className="checkbox-row">
          <label className="check">
            <input type="checkbox" checked={draft.active} disabled={readOnly} onChange={(e) => change({ active: e.target.checked })} />
            {t("policies.active")}
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.isDefault} disabled={readOnly} onChange={(e) => change({ isDefault: e.target.checked })} />
            {t("policies.isDefault")}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.noteCountsAsResponse}
              disabled={readOnly}
              onChange={(e) => change({ noteCountsAsResponse: e.target.checked })}
            />
            {t("policies.noteCounts")}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.callCountsAsResponse ?? false}
              disabled={readOnly}
              onChange={(e) => change({ callCountsAsResponse: e.target.checked })}
            />
            {t("phone.callCounts")}
          </label>
        </div>
        <FieldError id="default-error" issues={issuesAt(issues, "isDefault")} />
        <fieldset className="plain checkbox-row">
          <legend>{t("policies.pauseStatuses")}</legend>
          {STATUSES.filter((s) => s !== "solved" && s !== "closed").map((status) => (
            <label key={status} className="check">
              <input
                type="checkbox"
                disabled={readOnly}
                checked={draft.pauseStatuses.includes(status)}
                onChange={(e) =>
                  change({ pauseStatuses: e.target.checked ? [...draft.pauseStatuses, status] : draft.pauseStatuses.filter((s) => s !== status) })
                }
              />
              {t(`status.${status}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <ConditionsBuilder conditions={draft.conditions} onChange={(conditions) => change({ conditions })} readOnly={readOnly} issues={issues} />
      <TargetsTable
        targets={draft.targets}
        onChange={(targets) => change({ targets })}
        readOnly={readOnly}
        basis={basisOf(draft.calendarId, calendar?.spec)}
        issues={issues}
        warnings={warnings}
      />
      <MatrixEditor
        matrix={draft.matrix}
        onChange={(matrix) => change({ matrix })}
        readOnly={readOnly}
        issues={issues}
        warnings={warnings.filter((warning) => warning.path.startsWith("matrix."))}
      />
      {!readOnly && (
        <div className="form-actions sticky-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("app.saving") : t("action.save")}
          </button>
          {notice?.kind === "saved" && !dirty && (
            <span className="notice-inline success" role="status">
              {t("sla.saved")}
            </span>
          )}
          {dirty && <span className="notice-inline muted">{t("sla.unsaved.badge")}</span>}
        </div>
      )}
      {notice?.kind === "saved" && notice.jobId && <JobProgress jobId={notice.jobId} />}
      {saving.impact && <ImpactDialog impact={saving.impact} busy={busy} onConfirm={() => void saving.confirm()} onCancel={saving.cancel} />}
      <UnsavedDialog blocker={unsaved.blocker} />
    </form>
  );
}
