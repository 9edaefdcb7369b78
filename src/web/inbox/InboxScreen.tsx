// The inbox: views with counts, search and filters, the list of tickets, and "load more". It
// opens on the person's landing view when the address names none.

import { useQuery } from "@tanstack/react-query";
import { useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../api/client.js";
import * as api from "../api/palier.js";
import type { TicketCounts } from "../api/types.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { usePrincipal } from "../session/SessionProvider.js";
import { AddressNotice } from "./AddressNotice.js";
import { ANY_STATUS, addressProblems, defaultSort, apiQuery, inboxHref, readInboxQuery, withoutFilters, type InboxQuery } from "./inboxQuery.js";
import { InboxFilters } from "./InboxFilters.js";
import { landingFor, rememberedView, rememberView } from "./landing.js";
import { TicketTable } from "./TicketTable.js";
import { useTicketList } from "./useTicketList.js";
import { ViewTabs } from "./ViewTabs.js";

const PAGE_SIZE = 50;

export function InboxScreen() {
  const { t, tn } = useI18n();
  const me = usePrincipal();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const query = readInboxQuery(search, landingFor(me, rememberedView(me)));
  const problems = addressProblems(search);
  const href = inboxHref(query);
  const list = useTicketList(apiQuery(query, PAGE_SIZE));
  const counts = useCounts(href);
  // The server refused the query (a filter the app let through): said as a bad address, not as its pattern.
  const refused = list.error instanceof ApiError && list.error.status === 400;

  const change = (next: InboxQuery) => navigate(inboxHref(next), { replace: true });
  const filtered = query.q || query.priority || query.channel || query.team || query.tag || (query.status !== "" && query.status !== ANY_STATUS);

  return (
    <section className="inbox" aria-busy={list.loading}>
      <div className="screen-head">
        <PageTitle title={t("inbox.title")} />
        <p className="muted" role="status" data-testid="inbox-total">
          {list.loading
            ? t("app.loading")
            : refused
              ? null
              : tn(query.status === "" ? "inbox.totalUnsolved" : query.status === ANY_STATUS ? "inbox.totalAny" : "inbox.total", list.total)}
        </p>
      </div>
      <ViewTabs
        current={query.view}
        counts={counts}
        hrefOf={(view) => inboxHref({ ...query, view, sort: query.sort === defaultSort(query.view) ? defaultSort(view) : query.sort })}
        onPick={(view) => rememberView(me, view)}
      />
      {(query.view === "breaching" || query.view === "escalated") && (
        <p className="view-hint muted" data-testid="view-hint">
          {t(query.view === "breaching" ? "inbox.hint.breaching" : "inbox.hint.escalated")}
        </p>
      )}
      {(problems.length > 0 || refused) && <AddressNotice problems={problems} onReset={() => navigate(inboxHref(withoutFilters(query)), { replace: true })} />}
      <InboxFilters query={query} onChange={change} />
      {list.error !== null && !refused && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.loading && list.error === null && list.items.length === 0 ? (
        <p className="empty">{filtered ? t("inbox.noMatch") : t("inbox.empty")}</p>
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
