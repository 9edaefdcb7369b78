// Approvals on a database: granted at once within the agent's authority; beyond it their manager
// is asked in-app, approves from the notification's data, and the decision's delay is recorded.

import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { NotTheApprover } from "../../core/escalation/escalationInvalid.js";
import type { Db } from "../../store/database.js";
import { listEvents } from "../../store/events.js";
import { outbox } from "../../store/schema.js";
import { buildAgent, buildTicket } from "../../../test/support/factories.js";
import { describeStore } from "../../../test/support/testDatabase.js";
import { inWork } from "../work.js";
import { decideApproval, requestApproval } from "./approvals.js";

const NOW = new Date("2026-11-23T09:00:00Z");

describeStore("approvals", (get) => {
  let db: Db;
  let agent: string;
  let manager: string;
  let colleague: string;
  beforeAll(async () => {
    db = get().db;
    manager = (await buildAgent(db, { role: "manager", locale: "fr" })).id;
    agent = (await buildAgent(db, { managerId: manager, with: ["team"] })).id;
    colleague = (await buildAgent(db, { role: "team_lead", with: ["team"] })).id;
  });
  const as = (id: string, at: Date) => ({ now: at, actor: { type: "agent" as const, id } });

  it("grants a small gesture within the agent's own authority, asking nobody", async () => {
    const { ticket } = await buildTicket(db);
    const approval = await inWork(db, as(agent, NOW), (work) =>
      requestApproval(work, { number: ticket.number, kind: "goodwill", amountCents: 20_00, reason: "Late delivery" }),
    );
    expect(approval).toMatchObject({ status: "approved", approverId: null, decidedById: agent });
  });

  it("asks the agent's manager beyond it, who approves; the delay and the decision are recorded", async () => {
    const { ticket } = await buildTicket(db);
    const approval = await inWork(db, as(agent, NOW), (work) =>
      requestApproval(work, { number: ticket.number, kind: "refund", amountCents: 300_00, reason: "Charged twice in November" }),
    );
    expect(approval).toMatchObject({ status: "pending", approverId: manager });
    const [asked] = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketNumber, ticket.number), eq(outbox.agentId, manager)));
    expect(asked?.payload).toMatchObject({
      title: `Approbation demandée pour le ticket n° ${ticket.number}`,
      data: { type: "approval", approvalId: approval.id },
    });
    expect(String(asked?.payload.body)).toMatch(/300,00\s€/u);

    const later = new Date(NOW.getTime() + 25 * 60_000);
    const refused = await inWork(db, as(colleague, later), (work) => decideApproval(work, { id: approval.id, decision: "approved" })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NotTheApprover);
    const decided = await inWork(db, as(manager, later), (work) => decideApproval(work, { id: approval.id, decision: "approved", note: "Fine this once" }));
    expect(decided).toMatchObject({ status: "approved", decidedById: manager, decidedAt: later, decisionNote: "Fine this once" });
    const events = (await listEvents(db, ticket.number)).filter((e) => e.type.startsWith("approval_"));
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ["approval_requested", expect.objectContaining({ approverId: manager, withinAuthority: false, amountCents: 300_00 })],
      ["approval_decided", { approvalId: approval.id, decision: "approved", delaySeconds: 1500, note: "Fine this once" }],
    ]);
    const told = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketNumber, ticket.number), eq(outbox.agentId, agent)));
    expect(told.map((row) => [row.kind, row.payload.title ?? row.payload.subject])).toEqual([
      ["inapp", `Your refund for ticket #${ticket.number} was approved`],
      ["email", `Your refund for ticket #${ticket.number} was approved`],
    ]);
  });
});
