// What a streamed notification does to the cache: the bell's list and count, and the ticket it names.

import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { AppNotification } from "../api/slaTypes.js";
import { queryKeys } from "../queries/keys.js";
import { markedRead, parseNotification, receiveNotification, type NotificationState } from "./notificationCache.js";

const notification = (id: number, ticketNumber: number, createdAt: string): AppNotification =>
  ({ id, ticketNumber, createdAt, readAt: null, title: `n${id}`, body: "" }) as unknown as AppNotification;

function clientWithTicket(number: number): QueryClient {
  const client = new QueryClient();
  client.setQueryData(queryKeys.ticket(number), { number });
  client.setQueryData(queryKeys.ticketClocks(number), { items: [] });
  client.setQueryData(queryKeys.ticket(number + 1), { number: number + 1 });
  client.setQueryData(queryKeys.ticketList({ view: "mine" }), { pages: [] });
  return client;
}

const stale = (client: QueryClient, key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated ?? false;

describe("receiveNotification", () => {
  it("adds an unread notification once, newest first, and counts it", () => {
    const client = new QueryClient();
    client.setQueryData<NotificationState>(queryKeys.notifications, { items: [notification(1, 7, "2026-01-01T10:00:00Z")], unread: 1 });
    receiveNotification(client, notification(2, 7, "2026-01-01T11:00:00Z"));
    receiveNotification(client, notification(2, 7, "2026-01-01T11:00:00Z"));
    const state = client.getQueryData<NotificationState>(queryKeys.notifications);
    expect(state?.items.map((item) => item.id)).toEqual([2, 1]);
    expect(state?.unread).toBe(2);
  });

  it("invalidates the ticket it names with its clocks and the lists, and no other ticket", () => {
    const client = clientWithTicket(42);
    receiveNotification(client, notification(1, 42, "2026-01-01T10:00:00Z"));
    expect(stale(client, queryKeys.ticket(42))).toBe(true);
    expect(stale(client, queryKeys.ticketClocks(42))).toBe(true);
    expect(stale(client, queryKeys.ticketList({ view: "mine" }))).toBe(true);
    expect(stale(client, queryKeys.ticket(43))).toBe(false);
  });
});

describe("markedRead", () => {
  const state: NotificationState = { items: [notification(2, 1, "2026-01-02T00:00:00Z"), notification(1, 1, "2026-01-01T00:00:00Z")], unread: 5 };

  it("lowers the count by the items newly read", () => {
    const after = markedRead(state, [1], "2026-01-03T00:00:00Z");
    expect(after.unread).toBe(4);
    expect(after.items.find((item) => item.id === 1)?.readAt).toBe("2026-01-03T00:00:00Z");
    expect(markedRead(after, [1], "2026-01-04T00:00:00Z").unread).toBe(4);
  });

  it("reads everything at once", () => {
    expect(markedRead(state, "all", "2026-01-03T00:00:00Z")).toMatchObject({ unread: 0 });
  });
});

describe("parseNotification", () => {
  it("takes a notification and refuses anything else", () => {
    expect(parseNotification('{"id":3,"createdAt":"x"}')?.id).toBe(3);
    expect(parseNotification("not json")).toBeNull();
    expect(parseNotification('{"hello":1}')).toBeNull();
    expect(parseNotification("null")).toBeNull();
  });
});
