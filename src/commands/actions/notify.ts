// notify: a notice to every recipient, in-app and (when they have an address) by e-mail, in
// their language and time zone; held until their next working instant outside their hours
// unless the cause is urgent or they are reached as the person on call. A step's recipients are resolved by its firing; a rule names its
// own (`recipients`, resolved here as the matrix resolves a step's).

import type { BusinessCalendar } from "../../core/calendar/index.js";
import { workingCalendarId } from "../../core/directory/directory.js";
import type { StepOutcome } from "../../core/events/index.js";
import type { Recipient } from "../../core/sla/policy.js";
import { resolveRecipients } from "../../core/sla/recipients.js";
import type { OutboxItem } from "../../store/outbox/outbox.js";
import { fallbackCalendarId, isUrgent, noticeText, notificationData } from "./actionCause.js";
import type { TicketAction } from "./ticketAction.js";

export const notify: TicketAction<{ type: "notify"; recipients?: Recipient[] }> = {
  type: "notify",
  writes: false,
  async run(context, action) {
    const { ticket, directory, cause } = context;
    const recipients = action.recipients
      ? resolveRecipients({ recipients: action.recipients }, ticket, directory, context.work.now.getTime()).recipients
      : context.recipients;
    const now = context.work.now;
    if (recipients.length === 0) return { skipped: [{ why: "nobody_to_notify" }] };
    const done: StepOutcome[] = [];
    const queued: OutboxItem[] = [];
    const fallbackId = fallbackCalendarId(cause);
    for (const { agent, kind } of recipients) {
      const calendarId = workingCalendarId(agent, directory);
      const hours = calendarId ? context.calendar(calendarId) : undefined;
      // The zone the agent chose, else their working hours', else the clock's calendar's.
      const zone = agent.timeZone ?? (hours ?? (fallbackId ? context.calendar(fallbackId) : undefined))?.zone.name ?? "UTC";
      const text = noticeText(cause, { ticket, locale: agent.locale, timeZone: zone, now });
      const away = hours !== undefined && !hours.isOpen(now.getTime());
      // Whoever is on call is reached at once: being reachable out of hours is what on call means.
      const notBefore = away && !isUrgent(cause) && kind !== "on_call" ? nextOpening(hours, now) : undefined;
      done.push({
        type: "notified",
        agentId: agent.id,
        name: agent.name,
        channels: agent.email ? ["inapp", "email"] : ["inapp"],
        ...(notBefore
          ? { heldUntil: notBefore.toISOString() }
          : away
            ? { outsideHours: true as const, ...(kind === "on_call" && !isUrgent(cause) ? { onCall: true as const } : {}) }
            : {}),
      });
      const common = { ticketNumber: ticket.number, agentId: agent.id, ...(notBefore ? { notBefore } : {}) };
      // In-app first: the delivery worker turns it into the agent's notification.
      queued.push({ kind: "inapp", ...common, payload: { title: text.title, body: text.body, data: notificationData(cause) } });
      if (agent.email) queued.push({ kind: "email", ...common, address: agent.email, payload: { subject: text.title, text: text.body, locale: text.locale } });
    }
    return { done, queued };
  },
};

/** The agent's next working instant; none (a calendar with no open time left) holds nothing. */
function nextOpening(hours: BusinessCalendar, now: Date): Date | undefined {
  try {
    return new Date(hours.nextOpen(now.getTime()));
  } catch {
    return undefined;
  }
}
