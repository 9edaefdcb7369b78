// One calendar: name, time zone, weekly hours (several ranges a day), holidays and date
// overrides, saved with If-Match; the server's validation errors appear beside their fields,
// and a preview shows when a ticket created now would be due.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import * as sla from "../api/slaApi.js";
import type { Calendar, TimeRange, Weekday } from "../api/slaTypes.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { FieldError, fieldIssues, invalidProps, issuesAt, type FieldIssue } from "../components/FieldError.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { JobProgress } from "../sla/JobProgress.js";
import { useCanManageSla } from "../sla/access.js";
import { ImpactDialog, UnsavedDialog } from "../sla/EditorDialogs.js";
import { ErrorSummary, onePerField } from "../sla/ErrorSummary.js";
import { useGuardedSave } from "../sla/useGuardedSave.js";
import { useUnsavedEdits } from "../sla/useUnsavedEdits.js";
import { CalendarPreviewBox } from "./CalendarPreviewBox.js";
import { draftOf, newDraft, specOf, timeZones, WEEKDAYS, type CalendarDraft } from "./calendarDraft.js";
import { DateRules } from "./DateRules.js";
import { RangesEditor } from "./RangesEditor.js";

export function CalendarEditor({ id, jobId = null }: { id: string | null; jobId?: string | null }) {
  const { t } = useI18n();
  const calendarQuery = useQuery({
    queryKey: queryKeys.calendar(id ?? "new"),
    queryFn: () => (id === null ? null : sla.getCalendar(id)),
    // The form keeps its own version once saved; a copy kept here would be stale on return.
    gcTime: 0,
  });
  const loaded = calendarQuery.isError
    ? { calendar: null, error: calendarQuery.error as unknown }
    : calendarQuery.isSuccess
      ? { calendar: calendarQuery.data, error: null as unknown }
      : null;
  const reload = () => void calendarQuery.refetch();

  if (loaded === null)
    return (
      <p className="splash" role="status">
        {t("app.loading")}
      </p>
    );
  if (loaded.error !== null) {
    return (
      <section className="empty-screen">
        <PageTitle title={t("calendars.title")} />
        <ErrorNotice error={loaded.error} onRetry={reload} />
      </section>
    );
  }
  return <CalendarForm key={`${loaded.calendar?.id}-${loaded.calendar?.version}`} calendar={loaded.calendar} jobId={jobId} onReload={reload} />;
}

