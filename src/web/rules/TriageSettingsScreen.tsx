// The workspace's triage settings: the frustration score from which a message counts as
// frustrated, and the alarm phrases per kind and language (a list replaces the product's own
// for its kind and language). Managers change them; other staff read them.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { LANGUAGES } from "../../core/ticket/ticket.js";
import { ALARM_KINDS, type AlarmLexicon } from "../../core/triage/signals.js";
import { ApiError } from "../api/client.js";
import * as api from "../api/rules.js";
import type { TriageSettings } from "../api/rules.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { FieldError, fieldIssues, invalidProps, issuesAt } from "../components/FieldError.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { UnsavedDialog } from "../sla/EditorDialogs.js";
import { ErrorSummary, onePerField } from "../sla/ErrorSummary.js";
import { useUnsavedEdits } from "../sla/useUnsavedEdits.js";
import { useCanEditRules } from "./access.js";
import { ChipsInput } from "./ChipsInput.js";
import { changedAlarms } from "./triageDraft.js";
import "../ticket/triage.css";

export function TriageSettingsScreen() {
  const { t } = useI18n();
  const query = useQuery({ queryKey: queryKeys.triageSettings, queryFn: api.getTriageSettings, gcTime: 0 });
  if (query.isError) {
    return (
      <section className="empty-screen">
        <PageTitle title={t("triage.settingsTitle")} />
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </section>
    );
  }
  if (!query.isSuccess) {
    return (
      <p className="splash" role="status">
        {t("app.loading")}
      </p>
    );
  }
  return <TriageForm key={query.data.version} settings={query.data} onReload={() => void query.refetch()} />;
}

type Notice = { kind: "saved" } | { kind: "conflict" } | { kind: "error"; error: unknown } | null;

function TriageForm({ settings, onReload }: { settings: TriageSettings; onReload(): void }) {
  const { t, tx, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const readOnly = !useCanEditRules();
  const [threshold, setThreshold] = useState(settings.threshold);
  const [alarms, setAlarms] = useState<AlarmLexicon>(settings.alarms);
  const [baseline, setBaseline] = useState(() => JSON.stringify({ threshold: settings.threshold, alarms: settings.alarms }));
  const [version, setVersion] = useState(settings.version);
  // What the server holds: a save sends only the lists that differ from it.
  const [saved, setSaved] = useState(settings);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const dirty = !readOnly && JSON.stringify({ threshold, alarms }) !== baseline;
  const unsaved = useUnsavedEdits(dirty);
  const issues = notice?.kind === "error" ? onePerField(fieldIssues(notice.error)) : [];
  const thresholdId = useId();
  const thresholdIssues = issuesAt(issues, "threshold");

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      const changes = changedAlarms(saved.alarms, alarms);
      const answer = await api.saveTriageSettings(version, { threshold, ...(changes ? { alarms: changes } : {}) });
      setVersion(answer.version);
      setSaved(answer);
      setAlarms(answer.alarms);
      setThreshold(answer.threshold);
      setBaseline(JSON.stringify({ threshold: answer.threshold, alarms: answer.alarms }));
      queryClient.setQueryData(queryKeys.triageSettings, answer);
      setNotice({ kind: "saved" });
    } catch (error) {
      setNotice(error instanceof ApiError && error.status === 409 && error.code === "version_conflict" ? { kind: "conflict" } : { kind: "error", error });
    } finally {
      setBusy(false);
    }
  };
  const setPhrases = (kind: (typeof ALARM_KINDS)[number], language: (typeof LANGUAGES)[number], phrases: string[]) =>
    setAlarms((before) => ({ ...before, [kind]: { ...before[kind], [language]: phrases } }));

  return (
    <form className="editor triage-settings" onSubmit={(e) => void save(e)} aria-label={t("triage.settingsTitle")} noValidate>
      <PageTitle title={t("triage.settingsTitle")} />
      <p className="muted">{t("triage.intro")}</p>
      {readOnly && <p className="notice notice-info">{t("rules.readOnly")}</p>}
      {notice?.kind === "error" && <ErrorSummary error={notice.error} unplaced={issues.filter((issue) => !/^(threshold|alarms)\b/.test(issue.path))} />}
      {notice?.kind === "conflict" && (
        <div className="notice notice-warning" role="alert">
          <p>{t("sla.conflict")}</p>
          <button type="button" className="button" onClick={onReload}>
            {t("sla.reloadLatest")}
          </button>
        </div>
      )}
      <div className="panel">
        <div className="field threshold-field">
          <label htmlFor={thresholdId}>{t("triage.threshold")}</label>
          <span className="threshold-inputs">
            <input
              type="range"
              min={0.05}
              max={0.95}
              step={0.05}
              value={threshold}
              disabled={readOnly}
              aria-hidden="true"
              tabIndex={-1}
              onChange={(e) => setThreshold(Number(e.target.value))}
            />
            <input
              id={thresholdId}
              type="number"
              inputMode="decimal"
              min={0}
              max={1}
              step={0.05}
              value={threshold}
              readOnly={readOnly}
              onChange={(e) => setThreshold(e.target.value === "" ? 0 : Number(e.target.value))}
              {...invalidProps(`${thresholdId}-error`, thresholdIssues)}
              aria-describedby={`${thresholdId}-hint${thresholdIssues.length ? ` ${thresholdId}-error` : ""}`}
            />
          </span>
          <p id={`${thresholdId}-hint`} className="muted small">
            {t("triage.thresholdHint", { threshold: formatNumber(threshold) })}
          </p>
          <FieldError id={`${thresholdId}-error`} issues={thresholdIssues} />
        </div>
      </div>
      <section className="panel alarm-phrases" aria-labelledby={`${thresholdId}-alarms`}>
        <h2 id={`${thresholdId}-alarms`}>{t("triage.alarmsTitle")}</h2>
        <p className="muted small">{t("triage.alarmsHint")}</p>
        {ALARM_KINDS.map((kind) => (
          <fieldset key={kind} className="plain alarm-kind" data-kind={kind}>
            <legend>
              <span className={`alarm-chip alarm-${kind}`}>{tx(`triage.alarm.${kind}`, kind)}</span>
            </legend>
            <div className="alarm-languages">
              {LANGUAGES.map((language) => {
                const path = `alarms.${kind}.${language}`;
                const here = issuesAt(issues, path, true).slice(0, 1);
                return (
                  <div key={language} className="field">
                    <ChipsInput
                      label={t("triage.phrasesIn", { language: tx(`language.${language}`, language) })}
                      values={alarms[kind][language]}
                      readOnly={readOnly}
                      onChange={(phrases) => setPhrases(kind, language, phrases)}
                      placeholder={t("triage.addPhrase")}
                      invalid={here.length > 0}
                      describedBy={here.length > 0 ? `${thresholdId}-${kind}-${language}-error` : undefined}
                    />
                    <FieldError id={`${thresholdId}-${kind}-${language}-error`} issues={here} />
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
      </section>
      {!readOnly && (
        <div className="form-actions sticky-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("app.saving") : t("action.save")}
          </button>
          {notice?.kind === "saved" && !dirty && (
            <span className="notice-inline success" role="status">
              {t("triage.saved")}
            </span>
          )}
          {dirty && <span className="notice-inline muted">{t("sla.unsaved.badge")}</span>}
        </div>
      )}
      <UnsavedDialog blocker={unsaved.blocker} />
    </form>
  );
}
