// What a clock's card shows at an instant: its tone (green, amber, red, grey) and the seconds to
// show (left before due, overdue, or late when met), computed from the server's instants.

import type { TicketClock } from "../api/slaTypes.js";

export type ClockTone = "ok" | "soon" | "breached" | "paused" | "met" | "metLate" | "cancelled";

export interface ClockStatus {
  tone: ClockTone;
  /** Left before due (ok, soon, paused), overdue (breached), late (metLate); null when unknown. */
  seconds: number | null;
}

/** Amber from this many seconds before due, when the policy has no reminder. */
export const SOON_SECONDS = 30 * 60;

export function clockStatus(clock: TicketClock, nowMs: number): ClockStatus {
  const due = clock.dueAt ? new Date(clock.dueAt).getTime() : null;
  switch (clock.state) {
    case "met": {
      const stopped = clock.stoppedAt ? new Date(clock.stoppedAt).getTime() : null;
      const late = clock.lateBySeconds ?? (due !== null && stopped !== null ? Math.max(0, (stopped - due) / 1000) : 0);
      return late > 0 || clock.breached ? { tone: "metLate", seconds: late } : { tone: "met", seconds: null };
    }
    case "cancelled":
      return { tone: "cancelled", seconds: null };
    case "paused":
      return { tone: "paused", seconds: clock.remainingSeconds };
    case "running": {
      if (due === null) return { tone: clock.breached ? "breached" : "ok", seconds: clock.breached ? clock.lateBySeconds : clock.remainingSeconds };
      const left = (due - nowMs) / 1000;
      if (left <= 0) return { tone: "breached", seconds: -left };
      // Amber from the policy's first reminder when it has one, else from 30 minutes before due.
      const warningAt = clock.warningAt ? new Date(clock.warningAt).getTime() : due - SOON_SECONDS * 1000;
      return { tone: nowMs >= warningAt ? "soon" : "ok", seconds: left };
    }
  }
}
