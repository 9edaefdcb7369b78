// The notifications as kept in the server-state cache, and what one arriving on the live stream
// changes there: the bell's list and count, and the ticket and ticket lists it concerns.

import type { QueryClient } from "@tanstack/react-query";
import type { AppNotification } from "../api/slaTypes.js";
import { queryKeys } from "../queries/keys.js";

export interface NotificationState {
  items: AppNotification[];
  /** The server's unread count, moved by what arrived and what was read since. */
  unread: number;
}

/** `incoming` merged into `items`, newest first, each id once. */
export function mergeNotifications(items: readonly AppNotification[], incoming: readonly AppNotification[]): AppNotification[] {
  const byId = new Map<number, AppNotification>();
  for (const item of [...incoming, ...items]) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
}

/** The notification a stream message carries, or null when it is not one. */
export function parseNotification(data: string): AppNotification | null {
  try {
    const value = JSON.parse(data) as AppNotification | null;
    return value !== null && typeof value === "object" && typeof value.id === "number" ? value : null;
  } catch {
    return null;
  }
}

/**
 * Takes a streamed notification into the cache: added to the bell (once), and the ticket it
 * names read again (an escalation fired on it), with the lists and counts it may have moved.
 */
export function receiveNotification(queryClient: QueryClient, notification: AppNotification): void {
  if (typeof notification.ticketNumber === "number") {
    void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(notification.ticketNumber) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.ticketLists });
    void queryClient.invalidateQueries({ queryKey: queryKeys.ticketCounts });
  }
  queryClient.setQueryData<NotificationState>(queryKeys.notifications, (before = { items: [], unread: 0 }) => {
    if (before.items.some((item) => item.id === notification.id)) return before;
    const fresh = { ...notification, readAt: notification.readAt ?? null };
    return { items: mergeNotifications(before.items, [fresh]), unread: before.unread + (fresh.readAt ? 0 : 1) };
  });
}

/** The state once `ids` (or every item, when `ids` is "all") are read at `at`. */
export function markedRead(state: NotificationState, ids: readonly number[] | "all", at: string): NotificationState {
  const hit = (item: AppNotification) => !item.readAt && (ids === "all" || ids.includes(item.id));
  const newlyRead = state.items.filter(hit).length;
  return {
    items: state.items.map((item) => (hit(item) ? { ...item, readAt: at } : item)),
    unread: ids === "all" ? 0 : Math.max(0, state.unread - newlyRead),
  };
}
