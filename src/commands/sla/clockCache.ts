// What one unit of work has read (or written) of policies, calendars, customers and clocks, so
// that a ticket change costs few queries. Savepoints of one unit of work share it.

import type { BusinessCalendar } from "../../core/calendar/index.js";
import type { CustomerFacts } from "../../core/sla/clockPlan.js";
import type { SlaPolicy } from "../../core/sla/policy.js";
import type { ClockState } from "../../store/sla/clockRows.js";

/**
 * Policies and calendars are read once per unit of work: edit them before its first clock sync,
 * not after. A ticket's entry is what its last sync wrote; drop it when that write is rolled back.
 */
export interface ClockCache {
  policies?: SlaPolicy[];
  calendars: Map<string, BusinessCalendar>;
  /** Organization and segment per customer. */
  customers: Map<string, CustomerFacts>;
  /** The clocks and timers of each ticket synced in this unit of work, as written. */
  tickets: Map<number, ClockState>;
}

/** An empty cache, for a new unit of work. */
export function clockCache(): ClockCache {
  return { calendars: new Map(), customers: new Map(), tickets: new Map() };
}
