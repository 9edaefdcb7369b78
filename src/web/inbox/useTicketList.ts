// Loads a list of tickets for an inbox query, and more pages on demand (cursor pagination).

import { useCallback, useEffect, useState } from "react";
import type { Query } from "../api/client.js";
import * as api from "../api/palier.js";
import type { Ticket } from "../api/types.js";

interface Loaded {
  key: string;
  items: Ticket[];
  total: number;
  nextCursor: string | null;
  /** The server's clock at the last page loaded. */
  now: string | null;
  error: unknown;
}

export interface TicketList {
  items: Ticket[];
  total: number;
  /** The server's clock when the list was read: due times are measured against it. */
  now: string | null;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore(): void;
  reload(): void;
}

export function useTicketList(query: Query): TicketList {
  const key = JSON.stringify(query);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const params = JSON.parse(key) as Query;
    api.listTickets(params).then(
      (page) => live && setLoaded({ key, items: page.items, total: page.total, nextCursor: page.nextCursor, now: page.now, error: null }),
      (error: unknown) => live && setLoaded({ key, items: [], total: 0, nextCursor: null, now: null, error }),
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);

  const current = loaded?.key === key ? loaded : null;

  const loadMore = useCallback(() => {
    if (!current?.nextCursor || loadingMore) return;
    setLoadingMore(true);
    const params = { ...(JSON.parse(key) as Query), cursor: current.nextCursor };
    api
      .listTickets(params)
      .then(
        (page) =>
          setLoaded((before) =>
            before?.key === key ? { ...before, items: [...before.items, ...page.items], nextCursor: page.nextCursor, total: page.total, now: page.now } : before,
          ),
        (error: unknown) => setLoaded((before) => (before?.key === key ? { ...before, error } : before)),
      )
      .finally(() => setLoadingMore(false));
  }, [current, key, loadingMore]);

  return {
    items: current?.items ?? [],
    now: current?.now ?? null,
    total: current?.total ?? 0,
    hasMore: Boolean(current?.nextCursor),
    loading: current === null,
    loadingMore,
    error: current?.error ?? null,
    loadMore,
    reload: useCallback(() => setAttempt((n) => n + 1), []),
  };
}
