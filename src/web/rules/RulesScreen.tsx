// The rules in the order they run, each with its triggers and what it does in one line; managers
// move them up and down (the order is saved at once) and switch them on and off.

import { MoveButtons } from "../components/MoveButtons.js";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import * as api from "../api/rules.js";
import type { Rule } from "../api/rules.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { useCanEditRules } from "./access.js";
import { ruleSummary, triggerText } from "./ruleSummary.js";
import { useSummaryWords } from "./useSummaryWords.js";

export function RulesScreen() {
  const { t } = useI18n();
  const canEdit = useCanEditRules();
  const words = useSummaryWords();
  const queryClient = useQueryClient();
  const rulesQuery = useQuery({ queryKey: queryKeys.rules, queryFn: api.listRules });
  const [writeError, setWriteError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const rules: Rule[] | null = rulesQuery.data ?? (rulesQuery.error ? [] : null);
  const error = writeError ?? rulesQuery.error ?? null;
  const setRules = (items: Rule[]) => queryClient.setQueryData(queryKeys.rules, items);
  const reload = () => {
    setWriteError(null);
    void rulesQuery.refetch();
  };

  const move = async (index: number, by: -1 | 1) => {
    if (!rules) return;
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    if (!rule) return;
    next.splice(index + by, 0, rule);
    setRules(next);
    setBusy(true);
    try {
      setRules(await api.reorderRules(next.map((r) => r.id)));
      setWriteError(null);
    } catch (failure) {
      setWriteError(failure);
      void queryClient.invalidateQueries({ queryKey: queryKeys.rules, exact: true });
    } finally {
      setBusy(false);
    }
    // Keep the keyboard on the moved rule's button.
    requestAnimationFrame(() =>
      document.querySelector<HTMLButtonElement>(`[data-rule-id="${rule.id}"] .move-${by < 0 ? "up" : "down"}:not(:disabled)`)?.focus(),
    );
  };

  const toggle = async (rule: Rule, enabled: boolean) => {
    if (!rules) return;
    setRules(rules.map((r) => (r.id === rule.id ? { ...r, enabled } : r)));
    setBusy(true);
    try {
      const saved = await api.updateRule(rule.id, rule.version, { enabled });
      queryClient.setQueryData<Rule[]>(queryKeys.rules, (items) => items?.map((r) => (r.id === saved.id ? saved : r)));
      setWriteError(null);
    } catch (failure) {
      setWriteError(failure);
      void queryClient.invalidateQueries({ queryKey: queryKeys.rules, exact: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-screen rules-screen" aria-busy={rules === null || busy}>
      <div className="screen-head">
        <PageTitle title={t("rules.title")} />
        {canEdit && (
          <Link to="/rules/new" className="button button-primary">
            {t("rules.new")}
          </Link>
        )}
      </div>
      <p className="muted">{t("rules.intro")}</p>
      {error !== null && <ErrorNotice error={error} onRetry={reload} />}
      {rules === null ? (
        <p className="muted">{t("app.loading")}</p>
      ) : rules.length === 0 ? (
        error === null && <p className="empty">{t("rules.empty")}</p>
      ) : (
        <ol className="card-list rule-list">
          {rules.map((rule, index) => (
            <li key={rule.id} className={rule.enabled ? "card-row" : "card-row rule-off"} data-rule={rule.name} data-rule-id={rule.id}>
              <span className="position" aria-hidden="true">
                {index + 1}
              </span>
              <div className="card-body">
                <Link to={`/rules/${rule.id}`} className="card-title">
                  {rule.name}
                </Link>
                <span className="badges">
                  {!rule.enabled && <span className="badge badge-muted">{t("rules.off")}</span>}
                  {rule.stop && <span className="badge badge-accent">{t("rules.stops")}</span>}
                  {triggerText(rule, words).map((text) => (
                    <span key={text} className="badge trigger-badge">
                      {text}
                    </span>
                  ))}
                </span>
                <span className="muted small rule-line">{ruleSummary(rule, words)}</span>
              </div>
              {canEdit && (
                <span className="rule-controls">
                  <label className="check switch">
                    <input type="checkbox" checked={rule.enabled} disabled={busy} onChange={(e) => void toggle(rule, e.target.checked)} />
                    <span>{t("rules.onLabel")}</span>
                    <span className="visually-hidden"> {rule.name}</span>
                  </label>
                  <MoveButtons
                    index={index}
                    count={rules.length}
                    busy={busy}
                    onMove={(at, by) => void move(at, by)}
                    upLabel={t("rules.moveUp", { name: rule.name })}
                    downLabel={t("rules.moveDown", { name: rule.name })}
                  />
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
