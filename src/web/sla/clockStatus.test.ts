// A clock card's tone and seconds from the server's instants.

import { describe, expect, it } from "vitest";
import type { TicketClock } from "../api/slaTypes.js";
import { clockStatus } from "./clockStatus.js";

const base: TicketClock = {
  target: "first_response",
  cycle: 1,
  policyName: "Standard",
  state: "running",
  breached: false,
  startedAt: "2026-03-02T09:00:00Z",
  dueAt: "2026-03-02T10:00:00Z",
  stoppedAt: null,
  elapsedSeconds: 0,
  remainingSeconds: 3600,
  lateBySeconds: null,
  timers: [],
};
const at = (iso: string) => new Date(iso).getTime();

describe("a clock's status", () => {
  it("is green with time left, amber within 30 minutes, red once past due with the time overdue", () => {
    expect(clockStatus(base, at("2026-03-02T09:00:00Z"))).toEqual({ tone: "ok", seconds: 3600 });
    expect(clockStatus(base, at("2026-03-02T09:30:00Z"))).toEqual({ tone: "soon", seconds: 1800 });
    expect(clockStatus(base, at("2026-03-02T10:05:00Z"))).toEqual({ tone: "breached", seconds: 300 });
  });

  it("turns amber at the policy's first reminder when the clock has one", () => {
    const warned = { ...base, warningAt: "2026-03-02T09:10:00Z" };
    expect(clockStatus(warned, at("2026-03-02T09:05:00Z"))).toEqual({ tone: "ok", seconds: 3300 });
    expect(clockStatus(warned, at("2026-03-02T09:10:00Z"))).toEqual({ tone: "soon", seconds: 3000 });
  });

  it("is grey while paused, showing what is left", () => {
    expect(clockStatus({ ...base, state: "paused", dueAt: null, remainingSeconds: 1200 }, at("2026-03-02T12:00:00Z"))).toEqual({
      tone: "paused",
      seconds: 1200,
    });
  });

  it("is met in time, or met late by the server's count", () => {
    const met = { ...base, state: "met" as const, stoppedAt: "2026-03-02T09:40:00Z", lateBySeconds: 0 };
    expect(clockStatus(met, at("2026-03-02T11:00:00Z")).tone).toBe("met");
    expect(clockStatus({ ...met, stoppedAt: "2026-03-02T10:10:00Z", lateBySeconds: 600, breached: true }, 0)).toEqual({ tone: "metLate", seconds: 600 });
    expect(clockStatus({ ...met, stoppedAt: "2026-03-02T10:10:00Z", lateBySeconds: null }, 0)).toEqual({ tone: "metLate", seconds: 600 });
  });

  it("is cancelled when the target no longer applies", () => {
    expect(clockStatus({ ...base, state: "cancelled" }, 0)).toEqual({ tone: "cancelled", seconds: null });
  });
});
