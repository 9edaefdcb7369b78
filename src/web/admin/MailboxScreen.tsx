// The built-in mailbox: the e-mails Palier would have sent, newest first, each opened in place.

import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import * as sla from "../api/slaApi.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";

export function MailboxScreen() {
  const { t, formatDateTime } = useI18n();
  const query = useQuery({ queryKey: queryKeys.mailbox, queryFn: sla.listMailbox });
  const state = { items: query.data ?? (query.error ? [] : null), error: query.error ?? null };
  const refresh = () => void query.refetch();
  return (
    <section className="admin-screen" aria-busy={state.items === null}>
      <div className="screen-head">
        <PageTitle title={t("admin.mailbox")} />
        <button type="button" className="button" onClick={refresh}>
          {t("admin.refresh")}
        </button>
      </div>
      <p className="muted">{t("admin.mailboxIntro")}</p>
      {state.error !== null && <ErrorNotice error={state.error} onRetry={refresh} />}
      {state.items === null ? (
        <p className="muted">{t("app.loading")}</p>
      ) : state.items.length === 0 ? (
        state.error === null && <p className="empty">{t("admin.mailboxEmpty")}</p>
      ) : (
        <ul className="card-list mailbox">
          {state.items.map((message) => (
            <li key={message.id} className="card-row">
              <details>
                <summary>
                  <strong>{message.subject}</strong>
                  <span className="muted small">
                    {" "}
                    · {t("admin.to", { to: message.to })} · <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
                  </span>
                </summary>
                {message.ticketNumber !== null && message.ticketNumber !== undefined && (
                  <p className="small">
                    <Link to={`/tickets/${message.ticketNumber}`}>#{message.ticketNumber}</Link>
                  </p>
                )}
                <pre className="mail-text">{message.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
