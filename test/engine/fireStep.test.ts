// What a firing step does: whom it reaches (in their language and time zone, held by quiet
// hours unless urgent), each action on the ticket, and the escalation event that explains it.

import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, expect, it } from "vitest";
import { ManualClock } from "../../src/core/clock.js";
import { outcomeSentence, skipSentence, type EscalationData } from "../../src/core/events/index.js";
import type { MatrixStep } from "../../src/core/sla/policy.js";
import type { Db } from "../../src/store/database.js";
import { oncallScheduleStore } from "../../src/store/entities.js";
import { listEvents } from "../../src/store/events.js";
import { teams } from "../../src/store/schema.js";
import { getTicket } from "../../src/store/tickets/ticketRows.js";
import { startTimerWorker } from "../../src/engine/timers/timerWorker.js";
import { describeStore, selectRows } from "../support/testDatabase.js";
import { HOUR, addPolicy, at, seedTickets, seedWorld, step, type World } from "./support/timerFixtures.js";

interface OutboxRow {
  kind: string;
  agent_id: string | null;
  address: string | null;
  payload: Record<string, unknown>;
  next_attempt_at: Date;
}

describeStore("firing a matrix step", (get) => {
  let db: Db;
  let world: World;

  beforeAll(async () => {
    db = get().db;
    world = await seedWorld(db);
  });

  afterEach(async () => {
    await db.execute(sql`update timers set state = 'cancelled' where state = 'pending'`);
  });

  /** Seeds one ticket whose clock is due at START + 1 h with `matrixStep` due then, and fires it at `fireAt`. */
  async function fire(matrixStep: MatrixStep, options: { ticket?: Parameters<typeof seedTickets>[1]["ticket"]; fireAt?: Date; deadline?: Date } = {}) {
    const policy = await addPolicy(db, [matrixStep]);
    const deadline = options.deadline ?? at(HOUR);
    const [seeded] = await seedTickets(db, {
      world,
      policy,
      count: 1,
      deadline,
      timers: { [matrixStep.id]: deadline },
      ...(options.ticket ? { ticket: options.ticket } : {}),
    });
    const number = seeded?.number as number;
    const clock = new ManualClock(options.fireAt ?? deadline);
    const worker = startTimerWorker({ database: get(), clock, pollMs: 60_000 });
    try {
      expect(await worker.runOnce()).toBeGreaterThanOrEqual(1);
    } finally {
      await worker.stop();
    }
    const events = await listEvents(db, number);
    const escalation = events.find((e) => e.type === "escalation");
    if (!escalation) throw new Error(`no escalation event on #${number}`);
    const outbox = await selectRows<OutboxRow>(
      get(),
      sql`select kind, agent_id, address, payload, next_attempt_at from outbox where ticket_number = ${number} order by id`,
    );
    const data = escalation.data as unknown as EscalationData;
    // The step's outcomes and skips in the English the event listed before they were data.
    const actions = data.outcomes.map(outcomeSentence);
    const skipped = data.skips?.map(skipSentence);
    return { number, policy, events, escalation, data, actions, skipped, outbox, ticket: await getTicket(db, number), now: clock.now() };
  }

  it("reaches the assignee, their manager, the team lead and the region's active managers, each in their language", async () => {
    const { data, outbox, number, skipped } = await fire(
      step({
        id: "l1",
        recipients: [
          { kind: "assignee" },
          { kind: "assignee_manager" },
          { kind: "team_lead" },
          { kind: "region_managers" },
          { kind: "on_call", scheduleId: "s1" },
        ],
      }),
    );
    expect(data.recipients).toEqual([
      { kind: "assignee", agentId: world.lea.id, name: world.lea.name },
      { kind: "assignee_manager", agentId: world.manager.id, name: world.manager.name },
      { kind: "team_lead", agentId: world.joost.id, name: world.joost.name },
    ]);
    // The region's other manager is inactive; the active one is reached once, as the assignee's manager.
    expect(skipped).toEqual(["on_call: no on-call schedule s1"]);
    const inapp = (id: string) => outbox.find((o) => o.kind === "inapp" && o.agent_id === id)?.payload as { title: string; body: string };
    // Léa and Joost work Paris hours (through their team): 10:00 UTC is 11:00 there; the manager has no calendar: UTC.
    expect(inapp(world.lea.id).body).toContain(`Le ticket #${number} « Facture en double 0 » a atteint son délai de première réponse (échéance 11:00).`);
    expect(inapp(world.joost.id).body).toContain(
      `Ticket #${number} "Facture en double 0" heeft zijn termijn voor het eerste antwoord bereikt (deadline 11:00).`,
    );
    expect(inapp(world.manager.id).title).toBe(`Level 1: #${number} Facture en double 0`);
    expect(outbox.filter((o) => o.kind === "email").map((o) => [o.address, o.payload.locale])).toEqual([
      [world.lea.email, "fr"],
      [world.manager.email, "en"],
      [world.joost.email, "nl"],
    ]);
  });

  it("reaches whoever is on call when the step fires, in the step's schedule or else the ticket team's", async () => {
    // A daily hand-off at 08:00 in Paris, from Monday 23 November: the manager first, then Joost.
    const rotation = { participants: [world.manager.id, world.joost.id], start: "2026-11-23T08:00:00+01:00", length: { days: 1 } };
    const schedule = await oncallScheduleStore.create(
      db,
      { name: "Astreinte facturation", timezone: "Europe/Paris", layers: [{ rotation }], overrides: [] },
      at(0),
    );
    const named = await fire(step({ id: "l1", recipients: [{ kind: "on_call", scheduleId: schedule.id }] }));
    expect(named.data.recipients).toEqual([{ kind: "on_call", agentId: world.manager.id, name: world.manager.name }]);
    expect(named.outbox.filter((o) => o.kind === "inapp").map((o) => o.agent_id)).toEqual([world.manager.id]);

    await db.update(teams).set({ onCallScheduleId: schedule.id }).where(eq(teams.id, world.billing.id));
    try {
      // Tuesday 10:00 UTC: Joost's day.
      const byTeam = await fire(step({ id: "l1", recipients: [{ kind: "on_call" }] }), { deadline: at(25 * HOUR) });
      expect(byTeam.data.recipients).toEqual([{ kind: "on_call", agentId: world.joost.id, name: world.joost.name }]);
    } finally {
      await db.update(teams).set({ onCallScheduleId: null }).where(eq(teams.id, world.billing.id));
    }

    const empty = await oncallScheduleStore.create(db, { name: "Personne", timezone: "UTC", layers: [], overrides: [] }, at(0));
    const nobody = await fire(step({ id: "l1", recipients: [{ kind: "on_call", scheduleId: empty.id }] }));
    expect(nobody.data.recipients).toEqual([]);
    expect(nobody.skipped).toEqual(["on_call: nobody is on call in Personne", "notify: nobody to notify"]);
    const teamless = await fire(step({ id: "l1", recipients: [{ kind: "on_call" }] }));
    expect(teamless.skipped).toEqual(["on_call: the ticket's team has no on-call schedule", "notify: nobody to notify"]);
  });

  it("reaches the person on call at once outside their working hours, saying why", async () => {
    // Joost works Paris hours through his team; at 23:00 in Paris he is on call for the night.
    const rotation = { participants: [world.joost.id], start: "2026-11-23T20:00:00+01:00", length: { days: 1 } };
    const nights = await oncallScheduleStore.create(
      db,
      { name: "Nuits", timezone: "Europe/Paris", layers: [{ rotation, restrictions: [{ days: ["mon"], from: "20:00", to: "08:00" }] }], overrides: [] },
      at(0),
    );
    const { outbox, now, actions, data } = await fire(step({ id: "l1", recipients: [{ kind: "on_call", scheduleId: nights.id }, { kind: "team_lead" }] }), {
      deadline: new Date("2026-11-23T22:00:00Z"),
    });
    // One notice: Joost is both on call and the team lead, reached first as the person on call.
    expect(data.recipients).toEqual([{ kind: "on_call", agentId: world.joost.id, name: world.joost.name }]);
    expect(outbox.map((o) => new Date(o.next_attempt_at).getTime())).toEqual([now.getTime(), now.getTime()]);
    expect(actions).toEqual([`notified ${world.joost.name} (in-app, e-mail; on call: sent outside working hours)`]);
  });

  it("escalates an unassigned ticket to the managers of its team lead's region, and skips an inactive agent", async () => {
    const { data, skipped } = await fire(step({ id: "l1", recipients: [{ kind: "region_managers" }, { kind: "agent", agentId: world.retired.id }] }), {
      ticket: { assigneeId: null },
    });
    expect(data.recipients).toEqual([{ kind: "region_managers", agentId: world.manager.id, name: world.manager.name }]);
    expect(skipped).toEqual([`agent: ${world.retired.name} is inactive`]);
  });

  it("says so when a reminder to the assignee finds no assignee", async () => {
    const { data, outbox, skipped } = await fire(step({ id: "r1", kind: "reminder", level: 0 }), { ticket: { assigneeId: null } });
    expect(data.recipients).toEqual([]);
    expect(skipped).toEqual(["assignee: the ticket has no assignee", "notify: nobody to notify"]);
    expect(outbox).toEqual([]);
  });

  it("holds notifications to an agent outside their working hours until their next opening", async () => {
    // 10:00 UTC is 05:00 in Montreal: Sam's calendar opens at 09:00 (14:00 UTC); Nina has no hours: at once.
    const { outbox, now, actions, data } = await fire(step({ id: "l1", recipients: [{ kind: "team", teamId: world.tech.id }] }));
    const held = outbox.filter((o) => o.agent_id === world.sam.id);
    expect(held.map((o) => o.kind).sort()).toEqual(["email", "inapp"]);
    for (const row of held) expect(new Date(row.next_attempt_at).toISOString()).toBe("2026-11-23T14:00:00.000Z");
    for (const row of outbox.filter((o) => o.agent_id === world.nina.id)) expect(new Date(row.next_attempt_at).getTime()).toBe(now.getTime());
    expect(actions).toContain(`notified ${world.sam.name} (in-app, e-mail; held until 2026-11-23T14:00:00.000Z, outside working hours)`);
    expect(data.outcomes).toContainEqual({
      type: "notified",
      agentId: world.sam.id,
      name: world.sam.name,
      channels: ["inapp", "email"],
      heldUntil: "2026-11-23T14:00:00.000Z",
    });
  });

  it("holds a French agent's e-mail after office hours in Paris until the next morning", async () => {
    const { outbox } = await fire(step({ id: "l1" }), { deadline: new Date("2026-11-23T20:00:00Z") });
    expect(outbox.map((o) => new Date(o.next_attempt_at).toISOString())).toEqual(["2026-11-24T08:00:00.000Z", "2026-11-24T08:00:00.000Z"]);
  });

  it("sends an urgent step outside working hours at once", async () => {
    const { outbox, now, actions } = await fire(step({ id: "l1", urgent: true, recipients: [{ kind: "agent", agentId: world.sam.id }] }));
    expect(outbox).toHaveLength(2);
    for (const row of outbox) expect(new Date(row.next_attempt_at).getTime()).toBe(now.getTime());
    expect(actions).toEqual([`notified ${world.sam.name} (in-app, e-mail; urgent: sent outside working hours)`]);
  });

  it("reassigns to an agent, as the system, after the escalation event that explains it", async () => {
    const { ticket, events, escalation, data, actions } = await fire(step({ id: "l1", actions: [{ type: "reassign", agentId: world.sam.id }] }));
    expect(ticket).toMatchObject({ assigneeId: world.sam.id, teamId: world.tech.id });
    const updated = events.find((e) => e.type === "updated" && e.changes.assigneeId);
    expect(updated).toMatchObject({
      actorType: "system",
      reason: escalation.reason,
      changes: { assigneeId: [world.lea.id, world.sam.id], teamId: [world.billing.id, world.tech.id] },
    });
    expect((updated?.id as number) > escalation.id).toBe(true);
    // The change names the step, and its event, as its cause.
    expect(updated?.data).toMatchObject({
      cause: { cause: "escalation", eventId: escalation.id, policyId: data.policyId, kind: "level", level: 1, target: data.target },
    });
    expect(actions).toEqual([`reassigned to ${world.sam.name}`]);
    expect(data.outcomes).toEqual([{ type: "reassigned", agentId: world.sam.id, name: world.sam.name }]);
  });

  it("reassigns to a team's queue", async () => {
    const { ticket, actions } = await fire(step({ id: "l1", actions: [{ type: "reassign", teamId: world.tech.id }] }));
    expect(ticket).toMatchObject({ assigneeId: null, teamId: world.tech.id });
    expect(actions).toEqual([`reassigned to team ${world.tech.name}`]);
  });

  it("raises the priority one step, or to the step's priority", async () => {
    const once = await fire(step({ id: "l1", actions: [{ type: "raise_priority" }] }));
    expect(once.ticket?.priority).toBe("high");
    expect(once.actions).toEqual(["raised priority normal → high"]);
    const to = await fire(step({ id: "l1", actions: [{ type: "raise_priority", to: "urgent" }] }));
    expect(to.ticket?.priority).toBe("urgent");
    const top = await fire(step({ id: "l1", actions: [{ type: "raise_priority" }] }), { ticket: { priority: "urgent" } });
    expect(top.skipped).toEqual(["raise_priority: already urgent"]);
  });

  it("sets the tier", async () => {
    const { ticket, actions } = await fire(step({ id: "l1", actions: [{ type: "set_tier", tier: "L2" }] }));
    expect(ticket?.tier).toBe("L2");
    expect(actions).toEqual(["set tier L1 → L2"]);
  });

  it("adds the step's recipients as followers", async () => {
    const { ticket, actions } = await fire(step({ id: "l1", recipients: [{ kind: "team_lead" }], actions: [{ type: "add_followers" }] }));
    expect(ticket?.followers).toEqual([world.joost.id]);
    expect(actions).toEqual([`added followers ${world.joost.name}`]);
  });

  it("adds an internal note as the system", async () => {
    const { number, actions } = await fire(step({ id: "l1", actions: [{ type: "add_note", text: "Escaladé au niveau 1 : rappeler la cliente." }] }));
    const notes = await selectRows<{ kind: string; body_text: string; author_agent_id: string | null }>(
      get(),
      sql`select kind, body_text, author_agent_id from messages where ticket_number = ${number}`,
    );
    expect(notes).toEqual([{ kind: "note", body_text: "Escaladé au niveau 1 : rappeler la cliente.", author_agent_id: null }]);
    expect(actions).toEqual(["added a note"]);
  });

  it("queues a webhook with the escalation and its secret", async () => {
    const { outbox, number, policy } = await fire(
      step({ id: "l1", recipients: [], actions: [{ type: "webhook", url: "https://hooks.example.org/palier", secret: "s3cret" }] }),
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ kind: "webhook", address: "https://hooks.example.org/palier", payload: { secret: "s3cret" } });
    expect(outbox[0]?.payload.body).toMatchObject({
      event: "sla.escalation",
      ticket: { number, priority: "normal" },
      policy: { id: policy.id, name: policy.name },
      target: "first_response",
      step: { id: "l1", kind: "level", level: 1 },
      level: 1,
      dueAt: at(HOUR).toISOString(),
      firedAt: at(HOUR).toISOString(),
      lagMs: 0,
      late: false,
    });
  });

  it("reports an action that cannot be done and still does the others", async () => {
    const missing = randomUUID();
    const { ticket, actions, skipped } = await fire(
      step({ id: "l1", actions: [{ type: "reassign", agentId: missing }, { type: "set_tier", tier: "L3" }, { type: "notify" }] }),
    );
    expect(ticket).toMatchObject({ assigneeId: world.lea.id, tier: "L3" });
    expect(skipped).toEqual([`reassign: no active agent ${missing}`]);
    expect(actions).toEqual(["set tier L1 → L3", `notified ${world.lea.name} (in-app, e-mail)`]);
  });
});
