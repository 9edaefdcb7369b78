// Escalate-and-forget: an escalation that sits open or accepted without activity for the
// workspace's business hours reminds its owner, then again after as many hours more.

import type { BusinessCalendar } from "../calendar/index.js";

export interface ReminderProps {
  /** The last activity on the escalation or its ticket (a decision, a message, a change). */
  lastActivityAt: Date;
  /** The last reminder sent; null: none yet. */
  remindedAt: Date | null;
  now: Date;
  /** The owner's team calendar; null: around the clock. */
  calendar: BusinessCalendar | null;
  hours: number;
}

/** Whether a reminder is due: `hours` of business time have passed since the later of the last activity and the last reminder. */
export function reminderDue(props: ReminderProps): boolean {
  const since = Math.max(props.lastActivityAt.getTime(), props.remindedAt?.getTime() ?? -Infinity);
  const seconds = props.calendar ? props.calendar.elapsed(since, props.now.getTime()) : (props.now.getTime() - since) / 1000;
  return seconds >= props.hours * 3600;
}
