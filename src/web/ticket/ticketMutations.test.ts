// What a change to a ticket does to the cache: the answer kept, what derives from it read again.

import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client.js";
import type { Ticket } from "../api/types.js";
import { queryKeys } from "../queries/keys.js";
import { isVersionConflict, ticketChanged } from "./ticketMutations.js";

const ticket = (number: number, version: number) => ({ number, version, subject: "Facture" }) as unknown as Ticket;
const invalidated = (client: QueryClient, key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated ?? false;

describe("ticketChanged", () => {
  it("keeps the new ticket and invalidates its timeline, clocks, the lists and counts, not its messages", () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.ticket(7), ticket(7, 1));
    for (const key of [
      queryKeys.ticketEvents(7),
      queryKeys.ticketClocks(7),
      queryKeys.ticketMessages(7),
      queryKeys.ticketList({ view: "all" }),
      [...queryKeys.ticketCounts, "/"],
      queryKeys.ticket(8),
    ]) {
      client.setQueryData(key, []);
    }
    ticketChanged(client, ticket(7, 2));
    expect(client.getQueryData<Ticket>(queryKeys.ticket(7))?.version).toBe(2);
    expect(invalidated(client, queryKeys.ticketEvents(7))).toBe(true);
    expect(invalidated(client, queryKeys.ticketClocks(7))).toBe(true);
    expect(invalidated(client, queryKeys.ticketList({ view: "all" }))).toBe(true);
    expect(invalidated(client, [...queryKeys.ticketCounts, "/"])).toBe(true);
    expect(invalidated(client, queryKeys.ticketMessages(7))).toBe(false);
    expect(invalidated(client, queryKeys.ticket(8))).toBe(false);
  });
});

describe("isVersionConflict", () => {
  it("knows a stale If-Match from any other failure", () => {
    expect(isVersionConflict(new ApiError(409, "version_conflict", "stale"))).toBe(true);
    expect(isVersionConflict(new ApiError(409, "duplicate", "taken"))).toBe(false);
    expect(isVersionConflict(new Error("offline"))).toBe(false);
  });
});
