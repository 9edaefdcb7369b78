// Who asked: the customer's contact details and their other tickets.

import { Link } from "react-router";
import type { Customer, Ticket } from "../api/types.js";
import { StatusBadge } from "../components/Badges.js";
import { useI18n } from "../i18n/I18nProvider.js";

export function CustomerCard({ customer, tickets, current }: { customer: Customer | undefined; tickets: Ticket[] | null; current: number }) {
  const { t, tx, formatRelative } = useI18n();
  const others = (tickets ?? []).filter((ticket) => ticket.number !== current);
  return (
    <section className="panel customer-card" aria-labelledby="customer-title">
      <h2 id="customer-title">{t("ticket.customer")}</h2>
      {customer ? (
        <>
          <p className="customer-name">{customer.name}</p>
          <dl className="facts">
            {customer.email && (
              <>
                <dt>{t("field.email")}</dt>
                <dd>
                  <a href={`mailto:${customer.email}`}>{customer.email}</a>
                </dd>
              </>
            )}
            {customer.phone && (
              <>
                <dt>{t("field.phone")}</dt>
                <dd>
                  <a href={`tel:${customer.phone}`}>{customer.phone}</a>
                </dd>
              </>
            )}
            {customer.language && (
              <>
                <dt>{t("field.language")}</dt>
                <dd>{tx(`language.${customer.language}`, customer.language)}</dd>
              </>
            )}
          </dl>
        </>
      ) : (
        <p className="muted">{t("app.loading")}</p>
      )}
      <h3>{t("ticket.otherTickets")}</h3>
      {tickets === null ? (
        <p className="muted">{t("app.loading")}</p>
      ) : others.length === 0 ? (
        <p className="muted">{t("ticket.noOtherTickets")}</p>
      ) : (
        <ul className="other-tickets">
          {others.map((ticket) => (
            <li key={ticket.number}>
              <Link to={`/tickets/${ticket.number}`}>
                #{ticket.number} {ticket.subject}
              </Link>
              <span className="other-meta">
                <StatusBadge status={ticket.status} /> <time dateTime={ticket.updatedAt}>{formatRelative(ticket.updatedAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
