// The inbox's due column reads the list's own SLA fields, against the server's clock.

import { describe, expect, it } from "vitest";
import type { Ticket } from "../api/types.js";
import { dueFromList } from "./dueTime.js";

const ticket = (slaDueAt: string | null | undefined, slaBreached?: boolean, slaPaused?: boolean) =>
  ({ number: 1042, slaDueAt, slaBreached, slaPaused }) as unknown as Ticket;

describe("a listed ticket's due time", () => {
  it("measures the time left against the server's clock, not the browser's", () => {
    expect(dueFromList(ticket("2026-03-02T12:00:00Z", false), "2026-03-02T11:15:00Z")).toEqual({
      dueAt: "2026-03-02T12:00:00Z",
      breached: false,
      paused: false,
      leftSeconds: 2700,
    });
    expect(dueFromList(ticket("2026-03-02T12:00:00Z", true), "2026-03-02T13:00:00Z")).toEqual({
      dueAt: "2026-03-02T12:00:00Z",
      breached: true,
      paused: false,
      leftSeconds: -3600,
    });
  });

  it("has no time left to show without a running clock, and nothing at all from a list that does not say", () => {
    expect(dueFromList(ticket(null, false), "2026-03-02T11:15:00Z")).toEqual({ dueAt: null, breached: false, paused: false });
    expect(dueFromList(ticket(undefined), "2026-03-02T11:15:00Z")).toBeUndefined();
  });

  it("says paused when no clock runs and one is paused", () => {
    expect(dueFromList(ticket(null, false, true), "2026-03-02T11:15:00Z")).toEqual({ dueAt: null, breached: false, paused: true });
  });
});
