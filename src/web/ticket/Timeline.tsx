// The ticket's history from its events: when, who, what changed (before → after), and why.

import type { TicketEvent } from "../api/types.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { SLA_EVENT_TYPES, SlaEventDetails, slaEventTitle } from "./SlaEvents.js";

export function Timeline({ events }: { events: TicketEvent[] | null }) {
  const { t, tn } = useI18n();
  return (
    <details className="panel timeline" open>
      <summary>
        <h2>{t("ticket.timeline")}</h2>
        {events && <span className="muted small">{tn("ticket.eventCount", events.length)}</span>}
      </summary>
      {events === null ? (
        <p className="muted">{t("app.loading")}</p>
      ) : events.length === 0 ? (
        <p className="muted">{t("ticket.noEvents")}</p>
      ) : (
        <ol className="events">
          {[...events].reverse().map((event) => (
            <EventItem key={event.id} event={event} />
          ))}
        </ol>
      )}
    </details>
  );
}

function EventItem({ event }: { event: TicketEvent }) {
  const i18n = useI18n();
  const { t, tx, formatDateTime } = i18n;
  const sla = SLA_EVENT_TYPES.has(event.type);
  const { agentName } = useDirectory();
  const actor =
    event.actorType === "agent"
      ? (agentName(event.actorId) ?? t("ticket.agent"))
      : tx(`actor.${event.actorType}`, event.actorType);
  const changes = Object.entries(event.changes ?? {});
  const kind = typeof event.data?.kind === "string" ? event.data.kind : null;
  const title = sla ? slaEventTitle(event, i18n) : kind !== null ? tx(`event.${event.type}.${kind}`, tx(`event.${event.type}`, event.type)) : tx(`event.${event.type}`, event.type.replace(/[_.]/g, " "));
  return (
    <li className="event" data-type={event.type}>
      <div className="event-head">
        <strong>{title}</strong>
        <span className="muted"> · {actor} · </span>
        <time dateTime={event.at} className="muted">
          {formatDateTime(event.at)}
        </time>
      </div>
      {sla && <SlaEventDetails event={event} />}
      {!sla && changes.length > 0 && (
        <ul className="changes">
          {changes.map(([field, pair]) => (
            <li key={field}>
              {t("ticket.changedField", { field: tx(`field.${field}`, field) })}{" "}
              {event.type === "created" ? (
                <ChangeValue field={field} value={pair[1]} />
              ) : (
                <>
                  <ChangeValue field={field} value={pair[0]} /> → <ChangeValue field={field} value={pair[1]} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {event.reason && event.type !== "escalation" && <p className="event-reason">{event.reason}</p>}
    </li>
  );
}

/** A changed value in words: statuses and priorities translated, agents and teams named. */
function ChangeValue({ field, value }: { field: string; value: unknown }) {
  const { t, tx } = useI18n();
  const { agentName, teamName, customers } = useDirectory();
  const one = (item: unknown): string => {
    if (item === null || item === undefined || item === "") return t("ticket.none");
    const text = typeof item === "string" ? item : JSON.stringify(item);
    if (field === "status" || field === "priority" || field === "channel") return tx(`${field}.${text}`, text);
    if (field === "assigneeId" || field === "followers") return agentName(text) ?? text;
    if (field === "teamId") return teamName(text) ?? text;
    if (field === "customerId") return customers.get(text)?.name ?? text;
    if (field === "language") return tx(`language.${text}`, text);
    return text;
  };
  const text = Array.isArray(value) ? (value.length === 0 ? t("ticket.none") : value.map(one).join(", ")) : one(value);
  return <span className="change-value">{text}</span>;
}
