// The signed-in agent's notifications: the latest read once with the unread count, then new
// ones pushed by the server (server-sent events `notification` on /notifications/stream, which
// resume after the last id received) into the cache; marking read, one or all.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import * as sla from "../api/slaApi.js";
import type { AppNotification } from "../api/slaTypes.js";
import { queryKeys } from "../queries/keys.js";
import { markedRead, mergeNotifications, parseNotification, receiveNotification, type NotificationState } from "./notificationCache.js";

export interface Notifications {
  items: AppNotification[];
  unread: number;
  markRead(ids: number[]): void;
  markAllRead(): void;
}

export function useNotifications(): Notifications {
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: queryKeys.notifications,
    queryFn: async (): Promise<NotificationState> => {
      const answer = await sla.listNotifications();
      // Streamed before the list answered: those are already in the server's count.
      const before = queryClient.getQueryData<NotificationState>(queryKeys.notifications);
      const items = mergeNotifications(before?.items ?? [], answer.items);
      return { items, unread: answer.unreadCount ?? items.filter((item) => !item.readAt).length };
    },
    // The stream keeps it current.
    staleTime: Infinity,
  });

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(sla.NOTIFICATION_STREAM, { withCredentials: true });
    const receive = (event: MessageEvent<string>) => {
      const notification = parseNotification(event.data);
      if (notification) receiveNotification(queryClient, notification);
    };
    source.addEventListener("notification", receive as EventListener);
    source.addEventListener("message", receive);
    return () => source.close();
  }, [queryClient]);

  const read = useMutation({
    mutationFn: (ids: number[] | "all") => sla.markNotificationsRead(ids === "all" ? { all: true } : { ids }),
    onMutate: (ids) => {
      const at = new Date().toISOString();
      queryClient.setQueryData<NotificationState>(queryKeys.notifications, (before) => before && markedRead(before, ids, at));
    },
    onSuccess: (left, ids) => {
      if (left !== null && ids !== "all")
        queryClient.setQueryData<NotificationState>(queryKeys.notifications, (before) => before && { ...before, unread: left });
    },
  });

  return {
    items: data?.items ?? [],
    unread: data?.unread ?? 0,
    markRead: (ids) => {
      if (ids.length > 0) read.mutate(ids);
    },
    markAllRead: () => read.mutate("all"),
  };
}
