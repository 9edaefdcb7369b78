// The API calls of the SLA screens: calendars, SLA policies, recompute jobs, a ticket's clocks,
// notifications and the admin's mailbox and outbox. Answers are read leniently (a list may come
// bare or as `{items}`, a write as the resource or `{policy, job}`) so the screens keep one shape.

import { request } from "./client.js";
import type {
  AppNotification,
  Calendar,
  CalendarInput,
  CalendarPreview,
  CalendarSpec,
  DryRun,
  Impact,
  ImpactExample,
  Job,
  MailboxMessage,
  OutboxDelivery,
  Policy,
  PolicyInput,
  PreviewDue,
  Saved,
  TicketClock,
  TicketClocks,
} from "./slaTypes.js";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** The items of a list answer: a bare array or `{items}`. */
export function itemsOf<T>(answer: unknown): T[] {
  if (Array.isArray(answer)) return answer as T[];
  if (isObject(answer) && Array.isArray(answer.items)) return answer.items as T[];
  return [];
}

/** The resource and the recompute job of a write answer, whichever way the server wraps them. */
export function savedOf<T>(answer: unknown, key: string): Saved<T> {
  const body = isObject(answer) ? answer : {};
  const item = (isObject(body[key]) ? body[key] : isObject(body.item) ? body.item : body) as T;
  const job = isObject(body.job) ? body.job : null;
  const jobId = typeof body.jobId === "string" ? body.jobId : job && typeof job.id === "string" ? job.id : null;
  return { item, jobId };
}

const ifMatch = (version: number) => ({ "If-Match": `"${version}"` });

export async function listCalendars(): Promise<Calendar[]> {
  return itemsOf<Calendar>((await request<unknown>("GET", "/calendars", { query: { limit: 100 } })).data);
}

export async function getCalendar(id: string): Promise<Calendar> {
  return (await request<Calendar>("GET", `/calendars/${id}`)).data;
}

export async function createCalendar(input: CalendarInput): Promise<Saved<Calendar>> {
  return savedOf<Calendar>((await request<unknown>("POST", "/calendars", { body: input })).data, "calendar");
}

export async function updateCalendar(id: string, version: number, input: CalendarInput): Promise<Saved<Calendar>> {
  return savedOf<Calendar>((await request<unknown>("PATCH", `/calendars/${id}`, { body: input, headers: ifMatch(version) })).data, "calendar");
}

/** What saving `input` on the calendar would do to open tickets, without saving it. */
export async function dryRunCalendar(id: string, version: number, input: CalendarInput): Promise<DryRun<Calendar>> {
  const answer = (await request<unknown>("PATCH", `/calendars/${id}`, { body: input, headers: ifMatch(version), query: { dryRun: "true" } })).data;
  return dryRunOf<Calendar>(answer, "calendar");
}

/** Due instants for a ticket created at `start` (default: now) with budgets of `minutes` business minutes. */
export async function previewCalendar(spec: CalendarSpec, minutes: number[], start?: string): Promise<CalendarPreview> {
  const body = { spec, minutes, ...(start ? { start } : {}) };
  const answer = (await request<unknown>("POST", "/calendars/preview", { body })).data;
  return previewOf(answer, minutes);
}

/** `{start, items|due|results: [{minutes, dueAt}]}` or a bare list of instants, in `minutes` order. */
export function previewOf(answer: unknown, minutes: number[]): CalendarPreview {
  const body = isObject(answer) ? answer : { items: answer };
  const list = [body.items, body.due, body.results, body.dues].find(Array.isArray) as unknown[] | undefined;
  const items: PreviewDue[] = (list ?? []).map((entry, index) => {
    if (typeof entry === "string") return { minutes: minutes[index] ?? 0, dueAt: entry };
    const value = isObject(entry) ? entry : {};
    const dueAt = [value.dueAt, value.at, value.due].find((v) => typeof v === "string") as string | undefined;
    return {
      minutes: typeof value.minutes === "number" ? value.minutes : (minutes[index] ?? 0),
      dueAt: dueAt ?? null,
      ...(typeof value.error === "string" ? { error: value.error } : {}),
    };
  });
  return { start: typeof body.start === "string" ? body.start : "", items };
}

export async function listPolicies(): Promise<Policy[]> {
  const items = itemsOf<Policy>((await request<unknown>("GET", "/sla-policies")).data);
  return items.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
}

export async function getPolicy(id: string): Promise<Policy> {
  return (await request<Policy>("GET", `/sla-policies/${id}`)).data;
}

export async function createPolicy(input: PolicyInput): Promise<Saved<Policy>> {
  return savedOf<Policy>((await request<unknown>("POST", "/sla-policies", { body: input })).data, "policy");
}

