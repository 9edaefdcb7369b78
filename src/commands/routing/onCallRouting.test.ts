import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { updateTicket } from "../../../test/support/commandsOnDb.js";
import { buildAgent, buildCalendar, buildCustomer, buildTeam, buildTicket } from "../../../test/support/factories.js";
import { describeStore } from "../../../test/support/testDatabase.js";
import type { Layer } from "../../core/oncall/index.js";
import type { Database } from "../../store/database.js";
import { agentStore, oncallScheduleStore } from "../../store/entities.js";
import { listEvents } from "../../store/events.js";
import { selectRows } from "../../store/sql/rows.js";
import { teamQueue } from "../../store/routing.js";
import { getTicket } from "../../store/tickets/ticketRows.js";
import { SYSTEM } from "../sla/syncClocks.js";
import { inWork } from "../work.js";
import { drainQueues } from "./drainQueues.js";

// Sunday 29 November 2026, 03:00 in Brussels and Paris: the office (Monday to Friday 09:00–18:00) is closed.
const SUNDAY_3AM = new Date("2026-11-29T02:00:00Z");
// Monday 30 November 2026, 10:00 in Paris: the office is open.
const MONDAY_10AM = new Date("2026-11-30T09:00:00Z");
const BUILT = new Date("2026-11-20T09:00:00Z");

