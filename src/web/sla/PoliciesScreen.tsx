// The SLA policies in the order they are tried (the first active match applies, the default
// catches the rest); managers move them up and down, which reorders them on the server.

import { MoveButtons } from "../components/MoveButtons.js";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import * as sla from "../api/slaApi.js";
import type { Policy } from "../api/slaTypes.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { useCanManageSla } from "./access.js";
import { JobProgress } from "./JobProgress.js";

export function PoliciesScreen() {
  const { t, tn } = useI18n();
  const canEdit = useCanManageSla();
  const queryClient = useQueryClient();
  const policiesQuery = useQuery({ queryKey: queryKeys.policies, queryFn: sla.listPolicies });
  // Without calendars the list names none; that is no reason to fail the screen.
  const calendars = useQuery({ queryKey: queryKeys.calendars, queryFn: sla.listCalendars }).data ?? [];
  const [moveError, setMoveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const policies: Policy[] | null = policiesQuery.data ?? (policiesQuery.error ? [] : null);
  const error = moveError ?? policiesQuery.error ?? null;
  const setPolicies = (items: Policy[]) => queryClient.setQueryData(queryKeys.policies, items);
  const reload = () => {
    setMoveError(null);
    void policiesQuery.refetch();
  };

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
      setMoveError(null);
    } catch (failure) {
      setMoveError(failure);
      void queryClient.invalidateQueries({ queryKey: queryKeys.policies, exact: true });
    } finally {
      setBusy(false);
    }
    // Keep the keyboard on the moved policy's button.
    requestAnimationFrame(() =>
      document.querySelector<HTMLButtonElement>(`[data-policy-id="${policy.id}"] .move-${by < 0 ? "up" : "down"}:not(:disabled)`)?.focus(),
    );
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
      {error !== null && <ErrorNotice error={error} onRetry={reload} />}
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
                <MoveButtons
                  index={index}
                  count={policies.length}
                  busy={busy}
                  onMove={(at, by) => void move(at, by)}
                  upLabel={t("policies.moveUp", { name: policy.name })}
                  downLabel={t("policies.moveDown", { name: policy.name })}
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
