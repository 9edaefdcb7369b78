// The SLA policies in the order they are tried (the first active match applies, the default
// catches the rest); managers move them up and down, which reorders them on the server.

import { useEffect, useState } from "react";
import * as sla from "../api/slaApi.js";
import type { Calendar, Policy } from "../api/slaTypes.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { Link } from "react-router";
import { useCanManageSla } from "./access.js";
import { JobProgress } from "./JobProgress.js";

export function PoliciesScreen() {
  const { t, tn } = useI18n();
  const canEdit = useCanManageSla();
  const [policies, setPolicies] = useState<Policy[] | null>(null);
  const [calendars, setCalendars] = useState<Calendar[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    sla.listPolicies().then(
      (items) => live && (setPolicies(items), setError(null)),
      (failure: unknown) => live && (setPolicies([]), setError(failure)),
    );
    sla.listCalendars().then((items) => live && setCalendars(items), () => undefined);
    return () => {
      live = false;
    };
  }, [attempt]);

  const move = async (index: number, by: -1 | 1) => {
    if (!policies) return;
    const next = [...policies];
    const [policy] = next.splice(index, 1);
    if (!policy) return;
    next.splice(index + by, 0, policy);
    setPolicies(next);
    setBusy(true);
    try {
      const answer = await sla.reorderPolicies(next.map((p) => p.id));
      if (answer.items.length > 0) setPolicies(answer.items.sort((a, b) => a.position - b.position));
      setJobId(answer.jobId);
      setError(null);
    } catch (failure) {
      setError(failure);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
    // Keep the keyboard on the moved policy's button.
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`[data-policy-id="${policy.id}"] .move-${by < 0 ? "up" : "down"}:not(:disabled)`)?.focus());
  };

  const calendarName = (id: string | null) => (id === null ? t("policies.allHours") : (calendars.find((c) => c.id === id)?.name ?? "…"));
  return (
    <section className="admin-screen" aria-busy={policies === null || busy}>
      <div className="screen-head">
        <PageTitle title={t("policies.title")} />
        {canEdit && (
          <Link to="/sla/policies/new" className="button button-primary">
            {t("policies.new")}
          </Link>
        )}
      </div>
      <p className="muted">{t("policies.intro")}</p>
      {error !== null && <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {jobId && <JobProgress key={jobId} jobId={jobId} />}
      {policies === null ? (
        <p className="muted">{t("app.loading")}</p>
      ) : policies.length === 0 ? (
        error === null && <p className="empty">{t("policies.empty")}</p>
      ) : (
        <ol className="card-list policy-list">
          {policies.map((policy, index) => (
            <li key={policy.id} className="card-row" data-policy={policy.name} data-policy-id={policy.id}>
              <span className="position" aria-hidden="true">
                {index + 1}
              </span>
              <div className="card-body">
                <Link to={`/sla/policies/${policy.id}`} className="card-title">
                  {policy.name}
                </Link>
                <span className="badges">
                  {!policy.active && <span className="badge badge-muted">{t("policies.inactive")}</span>}
                  {policy.isDefault && <span className="badge badge-accent">{t("policies.default")}</span>}
                </span>
                <span className="muted small">
                  {calendarName(policy.calendarId)} · {tn("policies.steps", policy.matrix?.steps?.length ?? 0)}
                </span>
              </div>
              {canEdit && (
                <span className="move-buttons">
                  <button type="button" className="button button-quiet move-up" disabled={busy || index === 0} onClick={() => void move(index, -1)} aria-label={t("policies.moveUp", { name: policy.name })}>
                    ↑
                  </button>
                  <button type="button" className="button button-quiet move-down" disabled={busy || index === policies.length - 1} onClick={() => void move(index, 1)} aria-label={t("policies.moveDown", { name: policy.name })}>
                    ↓
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
