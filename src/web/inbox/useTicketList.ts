// A list of tickets for an inbox query, with more pages on demand (cursor pagination), as one
// infinite query of the server-state cache; any ticket change invalidates it.

import { useInfiniteQuery } from "@tanstack/react-query";
import type { Query } from "../api/client.js";
import * as api from "../api/palier.js";
import type { Ticket } from "../api/types.js";
import { queryKeys } from "../queries/keys.js";

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
  const list = useInfiniteQuery({
    queryKey: queryKeys.ticketList(query),
    queryFn: ({ pageParam }) => api.listTickets(pageParam === null ? query : { ...query, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const pages = list.data?.pages ?? [];
  const last = pages.at(-1);
  return {
    items: pages.flatMap((page) => page.items),
    total: last?.total ?? 0,
    now: last?.now ?? null,
    hasMore: list.hasNextPage,
    loading: list.isPending,
    loadingMore: list.isFetchingNextPage,
    error: list.error ?? null,
    loadMore: () => {
      if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
    },
    reload: () => void list.refetch(),
  };
}
