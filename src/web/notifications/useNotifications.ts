// The signed-in agent's notifications: the latest loaded once, then new ones pushed by the
// server (server-sent events on /notifications/stream); marking read, one or all.

import { useCallback, useEffect, useState } from "react";
import * as sla from "../api/slaApi.js";
import type { AppNotification } from "../api/slaTypes.js";

export interface Notifications {
  items: AppNotification[];
  unread: number;
  /** Whether the live stream is connected. */
  live: boolean;
  markRead(ids: number[]): void;
  markAllRead(): void;
}

/** `incoming` merged into `items`, newest first, each id once. */
export function mergeNotifications(items: readonly AppNotification[], incoming: readonly AppNotification[]): AppNotification[] {
  const byId = new Map<number, AppNotification>();
  for (const item of [...incoming, ...items]) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
}

export function useNotifications(): Notifications {
  const [items, setItems] = useState<AppNotification[]>([]);
  const [live, setLive] = useState(false);

  useEffect(() => {
    let open = true;
    sla.listNotifications().then(
      (answer) => open && setItems((before) => mergeNotifications(before, answer.items)),
      () => undefined,
    );
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(sla.NOTIFICATION_STREAM, { withCredentials: true });
    const receive = (event: MessageEvent<string>) => {
      try {
        const notification = JSON.parse(event.data) as AppNotification;
        if (typeof notification.id !== "number") return;
        setItems((before) => mergeNotifications(before, [{ ...notification, readAt: notification.readAt ?? null }]));
      } catch {
        // A keep-alive or a message of another kind.
      }
    };
    source.addEventListener("message", receive);
    source.addEventListener("notification", receive as EventListener);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    return () => {
      open = false;
      source.close();
    };
  }, []);

  const markRead = useCallback((ids: number[]) => {
    if (ids.length === 0) return;
    const at = new Date().toISOString();
    setItems((before) => before.map((item) => (ids.includes(item.id) && !item.readAt ? { ...item, readAt: at } : item)));
    sla.markNotificationsRead({ ids }).catch(() => undefined);
  }, []);

  const markAllRead = useCallback(() => {
    const at = new Date().toISOString();
    setItems((before) => before.map((item) => (item.readAt ? item : { ...item, readAt: at })));
    sla.markNotificationsRead({ all: true }).catch(() => undefined);
  }, []);

  return { items, unread: items.filter((item) => !item.readAt).length, live, markRead, markAllRead };
}
