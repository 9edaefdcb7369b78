// The signed-in agent's notifications: the latest loaded once with the unread count, then new
// ones pushed by the server (server-sent events `notification` on /notifications/stream, which
// resume after the last id received); marking read, one or all.

import { useCallback, useEffect, useState } from "react";
import * as sla from "../api/slaApi.js";
import type { AppNotification } from "../api/slaTypes.js";
import { announceTicketChange } from "./ticketSignals.js";

export interface Notifications {
  items: AppNotification[];
  unread: number;
  markRead(ids: number[]): void;
  markAllRead(): void;
}

/** `incoming` merged into `items`, newest first, each id once. */
export function mergeNotifications(items: readonly AppNotification[], incoming: readonly AppNotification[]): AppNotification[] {
  const byId = new Map<number, AppNotification>();
  for (const item of [...incoming, ...items]) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
}

interface State {
  items: AppNotification[];
  /** The server's unread count, moved by what arrived and what was read since. */
  unread: number;
}

export function useNotifications(): Notifications {
  const [state, setState] = useState<State>({ items: [], unread: 0 });

  useEffect(() => {
    let open = true;
    sla.listNotifications().then(
      (answer) =>
        open &&
        setState((before) => {
          const items = mergeNotifications(before.items, answer.items);
          // Streamed before the list answered: those are already in the server's count.
          return { items, unread: answer.unreadCount ?? items.filter((item) => !item.readAt).length };
        }),
      () => undefined,
    );
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(sla.NOTIFICATION_STREAM, { withCredentials: true });
    const receive = (event: MessageEvent<string>) => {
      let notification: AppNotification;
      try {
        notification = JSON.parse(event.data) as AppNotification;
      } catch {
        return;
      }
      if (typeof notification.id !== "number") return;
      if (typeof notification.ticketNumber === "number") announceTicketChange(notification.ticketNumber);
      setState((before) => {
        if (before.items.some((item) => item.id === notification.id)) return before;
        const fresh = { ...notification, readAt: notification.readAt ?? null };
        return { items: mergeNotifications(before.items, [fresh]), unread: before.unread + (fresh.readAt ? 0 : 1) };
      });
    };
    source.addEventListener("notification", receive as EventListener);
    source.addEventListener("message", receive);
    return () => {
      open = false;
      source.close();
    };
  }, []);

  const markRead = useCallback((ids: number[]) => {
    if (ids.length === 0) return;
    const at = new Date().toISOString();
    setState((before) => {
      const newlyRead = before.items.filter((item) => ids.includes(item.id) && !item.readAt).length;
      return { items: before.items.map((item) => (ids.includes(item.id) && !item.readAt ? { ...item, readAt: at } : item)), unread: Math.max(0, before.unread - newlyRead) };
    });
    sla.markNotificationsRead({ ids }).then((left) => left !== null && setState((before) => ({ ...before, unread: left })), () => undefined);
  }, []);

  const markAllRead = useCallback(() => {
    const at = new Date().toISOString();
    setState((before) => ({ items: before.items.map((item) => (item.readAt ? item : { ...item, readAt: at })), unread: 0 }));
    sla.markNotificationsRead({ all: true }).catch(() => undefined);
  }, []);

  return { items: state.items, unread: state.unread, markRead, markAllRead };
}
