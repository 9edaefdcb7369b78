// Urgent tickets out of hours: when the team is outside its business hours or nobody of it can
// take an urgent ticket, the person on call in the team's schedule takes it (an `assignment`
// event "on call: …") and is told at once, in-app and by e-mail, in their language.

import type { AssignmentEventData, OnCallSkip, OnCallWhy } from "../../core/events/routingData.js";
import { translator } from "../../core/i18n/index.js";
import { localeOf } from "../../core/i18n/locale.js";
import { isOutOfOffice } from "../../core/routing/availability.js";
import { compileSchedule, InvalidScheduleError, onCallAt } from "../../core/oncall/index.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { writeEvents } from "../../store/events.js";
import { oncallSchedulesByIds, specOf } from "../../store/oncall.js";
import { onCallPeople, type OnCallPerson } from "../../store/onCallRouting.js";
import { enqueue, type OutboxItem } from "../../store/outbox/outbox.js";
import type { RoutingContext } from "../../store/routing.js";
import { calendarsOf } from "../sla/syncClocks.js";
import { applyChanges } from "../tickets/applyChanges.js";
import type { Work } from "../work.js";

/** Whether on call may take this ticket at all: urgent, in a team that has an on-call schedule. */
export function wantsOnCall(ticket: Ticket, context: RoutingContext): boolean {
  return ticket.priority === "urgent" && context.team.onCallScheduleId !== null;
}

/** Whether the team is outside its business hours now (its calendar; a team without one never is). */
export async function teamOutsideHours(work: Work, context: RoutingContext): Promise<boolean> {
  const id = context.team.calendarId;
  if (id === null) return false;
  const calendar = await calendarsOf(work, [id]);
  return !calendar(id).isOpen(work.now.getTime());
}

/** The person on call now in the team's schedule, with the schedule; or why there is nobody. */
export type OnCallLookup = { person: OnCallPerson; schedule: { id: string; name: string } } | { skip: OnCallSkip; scheduleId?: string };

/**
 * Who is on call now in the team's schedule: the first of those on call who is active and not
 * out of office. When nobody is left, why: out of office when any of them was, else inactive.
 */
export async function findOnCall(work: Work, context: RoutingContext): Promise<OnCallLookup> {
  const scheduleId = context.team.onCallScheduleId;
  if (scheduleId === null) return { skip: "no_schedule" };
  const [row] = await oncallSchedulesByIds(work.tx, [scheduleId]);
  if (!row) return { skip: "no_schedule" };
  let who: string[];
  try {
    who = onCallAt(compileSchedule(specOf(row)), work.now.getTime());
  } catch (error) {
    // Validated when saved; one the runtime can no longer read (a zone gone) has nobody.
    if (!(error instanceof InvalidScheduleError)) throw error;
    return { skip: "no_schedule", scheduleId };
  }
  if (who.length === 0) return { skip: "nobody_on_call", scheduleId };
  const people = new Map((await onCallPeople(work.tx, who)).map((p) => [p.id, p]));
  const onCall = who.map((id) => people.get(id)).filter((p): p is OnCallPerson => p !== undefined && p.active);
  const person = onCall.find((p) => !isOutOfOffice(p, work.now));
  if (!person) return { skip: onCall.length > 0 ? "out_of_office" : "inactive", scheduleId };
  return { person, schedule: { id: row.id, name: row.name } };
}

/** Gives `ticket` to the person on call found, with an `assignment` event saying why, and tells them. */
export async function assignOnCall(
  work: Work,
  ticket: Ticket,
  context: RoutingContext,
  found: { person: OnCallPerson; schedule: { id: string; name: string } },
  why: OnCallWhy,
): Promise<Ticket> {
  const { person, schedule } = found;
  const data: AssignmentEventData = {
    strategy: "on_call",
    agentId: person.id,
    name: person.name,
    teamId: context.team.id,
    teamName: context.team.name,
    load: person.load,
    capacity: person.capacity,
    matched: { tags: [] },
    onCall: { scheduleId: schedule.id, scheduleName: schedule.name, why },
    ...(context.queuedAt ? { queuedSince: context.queuedAt.toISOString() } : {}),
  };
  await writeEvents(work.tx, [{ ticketNumber: ticket.number, at: work.now, actor: work.actor, type: "assignment", data }]);
  await tellOnCall(work, ticket, context, found, why);
  return applyChanges(work, {
    ticket,
    changes: { assigneeId: person.id },
    cause: { cause: "routed", by: "on_call", scheduleId: schedule.id, scheduleName: schedule.name },
    extra: { queuedAt: null },
  });
}

/** The person on call hears of it at once, whatever their working hours: in-app, and by e-mail when they have an address. */
async function tellOnCall(
  work: Work,
  ticket: Ticket,
  context: RoutingContext,
  found: { person: OnCallPerson; schedule: { id: string; name: string } },
  why: OnCallWhy,
): Promise<void> {
  const { person, schedule } = found;
  const locale = localeOf(person.locale);
  const t = translator(locale);
  const values = { number: ticket.number, subject: ticket.subject, team: context.team.name, schedule: schedule.name, why };
  const title = t("routing.onCallNotice.title", values);
  const body = t("routing.onCallNotice.body", values);
  const items: OutboxItem[] = [
    { kind: "inapp", ticketNumber: ticket.number, agentId: person.id, payload: { title, body, data: { type: "on_call_assigned", scheduleId: schedule.id } } },
  ];
  if (person.email)
    items.push({ kind: "email", ticketNumber: ticket.number, agentId: person.id, address: person.email, payload: { subject: title, text: body, locale } });
  await enqueue(work.tx, items, work.now);
}
