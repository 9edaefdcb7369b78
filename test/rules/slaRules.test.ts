// Rules answering the escalation matrix: a clock's first level is its breach (`sla_breach`), and
// a rule's notify reaches the recipients it names, in the batch that fired the step.

import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { fireDueSteps } from "../../src/commands/escalation/fireDueSteps.js";
import { inWork } from "../../src/commands/work.js";
import type { Database } from "../../src/store/database.js";
import { listTicketEvents } from "../../src/store/events.js";
import { insertRule } from "../../src/store/rules.js";
import { getTicket } from "../../src/store/tickets/ticketRows.js";
import { buildAgent, buildPolicy, buildTicket } from "../support/factories.js";
import { describeStore } from "../support/testDatabase.js";

const T0 = new Date("2026-11-23T09:00:00Z");
const SYSTEM = { type: "system" as const };

describeStore("rules on SLA events", (get) => {
  let db: Database["db"];

  beforeAll(async () => {
    db = get().db;
    await buildPolicy(db, { name: "Autour de l'horloge", isDefault: true, calendarId: null, now: T0 });
  });

  it("answers a breach with the rule's tags and a notice to the agent it names", async () => {
    const manager = await buildAgent(db, { name: "Sofie Janssens", email: "sofie@example.be", now: T0 });
    await inWork(db, { now: T0, actor: SYSTEM }, (work) =>
      insertRule(
        work.tx,
        {
          name: "Dépassement",
          enabled: true,
          triggers: ["sla_breach"],
          conditions: { all: [] },
          actions: [
            { type: "add_tags", tags: ["en-retard"] },
            { type: "notify", recipients: [{ kind: "agent", agentId: manager.id }] },
          ],
          stop: false,
        },
        T0,
      ),
    );
    const { ticket } = await buildTicket(db, { now: T0 });
    // A day later every step is due: the first level is the breach.
    const later = new Date(T0.getTime() + 86_400_000);
    await inWork(db, { now: later, actor: SYSTEM }, (work) => fireDueSteps(work, { batchSize: 100, workerId: "test" }));
    expect((await getTicket(db, ticket.number))?.tags).toEqual(["en-retard"]);
    const decisions = (await listTicketEvents(db, ticket.number)).filter((e) => e.type === "rule");
    // Each clock's first level is its own breach: first response, then resolution.
    expect(decisions.map((e) => (e.data as { trigger: string }).trigger)).toEqual(["sla_breach", "sla_breach"]);
    expect(decisions[0]?.data).toMatchObject({
      outcomes: [
        { type: "tags_added", tags: ["en-retard"] },
        { type: "notified", agentId: manager.id, name: "Sofie Janssens" },
      ],
    });
    expect(decisions[1]?.data).toMatchObject({ outcomes: [{ type: "notified", agentId: manager.id }], skips: [{ action: "add_tags", why: "already_tagged" }] });
    const notices = await db.execute(sql`select kind from outbox where ticket_number = ${ticket.number} and agent_id = ${manager.id}`);
    expect((notices as unknown as { rows: { kind: string }[] }).rows.map((r) => r.kind).sort()).toEqual(["email", "email", "inapp", "inapp"]);
  });

  it("applies a chosen SLA policy above the policies' conditions, and the clocks follow it", async () => {
    // A policy whose conditions this ticket does not meet, with a 30-minute first response.
    const chosen = await buildPolicy(db, {
      name: "Juridique",
      calendarId: null,
      conditions: { all: [{ field: "segment", op: "is", value: "nobody" }] },
      targets: { low: { first_response: 30 }, normal: { first_response: 30 }, high: { first_response: 30 }, urgent: { first_response: 30 } },
      now: T0,
    });
    await inWork(db, { now: T0, actor: SYSTEM }, (work) =>
      insertRule(
        work.tx,
        {
          name: "Avocat : politique juridique",
          enabled: true,
          triggers: ["ticket_created"],
          conditions: { all: [{ field: "ticket.subject", op: "matches_words", value: ["avocat"] }] },
          actions: [{ type: "apply_policy", policyId: chosen.id }],
          stop: false,
        },
        T0,
      ),
    );
    const { ticket } = await buildTicket(db, { subject: "Mon AVOCAT vous écrira", now: T0 });
    expect((await getTicket(db, ticket.number))?.slaPolicyId).toBe(chosen.id);
    const events = await listTicketEvents(db, ticket.number);
    const policyEvents = events.filter((e) => e.type === "sla_policy").map((e) => e.data as { policyId: string; match: { cause: string } });
    expect(policyEvents.at(-1)).toMatchObject({ policyId: chosen.id, match: { cause: "applied" } });
    expect(events.find((e) => e.type === "rule")?.data).toMatchObject({ outcomes: [{ type: "policy_applied", policyId: chosen.id, name: "Juridique" }] });
    const clocks = await db.execute(
      sql`select policy_id, due_at from sla_clocks where ticket_number = ${ticket.number} and target = 'first_response' and state = 'running'`,
    );
    const rows = (clocks as unknown as { rows: { policy_id: string; due_at: string | Date }[] }).rows;
    expect(rows.map((r) => [r.policy_id, new Date(r.due_at).toISOString()])).toEqual([[chosen.id, new Date(T0.getTime() + 30 * 60_000).toISOString()]]);

    // Another ticket without the word stays under the default policy.
    const { ticket: plain } = await buildTicket(db, { subject: "Question sur ma facture", now: T0 });
    expect((await getTicket(db, plain.number))?.slaPolicyId).toBeNull();
  });

  it("answers a step's own changes with the ticket_updated rules, and re-plans the time rules from them", async () => {
    const rule = (name: string, definition: Record<string, unknown>) =>
      inWork(db, { now: T0, actor: SYSTEM }, (work) =>
        insertRule(work.tx, { name, enabled: true, conditions: { all: [] }, stop: false, ...definition } as unknown as Parameters<typeof insertRule>[1], T0),
      );
    await rule("Priorité montée", {
      triggers: ["ticket_updated"],
      conditions: { all: [{ field: "ticket.priority", op: "changed_to", value: "urgent" }] },
      actions: [{ type: "add_tags", tags: ["priorite-montee"] }],
    });
    await rule("Deux heures après", {
      triggers: ["time"],
      time: { since: "updated", amount: 2, unit: "hours" },
      actions: [{ type: "add_tags", tags: ["calme"] }],
    });
    const { ticket } = await buildTicket(db, { now: T0 });
    // A day later every step is due; the last level raises the priority (normal → urgent).
    const later = new Date(T0.getTime() + 86_400_000);
    await inWork(db, { now: later, actor: SYSTEM }, (work) => fireDueSteps(work, { batchSize: 100, workerId: "test" }));
    const after = await getTicket(db, ticket.number);
    expect(after?.priority).toBe("urgent");
    expect(after?.tags).toContain("priorite-montee");
    const decision = (await listTicketEvents(db, ticket.number)).find(
      (e) => e.type === "rule" && (e.data as { ruleName: string }).ruleName === "Priorité montée",
    );
    expect(decision?.data).toMatchObject({ trigger: "ticket_updated", outcomes: [{ type: "tags_added", tags: ["priorite-montee"] }] });
    const timers = await db.execute(sql`select due_at from rule_timers where ticket_number = ${ticket.number} and state = 'pending'`);
    const due = (timers as unknown as { rows: { due_at: string | Date }[] }).rows.map((r) => new Date(r.due_at).toISOString());
    expect(due).toEqual([new Date(later.getTime() + 2 * 3_600_000).toISOString()]);
  });
});