describeStore("routing urgent tickets to the person on call", (get) => {
  let db: Database["db"];
  let customerId: string;
  let calendarId: string;

  beforeAll(async () => {
    db = get().db;
    customerId = (await buildCustomer(db, { now: BUILT })).id;
    calendarId = (await buildCalendar(db, { now: BUILT })).id;
  });

  const ticketIn = (teamId: string, now: Date, extra: Parameters<typeof buildTicket>[1] = {}) =>
    buildTicket(db, { now, customerId, teamId, ...extra }).then((r) => r.ticket);
  const outboxOf = (agentId: string) =>
    selectRows<{ kind: string; address: string | null; payload: { title?: string; subject?: string; data?: { type: string } } }>(
      db,
      sql`select kind, address, payload from outbox where agent_id = ${agentId}::uuid order by id`,
    );
  /** A schedule in Brussels: `participants` a week each from Monday 23 November 09:00, within `restrictions` when given. */
  const schedule = (name: string, participants: string[], restrictions?: Layer["restrictions"]) =>
    oncallScheduleStore.create(
      db,
      {
        name,
        timezone: "Europe/Brussels",
        layers: [
          { name: "weekly", rotation: { participants, start: "2026-11-23T09:00:00+01:00", length: { weeks: 1 } }, ...(restrictions ? { restrictions } : {}) },
        ],
        overrides: [],
      },
      BUILT,
    );

  /** A load-balanced team on Paris office hours, Sam in it, and Nina (French, of no team) on call in its schedule. */
  async function team(props: { assignment?: "load_balanced" | "round_robin" | "manual"; restrictions?: Layer["restrictions"] } = {}) {
    const nina = await buildAgent(db, { name: "Nina", locale: "fr", capacity: 5, now: BUILT });
    const lead = await buildAgent(db, { name: "Lou", role: "team_lead", capacity: 0, now: BUILT });
    const rota = await schedule(`Billing nights ${nina.id}`, [nina.id], props.restrictions);
    const built = await buildTeam(db, { assignment: props.assignment ?? "load_balanced", calendarId, onCallScheduleId: rota.id, leadId: lead.id, now: BUILT });
    const sam = await buildAgent(db, { name: "Sam", teamId: built.id, calendarId, now: BUILT });
    return { team: built, nina, sam, lead, rota };
  }

  it("gives an urgent ticket at 3 a.m. on a Sunday to the person on call, says why, and tells them at once", async () => {
    const { team: billing, nina, rota } = await team();
    const ticket = await ticketIn(billing.id, SUNDAY_3AM, { priority: "urgent", subject: "Paiements bloqués" });
    expect(ticket.assigneeId).toBe(nina.id);
    const events = await listEvents(db, ticket.number);
    const assignment = events.find((e) => e.type === "assignment");
    expect(assignment?.data).toMatchObject({ strategy: "on_call", agentId: nina.id, onCall: { scheduleId: rota.id, why: "outside_hours" } });
    expect(assignment?.reason).toBe(`on call: Nina is on call in ${rota.name}, urgent and the team is outside its business hours; has 0 of 5`);
    expect(events.at(-1)).toMatchObject({
      type: "updated",
      changes: { assigneeId: [null, nina.id] },
      data: { cause: { cause: "routed", by: "on_call", scheduleId: rota.id } },
    });
    const told = await outboxOf(nina.id);
    expect(told.map((o) => o.kind)).toEqual(["inapp", "email"]);
    expect(told[0]?.payload.title).toBe(`Urgent : le n°${ticket.number} est pour vous, vous êtes de garde`);
    expect(told[0]?.payload.data?.type).toBe("on_call_assigned");
    expect(told[1]).toMatchObject({ address: nina.email, payload: { subject: told[0]?.payload.title } });
  });

  it("leaves a ticket that is not urgent in the queue out of hours, and the person on call alone", async () => {
    const { team: billing, nina } = await team();
    const ticket = await ticketIn(billing.id, SUNDAY_3AM, { priority: "high" });
    expect(ticket.assigneeId).toBeNull();
    expect((await teamQueue(db, billing.id)).map((t) => t.number)).toEqual([ticket.number]);
    expect(await outboxOf(nina.id)).toEqual([]);
  });

  it("gives an urgent ticket out of hours to the person on call even in a team that assigns by hand", async () => {
    const { team: billing, nina } = await team({ assignment: "manual" });
    expect((await ticketIn(billing.id, SUNDAY_3AM, { priority: "urgent" })).assigneeId).toBe(nina.id);
    // Within office hours the team takes its tickets by hand, urgent or not.
    expect((await ticketIn(billing.id, MONDAY_10AM, { priority: "urgent" })).assigneeId).toBeNull();
  });

  it("gives an urgent ticket to the person on call within hours when nobody of the team is available", async () => {
    const { team: billing, nina, sam } = await team();
    await agentStore.update(db, sam.id, { outOfOfficeFrom: new Date("2026-11-30T00:00:00Z") }, BUILT);
    const ticket = await ticketIn(billing.id, MONDAY_10AM, { priority: "urgent" });
    expect(ticket.assigneeId).toBe(nina.id);
    const assignment = (await listEvents(db, ticket.number)).find((e) => e.type === "assignment");
    expect(assignment?.data).toMatchObject({ strategy: "on_call", onCall: { why: "nobody_available" } });
    // Sam within hours and available takes the next urgent one himself.
    await agentStore.update(db, sam.id, { outOfOfficeFrom: null }, BUILT);
    expect((await ticketIn(billing.id, MONDAY_10AM, { priority: "urgent" })).assigneeId).toBe(sam.id);
  });

  it("queues an urgent ticket nobody is on call for, says so, tells the lead, and hands it to whoever comes on call", async () => {
    // On call on weekdays from 07:00 only: nobody at 3 a.m. on Monday 30 November.
    const { team: billing, nina, lead } = await team({ restrictions: [{ days: ["mon", "tue", "wed", "thu", "fri"], from: "07:00", to: "24:00" }] });
    const monday3am = new Date("2026-11-30T02:00:00Z");
    const ticket = await ticketIn(billing.id, monday3am, { priority: "urgent" });
    expect(ticket.assigneeId).toBeNull();
    const queued = (await listEvents(db, ticket.number)).find((e) => e.type === "queued");
    expect(queued?.data).toMatchObject({ onCall: { skip: "nobody_on_call" }, leadId: lead.id });
    expect(queued?.reason).toContain("nobody on call (nobody on call)");
    expect((await outboxOf(lead.id)).map((o) => o.kind)).toEqual(["inapp"]);
    const drain = (now: Date) => inWork(db, { now, actor: SYSTEM }, (work) => drainQueues(work, { teamId: billing.id }));
    expect(await drain(new Date("2026-11-30T05:59:00Z"))).toBe(0);
    expect(await drain(new Date("2026-11-30T06:00:00Z"))).toBe(1);
    expect((await getTicket(db, ticket.number))?.assigneeId).toBe(nina.id);
    const assignment = (await listEvents(db, ticket.number)).find((e) => e.type === "assignment");
    expect(assignment?.data).toMatchObject({ strategy: "on_call", queuedSince: monday3am.toISOString() });
  });

  it("routes a waiting ticket to the person on call when it becomes urgent", async () => {
    const { team: billing, nina } = await team();
    const ticket = await ticketIn(billing.id, SUNDAY_3AM, { priority: "normal" });
    expect(ticket.assigneeId).toBeNull();
    const raised = await updateTicket(db, {
      now: new Date(SUNDAY_3AM.getTime() + 60_000),
      actor: SYSTEM,
      number: ticket.number,
      changes: { priority: "urgent" },
    });
    expect(raised.assigneeId).toBe(nina.id);
    expect(await teamQueue(db, billing.id)).toEqual([]);
  });

  it("passes over an inactive person on call and says so", async () => {
    const { team: billing, nina } = await team();
    await agentStore.update(db, nina.id, { active: false }, BUILT);
    const ticket = await ticketIn(billing.id, SUNDAY_3AM, { priority: "urgent" });
    expect(ticket.assigneeId).toBeNull();
    const queued = (await listEvents(db, ticket.number)).find((e) => e.type === "queued");
    expect(queued?.data).toMatchObject({ onCall: { skip: "inactive" } });
  });

  it("passes over a person on call who is out of office and says so", async () => {
    const { team: billing, nina } = await team();
    await agentStore.update(db, nina.id, { outOfOfficeFrom: new Date("2026-11-28T00:00:00Z"), outOfOfficeUntil: new Date("2026-11-30T00:00:00Z") }, BUILT);
    const ticket = await ticketIn(billing.id, SUNDAY_3AM, { priority: "urgent" });
    expect(ticket.assigneeId).toBeNull();
    const queued = (await listEvents(db, ticket.number)).find((e) => e.type === "queued");
    expect(queued?.data).toMatchObject({ onCall: { skip: "out_of_office" } });
    expect(queued?.reason).toContain("out of office");
    // Back from leave, she takes the next one.
    expect((await ticketIn(billing.id, new Date("2026-11-30T02:00:00Z"), { priority: "urgent" })).assigneeId).toBe(nina.id);
  });

  it("queues an urgent ticket of a team that assigns by hand when nobody is on call out of hours, tells the lead, and hands it to whoever comes on call", async () => {
    const {
      team: billing,
      nina,
      lead,
    } = await team({ assignment: "manual", restrictions: [{ days: ["mon", "tue", "wed", "thu", "fri"], from: "07:00", to: "24:00" }] });
    const monday3am = new Date("2026-11-30T02:00:00Z");
    const ticket = await ticketIn(billing.id, monday3am, { priority: "urgent" });
    expect(ticket.assigneeId).toBeNull();
    const queued = (await listEvents(db, ticket.number)).find((e) => e.type === "queued");
    expect(queued?.data).toMatchObject({ strategy: "manual", onCall: { skip: "nobody_on_call" }, leadId: lead.id });
    expect((await outboxOf(lead.id)).map((o) => o.kind)).toEqual(["inapp"]);
    expect((await teamQueue(db, billing.id)).map((t) => t.number)).toEqual([ticket.number]);
    // A ticket that is not urgent waits for the team's hands without a word.
    const normal = await ticketIn(billing.id, monday3am, { priority: "normal" });
    expect((await listEvents(db, normal.number)).some((e) => e.type === "queued")).toBe(false);
    // The queue loop, which reads every team with tickets waiting, gives it to Nina at 07:00.
    const drain = (now: Date) => inWork(db, { now, actor: SYSTEM }, (work) => drainQueues(work));
    await drain(new Date("2026-11-30T05:59:00Z"));
    expect((await getTicket(db, ticket.number))?.assigneeId).toBeNull();
    await drain(new Date("2026-11-30T06:00:00Z"));
    expect((await getTicket(db, ticket.number))?.assigneeId).toBe(nina.id);
  });
});
