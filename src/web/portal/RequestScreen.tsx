// One request as its customer sees it: subject, status in their words with what it means for
// them, the conversation (the team's public replies and their own messages, never internal
// notes), and the reply box; a closed request points to a new one instead.

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useLocation } from "react-router";
import { ApiError } from "../api/client.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { safeHtml } from "../lib/safeHtml.js";
import type { OpenedState } from "./NewRequest.js";
import { getRequest, portalKeys, requestMessages, type PortalMessage } from "./portalApi.js";
import { acceptsReplies, customerStatus } from "./portalStatus.js";
import { PortalReplyBox } from "./PortalReplyBox.js";
import { StatusBadge } from "./StatusBadge.js";

export function RequestScreen({ number }: { number: number }) {
  const { t, formatDateTime } = useI18n();
  const request = useQuery({ queryKey: portalKeys.request(number), queryFn: () => getRequest(number) });
  const messages = useQuery({ queryKey: portalKeys.messages(number), queryFn: () => requestMessages(number) });
  const opened = (useLocation().state as OpenedState | null)?.opened === true;

  const back = (
    <p className="portal-back">
      <Link to="/portal">← {t("portal.request.back")}</Link>
    </p>
  );
  if (request.isError) {
    const missing = request.error instanceof ApiError && request.error.status === 404;
    return (
      <section className="portal-page">
        {back}
        <PageTitle title={missing ? t("portal.request.notFound") : t("portal.myRequests")} />
        {!missing && <ErrorNotice error={request.error} onRetry={() => void request.refetch()} />}
      </section>
    );
  }
  if (request.isPending) {
    return (
      <section className="portal-page" aria-busy="true">
        {back}
        <p className="muted" role="status">
          {t("portal.loading")}
        </p>
      </section>
    );
  }
  const ticket = request.data;
  const status = customerStatus(ticket.status);
  return (
    <article className="portal-page portal-request-page">
      {back}
      <PageTitle title={ticket.subject} />
      <p className="portal-request-meta">
        <StatusBadge status={ticket.status} />
        <span className="muted">{t("portal.requests.number", { number: ticket.number })}</span>
        <span className="muted">{t("portal.request.opened", { date: formatDateTime(ticket.createdAt) })}</span>
      </p>
      {opened && (
        <p className="notice notice-success" role="status">
          {t("portal.new.created")}
        </p>
      )}
      <p className={`notice ${status === "pending" ? "notice-warning" : "notice-info"} portal-status-hint`}>{t("portal.statusHint", { status })}</p>
      <section aria-labelledby="portal-conversation">
        <h2 id="portal-conversation" className="visually-hidden">
          {t("portal.request.conversation")}
        </h2>
        {messages.isError && <ErrorNotice error={messages.error} onRetry={() => void messages.refetch()} />}
        {messages.isPending && (
          <p className="muted" role="status">
            {t("portal.loading")}
          </p>
        )}
        {messages.isSuccess && <PortalConversation messages={messages.data} />}
      </section>
      {acceptsReplies(ticket.status) ? (
        <PortalReplyBox request={ticket} />
      ) : (
        <p>
          <Link to="/portal/requests/new" className="button button-primary">
            {t("portal.newRequest")}
          </Link>
        </p>
      )}
    </article>
  );
}

function PortalConversation({ messages }: { messages: PortalMessage[] }) {
  const { t, formatDateTime } = useI18n();
  if (messages.length === 0) return <p className="empty">{t("portal.request.noMessages")}</p>;
  return (
    <ol className="conversation portal-conversation" aria-label={t("portal.request.conversation")}>
      {messages.map((message) => (
        <li key={message.id} className={`message portal-message portal-message-${message.from}`} data-from={message.from}>
          <div className="message-head">
            <span className="message-author">{message.from === "team" ? t("portal.request.fromTeam") : t("portal.request.fromYou")}</span>
            <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
          </div>
          <PortalMessageBody html={message.bodyHtml} />
          {message.attachments.length > 0 && (
            <ul className="attachments" aria-label={t("portal.request.attachments")}>
              {message.attachments.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The server's sanitized HTML, sanitized again before it reaches the DOM. */
function PortalMessageBody({ html }: { html: string }) {
  const clean = useMemo(() => safeHtml(html), [html]);
  return <div className="message-body" dangerouslySetInnerHTML={{ __html: clean }} />;
}