export async function updatePolicy(id: string, version: number, input: Partial<PolicyInput>): Promise<Saved<Policy>> {
  return savedOf<Policy>((await request<unknown>("PATCH", `/sla-policies/${id}`, { body: input, headers: ifMatch(version) })).data, "policy");
}

/** What saving `input` on the policy would do to open tickets, without saving it. */
export async function dryRunPolicy(id: string, version: number, input: Partial<PolicyInput>): Promise<DryRun<Policy>> {
  const answer = (await request<unknown>("PATCH", `/sla-policies/${id}`, { body: input, headers: ifMatch(version), query: { dryRun: "true" } })).data;
  return dryRunOf<Policy>(answer, "policy");
}

const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);
const instantOrNull = (value: unknown) => (typeof value === "string" ? value : null);

/**
 * `{dryRun: true, impact: {…}}` as an impact (missing counts read as 0); any other answer is a
 * server without dry runs that saved the write, read as a save.
 */
export function dryRunOf<T>(answer: unknown, key: string): DryRun<T> {
  if (!isObject(answer) || answer.dryRun !== true) return { kind: "saved", saved: savedOf<T>(answer, key) };
  const body = isObject(answer.impact) ? answer.impact : {};
  const examples: ImpactExample[] = (Array.isArray(body.examples) ? body.examples : []).filter(isObject).map((example) => ({
    number: count(example.number),
    subject: typeof example.subject === "string" ? example.subject : "",
    clock: example.clock === "next_response" || example.clock === "resolution" ? example.clock : "first_response",
    dueBefore: instantOrNull(example.dueBefore),
    dueAfter: instantOrNull(example.dueAfter),
  }));
  const impact: Impact = {
    openTickets: count(body.openTickets),
    retargeted: count(body.retargeted),
    breachedNow: count(body.breachedNow),
    stepsNow: count(body.stepsNow),
    notificationsNow: count(body.notificationsNow),
    examples,
    truncated: body.truncated === true || answer.truncated === true,
  };
  return { kind: "impact", impact };
}

/** Puts the policies in the order of `ids` (first applies first). */
export async function reorderPolicies(ids: string[]): Promise<{ items: Policy[]; jobId: string | null }> {
  const answer = (await request<unknown>("POST", "/sla-policies/reorder", { body: { ids } })).data;
  return { items: itemsOf<Policy>(answer), jobId: savedOf<unknown>(answer, "policy").jobId };
}

export async function getJob(id: string): Promise<Job> {
  return (await request<Job>("GET", `/jobs/${id}`)).data;
}

/** A ticket's clocks, with the server's instant (its `now` field, else the Date header). */
export async function ticketClocks(number: number): Promise<TicketClocks> {
  const answer = await request<unknown>("GET", `/tickets/${number}/clocks`);
  const body = isObject(answer.data) ? answer.data : {};
  const items = itemsOf<TicketClock & { policy?: { name?: string } | string; steps?: TicketClock["timers"] }>(answer.data ?? []);
  const now = typeof body.now === "string" ? body.now : answer.headers.get("Date");
  return {
    now: now ? new Date(now).toISOString() : null,
    items: items.map((clock) => ({
      ...clock,
      policyName: clock.policyName ?? (typeof clock.policy === "string" ? clock.policy : (clock.policy?.name ?? null)),
      timers: clock.timers ?? clock.steps ?? [],
    })),
  };
}

/** The latest notifications and the caller's unread count on all pages. */
export async function listNotifications(): Promise<{ items: AppNotification[]; unreadCount: number | null }> {
  const answer = (await request<unknown>("GET", "/notifications", { query: { limit: 50 } })).data;
  const unreadCount = isObject(answer) && typeof answer.unreadCount === "number" ? answer.unreadCount : null;
  return { items: itemsOf<AppNotification>(answer), unreadCount };
}

/** Marks notifications read; answers the unread count left. */
export async function markNotificationsRead(which: { ids: number[] } | { all: true }): Promise<number | null> {
  const answer = (await request<unknown>("POST", "/notifications/read", { body: which })).data;
  return isObject(answer) && typeof answer.unreadCount === "number" ? answer.unreadCount : null;
}

export const NOTIFICATION_STREAM = "/api/v1/notifications/stream";

export async function listMailbox(): Promise<MailboxMessage[]> {
  return itemsOf<MailboxMessage>((await request<unknown>("GET", "/admin/mailbox", { query: { limit: 100 } })).data);
}

export async function listOutbox(state: "dead" | "pending" | "delivered" = "dead"): Promise<OutboxDelivery[]> {
  return itemsOf<OutboxDelivery>((await request<unknown>("GET", "/admin/outbox", { query: { state, limit: 100 } })).data);
}

export async function replayDelivery(id: number): Promise<void> {
  await request<unknown>("POST", `/admin/outbox/${id}/replay`, { body: {} });
}
