// The built-in mailbox: the e-mails Palier would have sent, newest first, each opened in place.

import { useEffect, useState } from "react";
import * as sla from "../api/slaApi.js";
import type { MailboxMessage } from "../api/slaTypes.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { Link } from "react-router";

export function MailboxScreen() {
  const { t, formatDateTime } = useI18n();
  const [state, setState] = useState<{ items: MailboxMessage[] | null; error: unknown }>({ items: null, error: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    sla.listMailbox().then(
      (items) => live && setState({ items, error: null }),
      (error: unknown) => live && setState({ items: [], error }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return (
    <section className="admin-screen" aria-busy={state.items === null}>
      <div className="screen-head">
        <PageTitle title={t("admin.mailbox")} />
        <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
          {t("admin.refresh")}
        </button>
      </div>
      <p className="muted">{t("admin.mailboxIntro")}</p>
      {state.error !== null && <ErrorNotice error={state.error} onRetry={() => setAttempt((n) => n + 1)} />}
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
