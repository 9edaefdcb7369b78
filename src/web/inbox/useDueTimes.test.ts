// A ticket's next due time for the inbox: the earliest running clock's.

import { describe, expect, it } from "vitest";
import type { TicketClock } from "../api/slaTypes.js";
import { dueOf } from "./useDueTimes.js";

const clock = (target: TicketClock["target"], state: TicketClock["state"], dueAt: string | null, breached = false): TicketClock => ({
  target, cycle: 1, policyName: "Standard", state, breached, startedAt: "2026-03-02T09:00:00Z", dueAt, stoppedAt: null,
  elapsedSeconds: 0, remainingSeconds: 0, lateBySeconds: null, timers: [],
});

describe("a ticket's next due time", () => {
  it("is the earliest running clock's, met and paused ones aside", () => {
    expect(dueOf([clock("resolution", "running", "2026-03-02T17:00:00Z"), clock("first_response", "met", "2026-03-02T10:00:00Z"), clock("next_response", "running", "2026-03-02T12:00:00Z")])).toEqual({
      dueAt: "2026-03-02T12:00:00Z",
      breached: false,
    });
    expect(dueOf([clock("first_response", "paused", null)])).toEqual({ dueAt: null, breached: false });
  });

  it("is breached when a running clock is", () => {
    expect(dueOf([clock("first_response", "running", "2026-03-02T10:00:00Z", true)]).breached).toBe(true);
  });
});
