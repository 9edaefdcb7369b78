// One on-call schedule: name, time zone, layers and overrides, saved with If-Match; the server's
// validation errors appear beside their fields; "on call now / next" from the server for a saved
// schedule, and the final schedule of the next 14 days computed from the form as it is.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import type { Layer, Override } from "../../core/oncall/schedule.js";
import { formatInstant, parseInstant } from "../../core/time/iso.js";
import { ApiError } from "../api/client.js";
import { timeZones } from "../calendars/calendarDraft.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { FieldError, fieldIssues, issuesAt, type FieldIssue } from "../components/FieldError.js";
import { PageTitle } from "../components/PageTitle.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { ErrorSummary, onePerField } from "../sla/ErrorSummary.js";
import { LayerEditor } from "./LayerEditor.js";
import * as oncall from "./oncallApi.js";
import { ONCALL_KEY } from "./oncallApi.js";
import { useCanEditOncall } from "./OncallScreen.js";
import { DAY_MS, isoOfLocalInput, localInputOf, newLayer, previewOf, zoneOr } from "./scheduleDraft.js";
import "./oncall.css";

export function OncallEditor({ id }: { id: string | null }) {
  const { t } = useI18n();
  const query = useQuery({ queryKey: [...ONCALL_KEY, id ?? "new"], queryFn: () => (id === null ? null : oncall.getSchedule(id)), gcTime: 0 });
  if (query.isError)
    return (
      <section className="empty-screen">
        <PageTitle title={t("oncall.title")} />
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </section>
    );
  if (!query.isSuccess)
    return (
      <p className="splash" role="status">
        {t("app.loading")}
      </p>
    );
  return <OncallForm key={`${query.data?.id}-${query.data?.version}`} schedule={query.data} />;
}

