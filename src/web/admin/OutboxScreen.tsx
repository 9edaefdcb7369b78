// The outbox's dead deliveries (e-mails and webhooks that failed every attempt), each with its
// last error and a button that queues it again.

import { useEffect, useState } from "react";
import * as sla from "../api/slaApi.js";
import type { OutboxDelivery } from "../api/slaTypes.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { Link } from "react-router";

export function OutboxScreen() {
  const { t, tn, formatDateTime } = useI18n();
  const [state, setState] = useState<{ items: OutboxDelivery[] | null; error: unknown }>({ items: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const [replayed, setReplayed] = useState<ReadonlySet<number>>(new Set());
  const [replayError, setReplayError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    sla.listOutbox("dead").then(
      (items) => live && setState({ items, error: null }),
      (error: unknown) => live && setState({ items: [], error }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
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
        <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
          {t("admin.refresh")}
        </button>
      </div>
      <p className="muted">{t("admin.outboxIntro")}</p>
      {state.error !== null && <ErrorNotice error={state.error} onRetry={() => setAttempt((n) => n + 1)} />}
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
