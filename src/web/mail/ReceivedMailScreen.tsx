// Received mail for admins: every message with what became of it and why, filtered by outcome;
// a message kept as error can be downloaded as it arrived and taken again once its cause is fixed.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { listReceivedMail, type MailOutcome, rawMailUrl, type ReceivedMail, reprocessMail } from "./mailApi.js";

const OUTCOMES: readonly MailOutcome[] = ["error", "ticket", "reply", "automated", "bounce"];
/** Problems whose detail is an error a system gave (a parser's, the database's), shown as it came. */
const SYSTEM_DETAIL = new Set(["unparsable", "intake_failed"]);

export function ReceivedMailScreen() {
  const { t, formatDateTime } = useI18n();
  const [outcome, setOutcome] = useState<MailOutcome | null>("error");
  const queryKey = ["receivedMail", outcome] as const;
  const query = useQuery({ queryKey, queryFn: () => listReceivedMail(outcome) });
  const client = useQueryClient();
  // What the last message taken again became (its row gives way to the new one, so it is said above the list).
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const reprocess = async (mail: ReceivedMail) => {
    setFailure(null);
    setDone(null);
    try {
      const result = await reprocessMail(mail.id);
      setDone(`${mail.subject || t("mail.admin.noSubject")}: ${t("mail.admin.reprocessed", { outcome: result.outcome, number: result.ticketNumber ?? 0 })}`);
      void client.invalidateQueries({ queryKey: ["receivedMail"] });
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <section className="admin-screen" aria-busy={query.isPending}>
      <div className="screen-head">
        <PageTitle title={t("mail.admin.title")} />
        <button type="button" className="button" onClick={() => void query.refetch()}>
          {t("admin.refresh")}
        </button>
      </div>
      <p className="muted">{t("mail.admin.intro")}</p>
      <label className="inline-field">
        {t("mail.admin.show")}{" "}
        <select value={outcome ?? ""} onChange={(event) => setOutcome((event.target.value || null) as MailOutcome | null)}>
          <option value="">{t("mail.admin.all")}</option>
          {OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {t("mail.admin.outcome", { outcome: value })}
            </option>
          ))}
        </select>
      </label>
      {query.error !== null && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {failure !== null && <ErrorNotice error={failure} />}
      {done !== null && (
        <p className="notice-inline success" role="status">
          {done}
        </p>
      )}
      {query.data === undefined ? (
        query.error === null && <p className="muted">{t("app.loading")}</p>
      ) : query.data.length === 0 ? (
        <p className="empty">{t("mail.admin.empty")}</p>
      ) : (
        <ul className="card-list received-mail">
          {query.data.map((mail) => (
            <li key={mail.id} className="card-row" data-mail={mail.id} data-outcome={mail.outcome}>
              <div className="card-body">
                <strong>{mail.subject || t("mail.admin.noSubject")}</strong>
                <span className="muted small">
                  {t("mail.admin.from", { from: mail.from ?? t("mail.admin.noSender") })} ·{" "}
                  <time dateTime={mail.receivedAt}>{formatDateTime(mail.receivedAt)}</time> · {t("mail.admin.outcome", { outcome: mail.outcome })}
                  {mail.ticketNumber !== null && (
                    <>
                      {" "}
                      · <Link to={`/tickets/${mail.ticketNumber}`}>#{mail.ticketNumber}</Link>
                    </>
                  )}
                </span>
                {mail.automated && <span className="small">{t("mail.admin.automated", { kind: mail.automated.kind, reason: mail.automated.reason })}</span>}
                {mail.problems.map((problem) => (
                  <span key={problem.code} className="last-error">
                    {t("mail.admin.problem", { code: problem.code })}
                    {/* Only a system's own error says more than the words above (as an outbox row's last error does). */}
                    {SYSTEM_DETAIL.has(problem.code) && <code>: {problem.detail}</code>}
                  </span>
                ))}
              </div>
              <div className="card-actions">
                <a className="button" href={rawMailUrl(mail.id)} download>
                  {t("mail.admin.download")}
                </a>
                {mail.outcome === "error" && (
                  <button
                    type="button"
                    className="button"
                    onClick={() => void reprocess(mail)}
                    aria-label={t("mail.admin.reprocessOne", { subject: mail.subject })}
                  >
                    {t("mail.admin.reprocess")}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
