// The inbox's list: one row per ticket with its number, subject, customer, status, priority,
// channel and last update. On a phone each row becomes a card.

import type { Ticket } from "../api/types.js";
import { PriorityBadge, StatusBadge } from "../components/Badges.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { Link } from "../router/router.js";

export function TicketTable({ tickets }: { tickets: Ticket[] }) {
  const { t } = useI18n();
  return (
    <table className="ticket-table">
      <caption className="visually-hidden">{t("inbox.tableCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("field.number")}</th>
          <th scope="col">{t("field.subject")}</th>
          <th scope="col">{t("field.customer")}</th>
          <th scope="col">{t("field.status")}</th>
          <th scope="col">{t("field.priority")}</th>
          <th scope="col">{t("field.channel")}</th>
          <th scope="col">{t("field.updated")}</th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((ticket) => (
          <TicketRow key={ticket.number} ticket={ticket} />
        ))}
      </tbody>
    </table>
  );
}

function TicketRow({ ticket }: { ticket: Ticket }) {
  const { tx, formatRelative, formatDateTime } = useI18n();
  const { customers } = useDirectory();
  return (
    <tr data-ticket={ticket.number}>
      <td className="cell-number">#{ticket.number}</td>
      <td className="cell-subject">
        <Link to={`/tickets/${ticket.number}`}>{ticket.subject}</Link>
      </td>
      <td className="cell-customer">{customers.get(ticket.customerId)?.name ?? "…"}</td>
      <td className="cell-status">
        <StatusBadge status={ticket.status} />
      </td>
      <td className="cell-priority">
        <PriorityBadge priority={ticket.priority} />
      </td>
      <td className="cell-channel">{tx(`channel.${ticket.channel}`, ticket.channel)}</td>
      <td className="cell-updated">
        <time dateTime={ticket.updatedAt} title={formatDateTime(ticket.updatedAt)}>
          {formatRelative(ticket.updatedAt)}
        </time>
      </td>
    </tr>
  );
}
