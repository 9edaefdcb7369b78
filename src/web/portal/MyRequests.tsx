// "My requests": the customer's requests, most recently updated first, with their status in
// the customer's words and when they last moved; a page at a time.

import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { myRequests, portalKeys } from "./portalApi.js";
import { StatusBadge } from "./StatusBadge.js";

export function MyRequests() {
  const { t, tn, formatDateTime, formatRelative } = useI18n();
  const list = useInfiniteQuery({
    queryKey: portalKeys.requests,
    queryFn: ({ pageParam }) => myRequests(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const requests = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <section className="portal-page" aria-busy={list.isPending}>
      <div className="portal-page-head">
        <PageTitle title={t("portal.myRequests")} />
        {list.isSuccess && total > 0 && <span className="muted">{tn("portal.requests.count", total)}</span>}
      </div>
      <p className="muted">{t("portal.requests.intro")}</p>
      {list.isPending && (
        <p className="muted" role="status">
          {t("portal.loading")}
        </p>
      )}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && requests.length === 0 && (
        <div className="empty portal-empty">
          <p>
            <strong>{t("portal.requests.empty")}</strong>
          </p>
          <p>{t("portal.requests.emptyHint")}</p>
          <Link to="/portal/requests/new" className="button button-primary">
            {t("portal.newRequest")}
          </Link>
        </div>
      )}
      {requests.length > 0 && (
        <ul className="portal-requests" aria-label={t("portal.myRequests")}>
          {requests.map((request) => (
            <li key={request.number} className="portal-request" data-request={request.number}>
              <Link to={`/portal/requests/${request.number}`} className="portal-request-link">
                <span className="portal-request-subject">{request.subject}</span>
                <span className="portal-request-meta">
                  <StatusBadge status={request.status} />
                  <span className="muted">{t("portal.requests.number", { number: request.number })}</span>
                  <time className="muted" dateTime={request.updatedAt} title={formatDateTime(request.updatedAt)}>
                    {t("portal.requests.updated", { when: formatRelative(request.updatedAt) })}
                  </time>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <p>
          <button type="button" className="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {list.isFetchingNextPage ? t("portal.loading") : t("portal.requests.loadMore")}
          </button>
        </p>
      )}
    </section>
  );
}
