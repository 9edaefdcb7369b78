import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { updateTicket } from "../../../test/support/commandsOnDb.js";
import { buildAgent, buildCalendar, buildCustomer, buildProduct, buildTeam, buildTicket } from "../../../test/support/factories.js";
import { describeStore } from "../../../test/support/testDatabase.js";
import { selectRows } from "../../store/sql/rows.js";
import type { Database } from "../../store/database.js";
import { agentStore } from "../../store/entities.js";
import { listEvents } from "../../store/events.js";
import { teamQueue } from "../../store/routing.js";
import { getTicket } from "../../store/tickets/ticketRows.js";
import { SYSTEM } from "../sla/syncClocks.js";
import { inWork } from "../work.js";
import { createRule } from "../rules/ruleEdits.js";
import { drainQueues } from "./drainQueues.js";

// Monday 23 November 2026, 10:00 in Paris.
const T0 = new Date("2026-11-23T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describeStore("routing", (get) => {
  let db: Database["db"];
  let customerId: string;

  beforeAll(async () => {
    db = get().db;
    customerId = (await buildCustomer(db, { now: T0 })).id;
  });

  const ticketIn = (teamId: string, extra: Parameters<typeof buildTicket>[1] = {}, now = T0) =>
    buildTicket(db, { now, customerId, teamId, ...extra }).then((r) => r.ticket);
  const drain = (now: Date, teamId?: string) => inWork(db, { now, actor: SYSTEM }, (work) => drainQueues(work, { teamId }));
  const outboxOf = async (agentId: string) =>
    selectRows<{ kind: string; payload: { title: string } }>(db, sql`select kind, payload from outbox where agent_id = ${agentId}::uuid order by id`);

  describe("load-balanced", () => {
    it("gives a new ticket to the available agent with the skills and the lowest load, and says why", async () => {
      const billing = await buildProduct(db, { name: "Billing", code: "billing-lb", now: T0 });
      const team = await buildTeam(db, { assignment: "load_balanced", now: T0 });
      const sanne = await buildAgent(db, { name: "Sanne", teamId: team.id, languages: ["nl"], products: ["billing-lb"], capacity: 10, now: T0 });
      const jan = await buildAgent(db, { name: "Jan", teamId: team.id, languages: ["nl"], capacity: 10, now: T0 });
      await buildAgent(db, { name: "Marc", teamId: team.id, languages: ["fr"], products: ["billing-lb"], capacity: 10, now: T0 });
      for (let i = 0; i < 3; i++) await ticketIn(team.id, { assigneeId: sanne.id });
      const ticket = await ticketIn(team.id, { language: "nl", productId: billing.id });
      expect(ticket.assigneeId).toBe(sanne.id);
      const events = await listEvents(db, ticket.number);
      const assignment = events.find((e) => e.type === "assignment");
      expect(assignment?.reason).toBe("load-balanced: Sanne has 3 of 10, speaks nl, knows Billing");
      expect(events.at(-1)).toMatchObject({ type: "updated", changes: { assigneeId: [null, sanne.id] }, data: { cause: { cause: "routed", by: "strategy" } } });
      // The ticket routing returns is the one stored: assigned, out of the queue, its version bumped once.
      expect(ticket).toEqual(await getTicket(db, ticket.number));
      expect(ticket).toMatchObject({ queuedAt: null, version: 3 });
      // Without a product need, Jan (no load) takes the next Dutch ticket.
      expect((await ticketIn(team.id, { language: "nl" })).assigneeId).toBe(jan.id);
    });

    it("leaves a ticket given an assignee, and a manual team's tickets, alone", async () => {
      const manual = await buildTeam(db, { now: T0 });
      await buildAgent(db, { teamId: manual.id, now: T0 });
      const ticket = await ticketIn(manual.id);
      expect(ticket.assigneeId).toBeNull();
      expect((await listEvents(db, ticket.number)).map((e) => e.type)).not.toContain("queued");
    });
  });

  it("goes round robin through the team and remembers who it served last", async () => {
    const team = await buildTeam(db, { assignment: "round_robin", now: T0 });
    const agents = [];
    for (let i = 0; i < 3; i++) agents.push((await buildAgent(db, { teamId: team.id, now: T0 })).id);
    agents.sort();
    const served = [];
    for (let i = 0; i < 4; i++) served.push((await ticketIn(team.id)).assigneeId);
    expect(served).toEqual([agents[0], agents[1], agents[2], agents[0]]);
    const [row] = await selectRows<{ id: string }>(db, sql`select round_robin_last_id as id from teams where id = ${team.id}::uuid`);
    expect(row?.id).toBe(agents[0]);
  });

  it("routes a ticket moved to a team that assigns", async () => {
    const team = await buildTeam(db, { assignment: "load_balanced", now: T0 });
    const agent = await buildAgent(db, { teamId: team.id, now: T0 });
    const other = await buildTeam(db, { now: T0 });
    const ticket = await ticketIn(other.id);
    const moved = await updateTicket(db, { now: minutes(1), actor: SYSTEM, number: ticket.number, changes: { teamId: team.id } });
    expect(moved.assigneeId).toBe(agent.id);
  });

  describe("nobody available", () => {
    let teamId: string;
    let leadId: string;
    let agentId: string;

    beforeAll(async () => {
      const lead = await buildAgent(db, { name: "Lou", role: "team_lead", locale: "fr", capacity: 0, now: T0 });
      leadId = lead.id;
      teamId = (await buildTeam(db, { name: "Facturation", assignment: "load_balanced", leadId, now: T0 })).id;
      await agentStore.update(db, leadId, { teamId }, T0);
      const away = await buildAgent(db, { teamId, capacity: 1, outOfOfficeFrom: minutes(-60), outOfOfficeUntil: minutes(60), now: T0 });
      agentId = away.id;
    });

    it("queues the ticket, tells the lead once in their language, and records why", async () => {
      const first = await ticketIn(teamId, { subject: "Première" });
      const second = await ticketIn(teamId, { subject: "Seconde" }, minutes(1));
      expect(first.assigneeId).toBeNull();
      const queued = (await listEvents(db, first.number)).find((e) => e.type === "queued");
      expect(queued?.data).toMatchObject({ teamId, members: 1, passedOver: { out_of_office: 1 }, leadId });
      expect((await teamQueue(db, teamId)).map((t) => t.number)).toEqual([first.number, second.number]);
      // A drain with nobody back changes nothing and tells nobody again.
      expect(await drain(minutes(30), teamId)).toBe(0);
      const notices = await outboxOf(leadId);
      expect(notices.map((n) => [n.kind, n.payload.title])).toEqual([
        ["inapp", `N°${first.number} attend dans la file de Facturation`],
        ["inapp", `N°${second.number} attend dans la file de Facturation`],
      ]);
    });

    it("hands the oldest waiting ticket over when the agent is back, and the next when they solve it", async () => {
      const [oldest, next] = await teamQueue(db, teamId);
      expect(await drain(minutes(60))).toBe(1);
      const taken = await getTicket(db, oldest!.number);
      expect(taken?.assigneeId).toBe(agentId);
      const assignment = (await listEvents(db, oldest!.number)).find((e) => e.type === "assignment");
      expect(assignment?.data).toMatchObject({ load: 0, capacity: 1, queuedSince: T0.toISOString() });
      expect((await teamQueue(db, teamId)).map((t) => t.number)).toEqual([next!.number]);
      // Capacity 1: solving the first lets the second through in the same unit of work.
      await updateTicket(db, { now: minutes(70), actor: { type: "agent", id: agentId }, number: oldest!.number, changes: { status: "solved" } });
      expect((await getTicket(db, next!.number))?.assigneeId).toBe(agentId);
      expect(await teamQueue(db, teamId)).toEqual([]);
    });
  });

  it("waits for the agents' working hours and routes when they begin", async () => {
    const calendar = await buildCalendar(db, { now: T0 });
    const team = await buildTeam(db, { assignment: "round_robin", calendarId: calendar.id, now: T0 });
    const agent = await buildAgent(db, { teamId: team.id, now: T0 });
    // Saturday 28 November: the Paris office is closed until Monday 09:00 (08:00 UTC).
    const saturday = new Date("2026-11-28T10:00:00Z");
    const ticket = await ticketIn(team.id, {}, saturday);
    expect(ticket.assigneeId).toBeNull();
    expect(await drain(new Date("2026-11-30T07:59:00Z"), team.id)).toBe(0);
    expect(await drain(new Date("2026-11-30T08:00:00Z"), team.id)).toBe(1);
    expect((await getTicket(db, ticket.number))?.assigneeId).toBe(agent.id);
  });

  it("routes through a rule's route action, which names who took the ticket", async () => {
    const team = await buildTeam(db, { assignment: "load_balanced", now: T0 });
    const agent = await buildAgent(db, { name: "Noor", teamId: team.id, now: T0 });
    await inWork(db, { now: T0, actor: SYSTEM }, (work) =>
      createRule(work, {
        definition: {
          name: "Route tagged tickets",
          enabled: true,
          triggers: ["ticket_created"],
          conditions: { field: "ticket.tags", op: "contains", value: "route-me" },
          actions: [{ type: "set_team", teamId: team.id }, { type: "route" }],
          stop: false,
        },
      }),
    );
    const ticket = await buildTicket(db, { now: minutes(1), customerId, tags: ["route-me"] }).then((r) => r.ticket);
    expect(ticket.assigneeId).toBe(agent.id);
    const rule = (await listEvents(db, ticket.number)).find((e) => e.type === "rule");
    expect(rule?.data).toMatchObject({ outcomes: [{ type: "team_set" }, { type: "reassigned", agentId: agent.id }] });
  });
});
