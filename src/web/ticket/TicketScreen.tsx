// One ticket: its subject and state, the conversation with the reply box, the properties
// panel, the SLA clocks, the customer's card and the timeline.

import { Link } from "react-router";
import { ApiError } from "../api/client.js";
import { PriorityBadge, StatusBadge } from "../components/Badges.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { EscalationPanel } from "../escalation/EscalationPanel.js";
import { LogCallPanel, SocialProfilePanel } from "./CallAndSocialPanels.js";
import { ProcedurePanel } from "../procedures/ProcedurePanel.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { usePrincipal } from "../session/SessionProvider.js";
import { Conversation } from "./Conversation.js";
import { CustomerCard } from "./CustomerCard.js";
import { JourneyPanel } from "./JourneyPanel.js";
import { PropertiesPanel } from "./PropertiesPanel.js";
import { useState } from "react";
import { ReplyBox, type ReplyDraft } from "./ReplyBox.js";
import { SlaPanel } from "./SlaPanel.js";
import { Timeline } from "./Timeline.js";
import { TriageChips, TriagePanel } from "./TriageSignals.js";
import { useTicket } from "./useTicket.js";

export function TicketScreen({ number }: { number: number }) {
  const { t, tx, formatDateTime } = useI18n();
  const { agentName, teamName } = useDirectory();
  const data = useTicket(number);
  const { ticket } = data;
  const me = usePrincipal();
  const readOnly = me.kind === "agent" && me.role === "viewer";
  // A suggested reply used: its text goes into the reply composer.
  const [draft, setDraft] = useState<ReplyDraft | null>(null);

  if (data.error !== null && ticket === null) {
    const missing = data.error instanceof ApiError && data.error.status === 404;
    return (
      <section className="empty-screen">
        <PageTitle title={missing ? t("ticket.notFound", { number }) : t("ticket.title", { number })} />
        {!missing && <ErrorNotice error={data.error} onRetry={data.reload} />}
        <p>
          <Link to="/">{t("notFound.back")}</Link>
        </p>
      </section>
    );
  }
  if (ticket === null) {
    return (
      <p className="splash" role="status">
        {t("app.loading")}
      </p>
    );
  }

  return (
    <article className="ticket-screen">
      <header className="ticket-head">
        <p className="breadcrumb">
          <Link to="/">{t("shell.inbox")}</Link> / #{ticket.number}
        </p>
        <PageTitle title={`#${ticket.number} ${ticket.subject}`}>
          <span className="ticket-number">#{ticket.number}</span> {ticket.subject}
        </PageTitle>
        <p className="ticket-meta">
          <StatusBadge status={ticket.status} /> <PriorityBadge priority={ticket.priority} /> <TriageChips ticket={ticket} />{" "}
          <span>{tx(`channel.${ticket.channel}`, ticket.channel)}</span> ·{" "}
          <span>{ticket.assigneeId ? (agentName(ticket.assigneeId) ?? t("ticket.agent")) : t("ticket.unassigned")}</span>
          {ticket.teamId && <span> · {teamName(ticket.teamId)}</span>} · <span>{t("ticket.createdAt", { when: formatDateTime(ticket.createdAt) })}</span>
        </p>
      </header>
      <div className="ticket-main">
        <section aria-labelledby="conversation-title" className="conversation-section">
          <h2 id="conversation-title" className="visually-hidden">
            {t("ticket.conversation")}
          </h2>
          {data.messages === null ? (
            <p className="muted">{t("app.loading")}</p>
          ) : (
            <Conversation
              messages={data.messages}
              customer={data.customer}
              language={ticket.language}
              onUseReply={readOnly || ticket.status === "closed" ? undefined : (text) => setDraft((before) => ({ text, at: (before?.at ?? 0) + 1 }))}
            />
          )}
          {readOnly ? null : ticket.status === "closed" ? (
            <p className="notice notice-info">{t("ticket.closedNoReply")}</p>
          ) : (
            <ReplyBox ticket={ticket} draft={draft} />
          )}
        </section>
        <Timeline events={data.events} />
      </div>
      <aside className="ticket-side" aria-label={t("ticket.details")}>
        <SlaPanel number={ticket.number} />
        <TriagePanel ticket={ticket} messages={data.messages} />
        <PropertiesPanel ticket={ticket} readOnly={readOnly} />
        <ProcedurePanel ticket={ticket} readOnly={readOnly} />
        <EscalationPanel ticket={ticket} readOnly={readOnly} />
        <JourneyPanel number={ticket.number} />
        <SocialProfilePanel ticket={ticket} />
        {!readOnly && ticket.status !== "closed" && <LogCallPanel ticket={ticket} />}
        <CustomerCard customer={data.customer} tickets={data.customerTickets} current={ticket.number} />
      </aside>
    </article>
  );
}
