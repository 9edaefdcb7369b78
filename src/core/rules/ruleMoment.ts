// When a time rule's moment comes: `amount` `unit` after its anchor, business units on the
// ticket's SLA policy's calendar (around the clock without one). Pure: instants are epoch ms.

import type { BusinessCalendar } from "../calendar/index.js";
import type { RuleTime, TimeAnchor } from "./rule.js";

const MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
const DAY_MS = 86_400_000;

/** The instants a ticket holds that time rules count from (null: not happened yet). */
export interface RuleAnchors {
  created: number;
  updated: number;
  status_changed: number | null;
  last_customer_message: number | null;
  last_agent_message: number | null;
}

/** The instant `since` names on a ticket, or null when it has not happened. */
export function anchorOf(anchors: RuleAnchors, since: TimeAnchor): number | null {
  return anchors[since];
}

/**
 * The moment of `time` counted from `anchor`. `business_hours` adds open time on `calendar`;
 * `business_days` counts days the calendar is open at the anchor's time of day, from the anchor
 * (or from the next opening when the anchor falls outside hours): pending on Thursday at 10:00,
 * 3 business days on a Monday–Friday calendar come on Tuesday at 10:00. Without a calendar,
 * business units are hours and days around the clock.
 */
export function ruleMoment(time: RuleTime, anchor: number, calendar: BusinessCalendar | null): number {
  switch (time.unit) {
    case "minutes":
    case "hours":
    case "days":
      return anchor + time.amount * MS[time.unit];
    case "business_hours":
      return calendar ? calendar.add(anchor, time.amount * 3600) : anchor + time.amount * MS.hours;
    case "business_days":
      return calendar ? addBusinessDays(calendar, anchor, time.amount) : anchor + time.amount * DAY_MS;
  }
}

/** `days` open days after `anchor`, at the same local time of day (see ruleMoment). */
function addBusinessDays(calendar: BusinessCalendar, anchor: number, days: number): number {
  const zone = calendar.zone;
  let at = calendar.isOpen(anchor) ? anchor : calendar.nextOpen(anchor);
  for (let counted = 0; counted < days;) {
    // The same wall time on the next local day, across daylight-saving changes.
    at = zone.resolve(at + zone.offsetAt(at) + DAY_MS);
    let skipped = 0;
    while (!calendar.isOpen(at)) {
      at = zone.resolve(at + zone.offsetAt(at) + DAY_MS);
      // A time of day the calendar never opens at: count from the next opening instead.
      if (++skipped > 366) {
        at = calendar.nextOpen(at);
        break;
      }
    }
    counted += 1;
  }
  return at;
}
