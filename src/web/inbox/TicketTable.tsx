// The inbox's list: one row per ticket with its number, subject, customer, assignee, status,
// priority, channel, SLA due time (or "paused") and last update. On a phone each row becomes a card.

import { useState } from "react";
import { Link } from "react-router";
import type { Ticket } from "../api/types.js";
import { PriorityBadge, StatusBadge } from "../components/Badges.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useCustomer } from "../directory/useCustomer.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { formatDuration } from "../sla/duration.js";
import { TriageChips } from "../ticket/TriageSignals.js";
import { type DueTime, dueFromList } from "./dueTime.js";

/** `due`: the next SLA due time per ticket number, when the view shows deadlines. */
export function TicketTable({ tickets, now }: { tickets: Ticket[]; now: string | null }) {
  const { t } = useI18n();
  return (
    <table className="ticket-table">
      <caption className="visually-hidden">{t("inbox.tableCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("field.number")}</th>
          <th scope="col">{t("field.subject")}</th>
          <th scope="col">{t("field.customer")}</th>
          <th scope="col">{t("field.assignee")}</th>
          <th scope="col">{t("field.status")}</th>
          <th scope="col">{t("field.priority")}</th>
          <th scope="col">{t("field.channel")}</th>
          <th scope="col">{t("field.due")}</th>
          <th scope="col">{t("field.updated")}</th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((ticket) => (
          <TicketRow key={ticket.number} ticket={ticket} due={dueFromList(ticket, now)} />
        ))}
      </tbody>
    </table>
  );
}

function TicketRow({ ticket, due }: { ticket: Ticket; due: DueTime | undefined }) {
  const { t, tx, formatRelative, formatDateTime } = useI18n();
  const { agentName } = useDirectory();
  const customer = useCustomer(ticket.customerId);
  return (
    <tr data-ticket={ticket.number}>
      <td className="cell-number">#{ticket.number}</td>
      <td className="cell-subject">
        <Link to={`/tickets/${ticket.number}`}>{ticket.subject}</Link>
        <TriageChips ticket={ticket} />
      </td>
      <td className="cell-customer">{customer?.name ?? "…"}</td>
      <td className="cell-assignee">
        {/* On a phone's card the column's name is not above it. */}
        <span className="cell-label">{t("inbox.assigneeLabel")} </span>
        {ticket.assigneeId === null ? <span className="muted">{t("ticket.unassigned")}</span> : (agentName(ticket.assigneeId) ?? t("ticket.agent"))}
      </td>
      <td className="cell-status">
        <StatusBadge status={ticket.status} />
      </td>
      <td className="cell-priority">
        <PriorityBadge priority={ticket.priority} />
      </td>
      <td className="cell-channel">{tx(`channel.${ticket.channel}`, ticket.channel)}</td>
      <td className="cell-due">
        <DueCell due={due} />
      </td>
      <td className="cell-updated">
        <time dateTime={ticket.updatedAt} title={formatDateTime(ticket.updatedAt)}>
          {formatRelative(ticket.updatedAt)}
        </time>
      </td>
    </tr>
  );
}

/** The ticket's next SLA due time: "in 45m", "1h 0m overdue" (red), from the server's clock when known. */
function DueCell({ due }: { due: DueTime | undefined }) {
  const { t, locale, formatRelative, formatDateTime } = useI18n();
  // When the row was shown: used only when the server's own distance to the due time is not known.
  const [shownAt] = useState(() => Date.now());
  if (due?.paused) {
    return (
      <span className="due-paused" title={t("inbox.pausedHint")}>
        {t("inbox.paused")}
      </span>
    );
  }
  if (!due?.dueAt) return <span className="muted">{t("inbox.noDue")}</span>;
  const left = due.leftSeconds ?? (new Date(due.dueAt).getTime() - shownAt) / 1000;
  const past = due.breached || left <= 0;
  const text =
    due.leftSeconds === undefined
      ? formatRelative(due.dueAt)
      : past
        ? t("inbox.overdueBy", { time: formatDuration(left, locale, false) })
        : t("inbox.dueIn", { time: formatDuration(left, locale, false) });
  return (
    <time dateTime={due.dueAt} title={formatDateTime(due.dueAt)} className={past ? "due-past" : undefined} data-breached={past ? "true" : undefined}>
      {due.leftSeconds === undefined && past ? t("inbox.overdue", { when: text }) : text}
    </time>
  );
}