function OncallForm({ schedule }: { schedule: oncall.OncallSchedule | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const readOnly = !useCanEditOncall();
  const [draft, setDraft] = useState<oncall.OncallScheduleInput>(() =>
    schedule
      ? { name: schedule.name, timezone: schedule.timezone, layers: schedule.layers, overrides: schedule.overrides }
      : { name: "", timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC", layers: [], overrides: [] },
  );
  const [version, setVersion] = useState(schedule?.version ?? 0);
  const [notice, setNotice] = useState<{ kind: "error"; error: unknown } | { kind: "saved" } | null>(null);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const zoneId = useId();
  const issues: FieldIssue[] = notice?.kind === "error" ? onePerField(fieldIssues(notice.error)) : [];
  const now = useServerInstant(schedule?.id ?? null);

  const change = (next: Partial<oncall.OncallScheduleInput>) => {
    setDraft((before) => ({ ...before, ...next }));
    if (notice?.kind === "saved") setNotice(null);
  };
  const setLayer = (index: number, layer: Layer | null) =>
    change({ layers: layer === null ? draft.layers.filter((_, i) => i !== index) : draft.layers.map((old, i) => (i === index ? layer : old)) });
  const setOverride = (index: number, override: Override | null) =>
    change({ overrides: override === null ? draft.overrides.filter((_, i) => i !== index) : draft.overrides.map((old, i) => (i === index ? override : old)) });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const input = { ...draft, name: draft.name.trim() };
      const saved = schedule ? await oncall.updateSchedule(schedule.id, version, input) : await oncall.createSchedule(input);
      setVersion(saved.version);
      setNotice({ kind: "saved" });
      void queryClient.invalidateQueries({ queryKey: ONCALL_KEY, exact: true });
      void queryClient.invalidateQueries({ queryKey: ["oncallNow", saved.id] });
      if (!schedule) navigate(`/sla/oncall/${saved.id}`, { replace: true });
    } catch (error) {
      setNotice({ kind: "error", error });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!schedule || !window.confirm(t("oncall.confirmDelete", { name: schedule.name }))) return;
    try {
      await oncall.deleteSchedule(schedule.id, version);
      void queryClient.invalidateQueries({ queryKey: ONCALL_KEY, exact: true });
      navigate("/sla/oncall");
    } catch (error) {
      setNotice({ kind: "error", error });
    }
  };

  const placed = (issue: FieldIssue) => /^(name|timezone|layers|overrides)\b/.test(issue.path);
  const nameIssues = issuesAt(issues, "name");
  const zoneIssues = issuesAt(issues, "timezone");

  return (
    <form className="editor oncall-editor" onSubmit={(e) => void save(e)} aria-labelledby="oncall-editor-title" noValidate>
      <p className="breadcrumb">
        <Link to="/sla/oncall">{t("oncall.title")}</Link> / {schedule?.name ?? t("oncall.new")}
      </p>
      <div id="oncall-editor-title">
        <PageTitle title={schedule ? t("oncall.editTitle", { name: schedule.name }) : t("oncall.new")} />
      </div>
      {readOnly && <p className="notice notice-info">{t("sla.readOnly")}</p>}
      {notice?.kind === "error" &&
        (notice.error instanceof ApiError && notice.error.status === 409 ? (
          <p className="notice notice-warning" role="alert">
            {t("sla.conflict")}
          </p>
        ) : (
          <ErrorSummary error={notice.error} unplaced={issues.filter((issue) => !placed(issue))} />
        ))}
      {schedule && <NowPanel scheduleId={schedule.id} />}
      <div className="grid-2">
        <div className="field">
          <label htmlFor={nameId}>{t("field.name")}</label>
          <input
            id={nameId}
            value={draft.name}
            onChange={(e) => change({ name: e.target.value })}
            readOnly={readOnly}
            required
            aria-invalid={nameIssues.length > 0 || undefined}
          />
          <FieldError id={`${nameId}-error`} issues={nameIssues} />
        </div>
        <div className="field">
          <label htmlFor={zoneId}>{t("oncall.timezone")}</label>
          <select id={zoneId} value={draft.timezone} disabled={readOnly} onChange={(e) => change({ timezone: e.target.value })}>
            {timeZones(draft.timezone).map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, " ")}
              </option>
            ))}
          </select>
          <FieldError id={`${zoneId}-error`} issues={zoneIssues} />
        </div>
      </div>
      <h2>{t("oncall.layers")}</h2>
      <p className="muted small">{t("oncall.layersHint")}</p>
      {draft.layers.map((layer, index) => (
        <LayerEditor
          key={index}
          layer={layer}
          index={index}
          timezone={draft.timezone}
          issues={issues}
          readOnly={readOnly}
          onChange={(next) => setLayer(index, next)}
          onRemove={() => setLayer(index, null)}
        />
      ))}
      {!readOnly && (
        <button type="button" className="button" onClick={() => change({ layers: [...draft.layers, newLayer([], draft.timezone, now)] })}>
          {t("oncall.addLayer")}
        </button>
      )}
      <OverridesEditor
        overrides={draft.overrides}
        timezone={draft.timezone}
        now={now}
        issues={issues}
        readOnly={readOnly}
        onChange={setOverride}
        onAdd={(o) => change({ overrides: [...draft.overrides, o] })}
      />
      {!readOnly && (
        <div className="form-actions sticky-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("app.saving") : t("action.save")}
          </button>
          {notice?.kind === "saved" && (
            <span className="notice-inline success" role="status">
              {t("sla.saved")}
            </span>
          )}
          {schedule && (
            <button type="button" className="button button-danger" onClick={() => void remove()}>
              {t("oncall.delete")}
            </button>
          )}
        </div>
      )}
      <PreviewPanel draft={draft} now={now} />
    </form>
  );
}

/** The server's instant (its clock may be manual), from the schedule's "now", else the browser's; to the minute. */
function useServerInstant(scheduleId: string | null): number {
  const query = useQuery({ queryKey: ["oncallNow", scheduleId], queryFn: () => (scheduleId ? oncall.onCallNow(scheduleId) : null) });
  const [browser] = useState(() => Math.floor(Date.now() / 60_000) * 60_000);
  return query.data ? parseInstant(query.data.at) : browser;
}

function NowPanel({ scheduleId }: { scheduleId: string }) {
  const { t, locale } = useI18n();
  const { agentName } = useDirectory();
  const query = useQuery({ queryKey: ["oncallNow", scheduleId], queryFn: () => oncall.onCallNow(scheduleId) });
  const names = (ids: string[]) => (ids.length === 0 ? t("oncall.nobody") : ids.map((id) => agentName(id) ?? id).join(", "));
  if (!query.data) return null;
  const { onCall, next, timezone } = query.data;
  // In the schedule's zone, as its hand-offs are written.
  const formatDateTime = (iso: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: zoneOr(timezone).name, dateStyle: "full", timeStyle: "short" }).format(parseInstant(iso));
  return (
    <section className="panel oncall-now" aria-label={t("oncall.now")}>
      <p>
        <strong>{t("oncall.now")}:</strong> <span data-testid="oncall-now">{names(onCall)}</span>
      </p>
      <p className="muted">{next ? t("oncall.next", { who: names(next.onCall), at: formatDateTime(next.at) }) : t("oncall.noNext")}</p>
    </section>
  );
}

