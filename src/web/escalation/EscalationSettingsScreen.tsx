// The escalation settings (/escalations/settings): the reminder delay of idle escalations in
// business hours, the escalate-without-trying guard, the ETA per urgency, the approval limits per
// role (in euros; empty: no limit) and the root causes: renamed, retired, restored or added. Managers and admins change
// them; every problem shows beside its field, in the reader's language.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ROLES } from "../../core/access/permissions.js";
import { HANDOFF_URGENCIES } from "../../core/escalation/handoff.js";
import { useCanWrite } from "../admin/access.js";
import { ApiError, request } from "../api/client.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { FieldError, fieldIssues, issuesAt } from "../components/FieldError.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { escalationWord } from "./escalationWords.js";
import { type CauseRow, causeRows, causesBody, RootCauseEditor } from "./RootCauseEditor.js";
import { ESCALATION_SETTINGS_KEY, type EscalationSettings } from "./rootCauses.js";
import "./escalation.css";

const KEY = ESCALATION_SETTINGS_KEY;

/** A number input's text as sent: a number when it reads as one, else the text itself, for the server to name. */
const numberOf = (text: string): number | string => (text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text);
/** Euros typed as cents sent; empty: no limit. */
const centsOf = (text: string): number | string | null => {
  if (text.trim() === "") return null;
  const euros = Number(text.replace(",", "."));
  return Number.isFinite(euros) ? Math.round(euros * 100) : text;
};

export function EscalationSettingsScreen() {
  const { t } = useI18n();
  const query = useQuery({ queryKey: KEY, queryFn: async () => (await request<EscalationSettings>("GET", "/settings/escalation")).data, gcTime: 0 });
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.isSuccess)
    return (
      <p className="splash" role="status">
        {t("app.loading")}
      </p>
    );
  return <SettingsForm settings={query.data} />;
}

type Notice = { kind: "saved" } | { kind: "conflict" } | { kind: "error"; error: unknown } | null;

function SettingsForm({ settings }: { settings: EscalationSettings }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const readOnly = !useCanWrite("teams");
  const [reminderHours, setReminderHours] = useState(String(settings.reminderHours));
  const [tryFirstMinutes, setTryFirstMinutes] = useState(String(settings.tryFirstMinutes));
  const [eta, setEta] = useState(() => Object.fromEntries(HANDOFF_URGENCIES.map((u) => [u, String(settings.etaMinutes[u] ?? "")])));
  const [limits, setLimits] = useState(() =>
    Object.fromEntries(
      ROLES.map((r) => [
        r,
        settings.approvalLimits[r] === null || settings.approvalLimits[r] === undefined ? "" : String((settings.approvalLimits[r] as number) / 100),
      ]),
    ),
  );
  const [causes, setCauses] = useState<CauseRow[]>(() => causeRows(settings.rootCauses));
  // The version saved last: the form stays as typed after a save, under the new version.
  const [version, setVersion] = useState(settings.version);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const issues = notice?.kind === "error" ? fieldIssues(notice.error) : [];

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      const body = {
        reminderHours: numberOf(reminderHours),
        tryFirstMinutes: numberOf(tryFirstMinutes),
        etaMinutes: Object.fromEntries(HANDOFF_URGENCIES.map((u) => [u, numberOf(eta[u] ?? "")])),
        approvalLimits: Object.fromEntries(ROLES.map((r) => [r, centsOf(limits[r] ?? "")])),
        rootCauses: causesBody(causes),
      };
      const headers = version > 0 ? { "If-Match": `"${version}"` } : undefined;
      const answer = (await request<EscalationSettings>("PUT", "/settings/escalation", { body, ...(headers ? { headers } : {}) })).data;
      queryClient.setQueryData(KEY, answer);
      setVersion(answer.version);
      // Added causes now have their codes: the next save renames them rather than adding them again.
      setCauses(causeRows(answer.rootCauses));
      setNotice({ kind: "saved" });
    } catch (error) {
      setNotice(error instanceof ApiError && error.status === 409 ? { kind: "conflict" } : { kind: "error", error });
    } finally {
      setBusy(false);
    }
  };

  const numberField = (path: string, label: string, value: string, onChange: (v: string) => void, hint?: string) => {
    const here = issuesAt(issues, path);
    const id = `setting-${path.replace(/\./g, "-")}`;
    return (
      <div className="field" key={path}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          name={path}
          inputMode="decimal"
          value={value}
          readOnly={readOnly}
          aria-invalid={here.length > 0 || undefined}
          aria-describedby={here.length > 0 ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {hint && <p className="muted small">{hint}</p>}
        <FieldError id={`${id}-error`} issues={here} />
      </div>
    );
  };

  return (
    <form className="editor escalation-settings" aria-label={t("escalation.settings.title")} onSubmit={(e) => void save(e)} noValidate>
      <PageTitle title={t("escalation.settings.title")} />
      <p className="muted">{t("escalation.settings.intro")}</p>
      {readOnly && <p className="notice notice-info">{t("escalation.settings.readOnly")}</p>}
      {notice?.kind === "error" && issues.length === 0 && <ErrorNotice error={notice.error} />}
      {notice?.kind === "conflict" && (
        <p className="notice notice-warning" role="alert">
          {t("escalation.settings.conflict")}
        </p>
      )}
      <section className="panel">
        <h2>{t("escalation.settings.guards")}</h2>
        {numberField("reminderHours", t("escalation.settings.reminderHours"), reminderHours, setReminderHours, t("escalation.settings.reminderHint"))}
        {numberField("tryFirstMinutes", t("escalation.settings.tryFirstMinutes"), tryFirstMinutes, setTryFirstMinutes, t("escalation.settings.tryFirstHint"))}
      </section>
      <section className="panel">
        <h2>{t("escalation.settings.eta")}</h2>
        {HANDOFF_URGENCIES.map((u) =>
          numberField(`etaMinutes.${u}`, t("escalation.settings.etaFor", { urgency: escalationWord(locale, "urgency", u) }), eta[u] ?? "", (v) =>
            setEta({ ...eta, [u]: v }),
          ),
        )}
      </section>
      <section className="panel">
        <h2>{t("escalation.settings.limits")}</h2>
        <p className="muted small">{t("escalation.settings.limitsHint")}</p>
        {ROLES.map((r) => numberField(`approvalLimits.${r}`, t(`admin.roleName.${r}`), limits[r] ?? "", (v) => setLimits({ ...limits, [r]: v })))}
      </section>
      <RootCauseEditor rows={causes} onChange={setCauses} issues={issues} readOnly={readOnly} />
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("app.saving") : t("action.save")}
          </button>
          {notice?.kind === "saved" && (
            <span className="notice-inline success" role="status">
              {t("escalation.settings.saved")}
            </span>
          )}
        </div>
      )}
    </form>
  );
}
