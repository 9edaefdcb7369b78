// A ticket's SLA clocks, read again whenever the ticket changes (the cache is invalidated) and
// every half minute (a timer may have fired meanwhile); remembers how far the server's clock
// is from the browser's.

import { useQuery } from "@tanstack/react-query";
import * as sla from "../api/slaApi.js";
import type { TicketClock } from "../api/slaTypes.js";
import { queryKeys } from "../queries/keys.js";
import { offsetFrom } from "../sla/useServerNow.js";

export interface Clocks {
  items: TicketClock[] | null;
  offsetMs: number;
  /** The browser's instant when the offset was read. */
  readAt: number;
  error: unknown;
}

const REFRESH_MS = 30_000;

export function useClocks(number: number): Clocks {
  const { data, error } = useQuery({
    queryKey: queryKeys.ticketClocks(number),
    queryFn: async () => {
      const answer = await sla.ticketClocks(number);
      const readAt = Date.now();
      return { items: answer.items, offsetMs: offsetFrom(answer.now, readAt), readAt };
    },
    refetchInterval: REFRESH_MS,
  });
  return { items: data?.items ?? (error ? [] : null), offsetMs: data?.offsetMs ?? 0, readAt: data?.readAt ?? 0, error: error ?? null };
}
