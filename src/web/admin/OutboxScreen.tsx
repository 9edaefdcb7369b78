// The outbox's dead deliveries (e-mails and webhooks that failed every attempt), each with its
// last error and a button that queues it again.

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import * as sla from "../api/slaApi.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";

export function OutboxScreen() {
  const { t, tn, formatDateTime } = useI18n();
  const query = useQuery({ queryKey: queryKeys.deadDeliveries, queryFn: () => sla.listOutbox("dead") });
  const state = { items: query.data ?? (query.error ? [] : null), error: query.error ?? null };
  const refresh = () => void query.refetch();
  const [replayed, setReplayed] = useState<ReadonlySet<number>>(new Set());
  const [replayError, setReplayError] = useState<unknown>(null);
  const replay = async (id: number) => {
    setReplayError(null);
    try {
      await sla.replayDelivery(id);
      setReplayed((before) => new Set(before).add(id));
    } catch (error) {
      setReplayError(error);
    }
  };
  return (
    <section className="admin-screen" aria-busy={state.items === null}>
      <div className="screen-head">
        <PageTitle title={t("admin.outbox")} />
        <button type="button" className="button" onClick={refresh}>
          {t("admin.refresh")}
        </button>
      </div>
      <p className="muted">{t("admin.outboxIntro")}</p>
      {state.error !== null && <ErrorNotice error={state.error} onRetry={refresh} />}
      {replayError !== null && <ErrorNotice error={replayError} />}
      {state.items === null ? (
        <p className="muted">{t("app.loading")}</p>
      ) : state.items.length === 0 ? (
        state.error === null && <p className="empty">{t("admin.outboxEmpty")}</p>
      ) : (
        <ul className="card-list outbox">
          {state.items.map((delivery) => (
            <li key={delivery.id} className="card-row" data-delivery={delivery.id}>
              <div className="card-body">
                <strong>
                  {t(`admin.kind.${delivery.kind}`)} · {delivery.address ?? "—"}
                </strong>
                <span className="muted small">
                  {tn("admin.attempts", delivery.attempts)} · <time dateTime={delivery.createdAt}>{formatDateTime(delivery.createdAt)}</time>
                  {delivery.ticketNumber !== null && delivery.ticketNumber !== undefined && (
                    <>
                      {" "}
                      · <Link to={`/tickets/${delivery.ticketNumber}`}>#{delivery.ticketNumber}</Link>
                    </>
                  )}
                </span>
                {delivery.lastError && <code className="last-error">{delivery.lastError}</code>}
              </div>
              {replayed.has(delivery.id) ? (
                <span className="notice-inline success" role="status">
                  {t("admin.replayed")}
                </span>
              ) : (
                <button type="button" className="button" onClick={() => void replay(delivery.id)} aria-label={t("admin.replayOne", { id: delivery.id })}>
                  {t("admin.replay")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
