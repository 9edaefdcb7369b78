// Fixtures of the core SLA tests: a Paris office calendar and a "Standard" policy on it.

import { BusinessCalendar } from "../../src/core/calendar/index.js";
import { ALWAYS_OPEN } from "../../src/core/sla/clocks.js";
import type { SlaPolicy } from "../../src/core/sla/policy.js";

/** Monday to Friday 09:00–18:00 in Paris, Easter Monday 2026 off. */
export const PARIS = BusinessCalendar.fromSpec({
  timezone: "Europe/Paris",
  hours: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((day) => [day, [["09:00", "18:00"]]])),
  holidays: ["2026-04-06"],
});

/** The calendar of a policy's `calendarId`: "paris", else the wall clock. */
export const calendar = (id: string | null) => (id === "paris" ? PARIS : ALWAYS_OPEN);

/** On the Paris calendar; no first or next response at low priority, no urgent targets. */
export const STANDARD: SlaPolicy = {
  id: "standard",
  name: "Standard",
  position: 1,
  active: true,
  isDefault: true,
  conditions: {},
  calendarId: "paris",
  targets: {
    low: { resolution: 2400 },
    normal: { first_response: 120, next_response: 240, resolution: 960 },
    high: { first_response: 60, next_response: 120, resolution: 480 },
  },
  pauseStatuses: ["pending", "on_hold"],
  noteCountsAsResponse: false,
  matrix: { steps: [] },
};

/** Milliseconds since the epoch of an ISO instant. */
export const t = (iso: string) => Date.parse(iso);
