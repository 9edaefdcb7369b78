// A team's queue: the tickets nobody available could take, oldest first, each since when it waits.

import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { getTeamQueue } from "../api/routing.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { formatInstant } from "../lib/viewerTime.js";

export function TeamQueue({ teamId }: { teamId: string }) {
  const { t, locale } = useI18n();
  // The queue moves as agents come and go: read it again every half minute.
  const queue = useQuery({ queryKey: ["teams", teamId, "queue"], queryFn: () => getTeamQueue(teamId), refetchInterval: 30_000 });
  const items = queue.data ?? [];
  return (
    <section className="panel" aria-labelledby="team-queue-title">
      <h2 id="team-queue-title">{t("routing.queue")}</h2>
      <p className="muted small">{t("routing.queueIntro")}</p>
      {queue.isSuccess && items.length === 0 && <p className="muted">{t("routing.queueEmpty")}</p>}
      {items.length > 0 && (
        <>
          <p>{t("routing.queueCount", { count: items.length })}</p>
          <ol className="plain-list" aria-label={t("routing.queue")}>
            {items.map((ticket) => (
              <li key={ticket.number}>
                <Link to={`/tickets/${ticket.number}`}>
                  #{ticket.number} {ticket.subject}
                </Link>
                <span className="muted small"> · {t("routing.waitingSince", { since: formatInstant(ticket.queuedAt, locale) })}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
