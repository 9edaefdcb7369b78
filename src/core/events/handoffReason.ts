// The English sentence the human escalation's events carry in their `reason` column, for
// integrators and SQL readers; the app renders the data (renderHandoff.ts).

import type { HandoffEventBody } from "./ticketEvent.js";

/** The English reason of a hand-off event: null when the data says all. */
export function handoffReason(event: HandoffEventBody): string | null {
  switch (event.type) {
    case "handoff":
      return event.data.reason ? `escalated early: ${event.data.reason}` : null;
    case "handoff_accepted":
      return null;
    case "handoff_bounced":
      return `sent back: ${event.data.reason}`;
    case "handoff_reminder":
      return `no activity for ${event.data.hours} business hours`;
    case "root_cause":
      return `root cause ${event.data.rootCause}${event.data.text ? `: ${event.data.text}` : ""}`;
    case "take_over":
      return event.data.reason ? `taken over: ${event.data.reason}` : null;
    case "approval_requested":
      return event.data.withinAuthority ? "within the agent's authority" : null;
    case "approval_decided":
      return event.data.note;
  }
}