function OverridesEditor({
  overrides,
  timezone,
  now,
  issues,
  readOnly,
  onChange,
  onAdd,
}: {
  overrides: Override[];
  timezone: string;
  now: number;
  issues: FieldIssue[];
  readOnly: boolean;
  onChange(index: number, override: Override | null): void;
  onAdd(override: Override): void;
}) {
  const { t } = useI18n();
  const { agents, agentName } = useDirectory();
  const id = useId();
  const zone = zoneOr(timezone);
  const hour = (at: number) => zone.resolve(Math.floor((at + zone.offsetAt(at)) / 3_600_000) * 3_600_000 + 3_600_000);
  return (
    <fieldset className="panel">
      <legend>{t("oncall.overrides")}</legend>
      <p className="muted small">{t("oncall.overridesHint")}</p>
      {overrides.map((override, i) => (
        <div key={i} className="oncall-restriction" data-override={i}>
          <label htmlFor={`${id}-${i}-start`}>{t("oncall.overrideStart")}</label>
          <input
            id={`${id}-${i}-start`}
            type="datetime-local"
            value={localInputOf(override.start, timezone)}
            readOnly={readOnly}
            onChange={(e) => onChange(i, { ...override, start: isoOfLocalInput(e.target.value, timezone) })}
          />
          <label htmlFor={`${id}-${i}-end`}>{t("oncall.overrideEnd")}</label>
          <input
            id={`${id}-${i}-end`}
            type="datetime-local"
            value={localInputOf(override.end, timezone)}
            readOnly={readOnly}
            onChange={(e) => onChange(i, { ...override, end: isoOfLocalInput(e.target.value, timezone) })}
          />
          <label htmlFor={`${id}-${i}-who`}>{t("oncall.who")}</label>
          <select id={`${id}-${i}-who`} value={override.who} disabled={readOnly} onChange={(e) => onChange(i, { ...override, who: e.target.value })}>
            {!agents.some((a) => a.id === override.who) && <option value={override.who}>{agentName(override.who) ?? override.who}</option>}
            {agents
              .filter((a) => a.active)
              .map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name}
                </option>
              ))}
          </select>
          {!readOnly && (
            <button type="button" className="button" aria-label={t("oncall.removeOverride")} onClick={() => onChange(i, null)}>
              ×
            </button>
          )}
          <FieldError id={`${id}-${i}-error`} issues={issuesAt(issues, `overrides[${i}]`, true).slice(0, 1)} />
        </div>
      ))}
      {!readOnly && (
        <button
          type="button"
          className="button"
          onClick={() => {
            const start = hour(now);
            onAdd({ start: localIso(start, timezone), end: localIso(start + 4 * 3_600_000, timezone), who: agents.find((a) => a.active)?.id ?? "" });
          }}
        >
          {t("oncall.addOverride")}
        </button>
      )}
    </fieldset>
  );
}

const localIso = (instant: number, timezone: string) => formatInstant(instant, zoneOr(timezone));

function PreviewPanel({ draft, now }: { draft: oncall.OncallScheduleInput; now: number }) {
  const { t, locale } = useI18n();
  const { agentName } = useDirectory();
  const preview = useMemo(() => previewOf(draft, now), [draft, now]);
  const format = useMemo(() => {
    const zone = zoneOr(draft.timezone).name;
    return new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  }, [draft.timezone, locale]);
  return (
    <section className="panel oncall-preview" aria-label={t("oncall.preview")}>
      <h2>{t("oncall.preview")}</h2>
      <p className="muted small">{t("oncall.previewHint")}</p>
      {"problem" in preview ? (
        <p className="muted">{t("oncall.cannotPreview", { problem: preview.problem })}</p>
      ) : (
        <ol data-testid="oncall-preview">
          {preview.shifts.map((shift) => (
            <li key={shift.start} data-who={shift.who.join(",")}>
              <span className="when">{t("oncall.shift", { from: format.format(shift.start), to: format.format(Math.min(shift.end, now + 14 * DAY_MS)) })}</span>
              <span>{shift.who.length === 0 ? t("oncall.nobody") : shift.who.map((who) => agentName(who) ?? who).join(", ")}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
