// The inbox: views with counts, search and filters, the list of tickets, and "load more".

import { useQuery } from "@tanstack/react-query";
import { useNavigate, useSearchParams } from "react-router";
import * as api from "../api/palier.js";
import type { TicketCounts } from "../api/types.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { apiQuery, inboxHref, readInboxQuery, type InboxQuery } from "./inboxQuery.js";
import { InboxFilters } from "./InboxFilters.js";
import { TicketTable } from "./TicketTable.js";
import { useTicketList } from "./useTicketList.js";
import { ViewTabs } from "./ViewTabs.js";

const PAGE_SIZE = 50;

export function InboxScreen() {
  const { t, tn } = useI18n();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const query = readInboxQuery(search);
  const href = inboxHref(query);
  const list = useTicketList(apiQuery(query, PAGE_SIZE));
  const counts = useCounts(href);

  const change = (next: InboxQuery) => navigate(inboxHref(next), { replace: true });

  return (
    <section className="inbox" aria-busy={list.loading}>
      <div className="screen-head">
        <PageTitle title={t("inbox.title")} />
        <p className="muted" role="status">
          {list.loading ? t("app.loading") : tn("inbox.total", list.total)}
        </p>
      </div>
      <ViewTabs current={query.view} counts={counts} hrefOf={(view) => inboxHref({ ...query, view })} />
      <InboxFilters query={query} onChange={change} />
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.loading && list.error === null && list.items.length === 0 ? (
        <p className="empty">{query.q || query.status || query.priority || query.channel || query.team || query.tag ? t("inbox.noMatch") : t("inbox.empty")}</p>
      ) : (
        <TicketTable tickets={list.items} now={list.now} />
      )}
      {list.hasMore && (
        <div className="load-more">
          <button type="button" className="button" onClick={list.loadMore} disabled={list.loadingMore}>
            {list.loadingMore ? t("app.loading") : t("inbox.loadMore")}
          </button>
        </div>
      )}
    </section>
  );
}

/** The views' counts, read again whenever the inbox's address changes or a ticket does. */
function useCounts(href: string): TicketCounts | null {
  // Keyed by the address only so that moving between views refreshes them.
  const { data } = useQuery({ queryKey: [...queryKeys.ticketCounts, href], queryFn: api.ticketCounts });
  return data ?? null;
}
