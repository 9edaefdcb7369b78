// The ticket's history from its events, each rendered from its data by the event catalogue
// (src/core/events) in the reader's language and time zone: a title, who acted, when, one line
// per change, clock, recipient list or outcome, and why. Ids read as names, never as uuids.

import { useMemo } from "react";
import { renderEvent, type RenderableEvent, type RenderedEvent } from "../../core/events/index.js";
import type { TicketEvent } from "../api/types.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { useTimeZone } from "../session/useTimeZone.js";
import { useEventNames } from "./useEventNames.js";

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
        <EventList events={events} />
      )}
    </details>
  );
}

function EventList({ events }: { events: TicketEvent[] }) {
  const { locale } = useI18n();
  const timeZone = useTimeZone();
  const names = useEventNames();
  const rendered = useMemo(
    () => [...events].reverse().map((event) => ({ event, text: renderEvent(renderable(event), { locale, timeZone, names }) })),
    [events, locale, timeZone, names],
  );
  const when = useMemo(() => new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium", timeStyle: "short" }), [locale, timeZone]);
  return (
    <ol className="events">
      {rendered.map(({ event, text }) => (
        <EventItem key={event.id} event={event} text={text} at={when.format(new Date(event.at))} />
      ))}
    </ol>
  );
}

/** An event as the API sends it, in the catalogue's reading shape. */
function renderable(event: TicketEvent): RenderableEvent {
  return {
    type: event.type,
    changes: event.changes ?? {},
    data: event.data ?? {},
    reason: event.reason,
    actor: { type: event.actorType, id: event.actorId },
  } as RenderableEvent;
}

/** One event; `at` is its instant already written in the reader's language and zone. */
function EventItem({ event, text, at }: { event: TicketEvent; text: RenderedEvent; at: string }) {
  return (
    <li className="event" data-type={event.type}>
      <div className="event-head">
        <strong>{text.title}</strong>
        <span className="muted"> · {text.actor} · </span>
        <time dateTime={event.at} className="muted">
          {at}
        </time>
      </div>
      {text.details.length > 0 && (
        <ul className="changes">
          {text.details.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
      {text.why && <p className="event-reason">{text.why}</p>}
    </li>
  );
}