function CalendarForm({ calendar, jobId, onReload }: { calendar: Calendar | null; jobId: string | null; onReload(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canEdit = useCanManageSla();
  const readOnly = !canEdit;
  const [draft, setDraft] = useState<CalendarDraft>(() =>
    calendar ? draftOf(calendar.name, calendar.spec) : newDraft(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"),
  );
  // What the server holds: the draft differs from it while there are unsaved edits.
  const [baseline, setBaseline] = useState<CalendarDraft>(draft);
  const [version, setVersion] = useState(calendar?.version ?? 0);
  const input = () => ({ name: draft.name.trim(), spec: specOf(draft) });
  const saving = useGuardedSave<Calendar>({
    dryRun: calendar ? () => sla.dryRunCalendar(calendar.id, version, input()) : null,
    save: () => (calendar ? sla.updateCalendar(calendar.id, version, input()) : sla.createCalendar(input())),
    onSaved: (saved) => {
      if (typeof saved.item.version === "number") setVersion(saved.item.version);
      setBaseline(draft);
      // The list only: the edited item's own query would remount this form with the new version.
      void queryClient.invalidateQueries({ queryKey: queryKeys.calendars, exact: true });
      if (!calendar && saved.item.id) {
        unsaved.allowNext();
        navigate(`/sla/calendars/${saved.item.id}${saved.jobId ? `?job=${saved.jobId}` : ""}`, { replace: true });
      }
    },
    initial: jobId ? { kind: "saved", jobId } : null,
  });
  const { busy, notice, setNotice } = saving;
  const dirty = !readOnly && JSON.stringify(draft) !== JSON.stringify(baseline);
  const unsaved = useUnsavedEdits(dirty);
  const issues: FieldIssue[] = notice?.kind === "error" ? onePerField(fieldIssues(notice.error, ["spec"])) : [];
  const nameId = useId();
  const zoneId = useId();

  const change = (next: Partial<CalendarDraft>) => {
    setDraft((before) => ({ ...before, ...next }));
    if (notice?.kind === "saved") setNotice(null);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void saving.submit();
  };

  const nameIssues = issuesAt(issues, "name");
  const zoneIssues = issuesAt(issues, "timezone");
  const placed = (issue: FieldIssue) => /^(name|timezone|hours|holidays|overrides)\b/.test(issue.path);
  const otherIssues = issues.filter((issue) => !placed(issue));

  return (
    <form className="editor calendar-editor" onSubmit={(e) => void save(e)} aria-labelledby="calendar-editor-title" noValidate>
      <p className="breadcrumb">
        <Link to="/sla/calendars">{t("calendars.title")}</Link> / {calendar?.name ?? t("calendars.new")}
      </p>
      <div id="calendar-editor-title">
        <PageTitle title={calendar ? t("calendars.editTitle", { name: calendar.name }) : t("calendars.new")} />
      </div>
      {readOnly && <p className="notice notice-info">{t("sla.readOnly")}</p>}
      {notice?.kind === "error" && <ErrorSummary error={notice.error} unplaced={otherIssues} />}
      {notice?.kind === "conflict" && (
        <div className="notice notice-warning" role="alert">
          <p>{t("sla.conflict")}</p>
          <button type="button" className="button" onClick={onReload}>
            {t("sla.reloadLatest")}
          </button>
        </div>
      )}
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
          <label htmlFor={zoneId}>{t("calendars.timezone")}</label>
          <select
            id={zoneId}
            value={draft.timezone}
            onChange={(e) => change({ timezone: e.target.value })}
            disabled={readOnly}
            {...invalidProps(`${zoneId}-error`, zoneIssues)}
          >
            {timeZones(draft.timezone).map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, " ")}
              </option>
            ))}
          </select>
          <FieldError id={`${zoneId}-error`} issues={zoneIssues} />
        </div>
      </div>
      <fieldset className="panel weekly-hours">
        <legend>{t("calendars.weeklyHours")}</legend>
        <p className="muted small">{t("calendars.weeklyHint")}</p>
        <table className="hours-table">
          <tbody>
            {WEEKDAYS.map((day) => (
              <DayRow
                key={day}
                day={day}
                ranges={draft.hours[day]}
                issues={issuesAt(issues, `hours.${day}`, true)}
                readOnly={readOnly}
                onChange={(ranges) => change({ hours: { ...draft.hours, [day]: ranges } })}
              />
            ))}
          </tbody>
        </table>
      </fieldset>
      <DateRules draft={draft} issues={issues} readOnly={readOnly} onChange={change} />
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
      <CalendarPreviewBox draft={draft} />
      {saving.impact && <ImpactDialog impact={saving.impact} busy={busy} onConfirm={() => void saving.confirm()} onCancel={saving.cancel} />}
      <UnsavedDialog blocker={unsaved.blocker} />
    </form>
  );
}

function DayRow({
  day,
  ranges,
  issues,
  readOnly,
  onChange,
}: {
  day: Weekday;
  ranges: TimeRange[];
  issues: FieldIssue[];
  readOnly: boolean;
  onChange(ranges: TimeRange[]): void;
}) {
  const { t } = useI18n();
  const errorId = useId();
  const name = t(`calendars.day.${day}`);
  return (
    <tr data-day={day}>
      <th scope="row">{name}</th>
      <td>
        <RangesEditor
          label={name}
          ranges={ranges}
          onChange={onChange}
          readOnly={readOnly}
          invalid={issues.length > 0}
          describedBy={issues.length > 0 ? errorId : undefined}
        />
        <FieldError id={errorId} issues={issues.slice(0, 1)} />
      </td>
    </tr>
  );
}
