// When the customer can expect an answer from whoever receives an escalation: the urgency's
// target in business minutes on the receiving team's calendar, or the date a vendor promised.

import { type BusinessCalendar, NoOpenTimeError } from "../calendar/index.js";
import type { EscalationSettings, HandoffUrgency } from "./handoff.js";

export interface EtaProps {
  /** The receiving team's (or specialist's) business calendar; null: open around the clock. */
  calendar: BusinessCalendar | null;
  now: Date;
  urgency: HandoffUrgency;
  settings: Pick<EscalationSettings, "etaMinutes">;
  /** An external escalation's promised date: the ETA, as the vendor gave it. */
  promisedAt?: Date | null;
}

/**
 * The expected answer: `promisedAt` when a vendor gave one, else `now` plus the urgency's
 * business minutes on `calendar` (wall-clock minutes without one). Null when the calendar has
 * no open time within its horizon: no date is better than a wrong one.
 */
export function escalationEta(props: EtaProps): Date | null {
  if (props.promisedAt) return props.promisedAt;
  const minutes = props.settings.etaMinutes[props.urgency];
  if (!props.calendar) return new Date(props.now.getTime() + minutes * 60_000);
  try {
    return new Date(props.calendar.add(props.now.getTime(), minutes * 60));
  } catch (error) {
    if (error instanceof NoOpenTimeError) return null;
    throw error;
  }
}
