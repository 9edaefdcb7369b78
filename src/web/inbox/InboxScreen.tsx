// The inbox: views with counts, search and filters, the list of tickets, and "load more".

import { useEffect, useState } from "react";
import * as api from "../api/palier.js";
import type { TicketCounts } from "../api/types.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { navigate, useLocation } from "../router/router.js";
import { apiQuery, inboxHref, readInboxQuery, type InboxQuery } from "./inboxQuery.js";
import { InboxFilters } from "./InboxFilters.js";
import { TicketTable } from "./TicketTable.js";
import { useTicketList } from "./useTicketList.js";
import { ViewTabs } from "./ViewTabs.js";

const PAGE_SIZE = 50;

export function InboxScreen() {
  const { t, tn } = useI18n();
  const { search } = useLocation();
  const query = readInboxQuery(search);
  const href = inboxHref(query);
  const list = useTicketList(apiQuery(query, PAGE_SIZE));
  const counts = useCounts(href);
  const { loadCustomers } = useDirectory();

  useEffect(() => {
    loadCustomers(list.items.map((ticket) => ticket.customerId));
  }, [list.items, loadCustomers]);

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

/** The views' counts, asked again whenever the inbox's address changes. */
function useCounts(href: string): TicketCounts | null {
  const [counts, setCounts] = useState<TicketCounts | null>(null);
  useEffect(() => {
    let live = true;
    api.ticketCounts().then(
      (answer) => live && setCounts(answer),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [href]);
  return counts;
}
