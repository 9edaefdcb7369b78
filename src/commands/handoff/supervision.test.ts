// A lead or manager stepping in, on a database: taking a ticket over (the previous assignee
// follows it and is told in their language), mentions in internal notes stored by id and told,
// suggested replies, and a workspace's own root cause recorded and told in its words.

import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { ForbiddenError } from "../../core/access/permissions.js";
import { EscalationInvalid } from "../../core/escalation/escalationInvalid.js";
import type { Actor } from "../../core/events/actor.js";
import { getEscalationSettings, putEscalationSettings } from "../../store/escalations.js";
import { listEvents } from "../../store/events.js";
import { outbox } from "../../store/schema.js";
import type { Db } from "../../store/database.js";
import { checkEscalationSettings } from "../../core/escalation/escalationSettingsCheck.js";
import { addMessage } from "../tickets/addMessage.js";
import { updateTicket } from "../tickets/changeTicket.js";
import { inWork } from "../work.js";
import { buildAgent, buildCustomer, buildTeam, buildTicket } from "../../../test/support/factories.js";
import { describeStore } from "../../../test/support/testDatabase.js";
import { escalateTicket } from "./escalateTicket.js";
import { takeOverTicket } from "./takeOver.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const handoff = { summary: "Invoices are doubled", tried: "Cleared the cache", impact: "One customer", urgency: "high" };

function problemsOf(error: unknown): string[] {
  if (error instanceof EscalationInvalid) return error.problems.map((p) => `${p.path} ${p.code}`);
  throw error;
}

describeStore("a lead or manager stepping in", (get) => {
  let db: Db;
  let teamId: string;
  let agent: { id: string };
  let colleague: { id: string };
  let lead: { id: string };
  const as = (id: string): Actor => ({ type: "agent", id });
  const run = <T>(actor: Actor, command: Parameters<typeof inWork<T>>[2]) => inWork(db, { now: NOW, actor }, command);
  const noticesTo = async (number: number, agentId: string) =>
    db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketNumber, number), eq(outbox.agentId, agentId)));

  beforeAll(async () => {
    db = get().db;
    const team = await buildTeam(db, { tier: "L1" });
    teamId = team.id;
    agent = await buildAgent(db, { teamId, locale: "nl" });
    colleague = await buildAgent(db, { teamId, locale: "fr" });
    lead = await buildAgent(db, { teamId, role: "team_lead", name: "Pieter Janssens" });
  });

  const agentTicket = async () => (await buildTicket(db, { teamId, assigneeId: agent.id, now: NOW })).ticket;

  it("gives the ticket to the lead who takes it over, the previous assignee following it and told in their language", async () => {
    const ticket = await agentTicket();
    const taken = await run(as(lead.id), (work) => takeOverTicket(work, { number: ticket.number, reason: "  The customer asked for a manager  " }));
    expect(taken.fromAgentId).toBe(agent.id);
    expect(taken.ticket.assigneeId).toBe(lead.id);
    expect(taken.ticket.followers).toContain(agent.id);
    const event = (await listEvents(db, ticket.number)).find((e) => e.type === "take_over");
    expect(event?.data).toEqual({ fromAgentId: agent.id, toAgentId: lead.id, reason: "The customer asked for a manager" });
    const told = await noticesTo(ticket.number, agent.id);
    expect(told.map((row) => row.kind).sort()).toEqual(["email", "inapp"]);
    expect(told.find((row) => row.kind === "inapp")?.payload.title).toBe(`Ticket #${ticket.number} is overgenomen`);
    expect(told.find((row) => row.kind === "inapp")?.payload.body).toContain("Reden: The customer asked for a manager");
  });

  it("refuses an agent, a ticket already held by the taker, and a reason too long", async () => {
    const ticket = await agentTicket();
    const refused = await run(as(colleague.id), (work) => takeOverTicket(work, { number: ticket.number })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ForbiddenError);
    await run(as(lead.id), (work) => takeOverTicket(work, { number: ticket.number }));
    const again = await run(as(lead.id), (work) => takeOverTicket(work, { number: ticket.number, reason: "x".repeat(2001) })).catch((e: unknown) => e);
    expect(problemsOf(again)).toEqual(["reason too_long", "assigneeId already_yours"]);
  });

  it("stores a note's mentions by id and tells each agent mentioned, the author apart", async () => {
    const ticket = await agentTicket();
    const added = await run(as(agent.id), (work) =>
      addMessage(work, { number: ticket.number, kind: "note", text: "@Colleague can you check the export?", mentions: [colleague.id.toUpperCase(), agent.id] }),
    );
    expect(added.message.mentions).toEqual([colleague.id, agent.id]);
    expect(added.message.suggestion).toBe(false);
    const told = await noticesTo(ticket.number, colleague.id);
    expect(told.find((row) => row.kind === "inapp")?.payload.title).toMatch(/vous a mentionné sur le ticket #\d+/);
    expect(told.find((row) => row.kind === "inapp")?.payload.data).toMatchObject({ type: "mention", messageId: added.message.id, suggestion: false });
    expect(await noticesTo(ticket.number, agent.id)).toEqual([]);
  });

  it("names each problem of a note's mentions: an unknown agent, a suggestion without a mention or by an agent, a mention on a reply", async () => {
    const ticket = await agentTicket();
    const attempt = (actor: string, message: Parameters<typeof addMessage>[1]) => run(as(actor), (work) => addMessage(work, message)).catch((e: unknown) => e);
    expect(
      problemsOf(await attempt(lead.id, { number: ticket.number, kind: "note", text: "x", mentions: ["nobody", "00000000-0000-4000-8000-000000000000"] })),
    ).toEqual(["mentions[0] unknown_agent", "mentions[1] unknown_agent"]);
    expect(problemsOf(await attempt(lead.id, { number: ticket.number, kind: "note", text: "x", suggestion: true }))).toEqual(["suggestion mention_required"]);
    expect(problemsOf(await attempt(colleague.id, { number: ticket.number, kind: "note", text: "x", mentions: [agent.id], suggestion: true }))).toEqual([
      "suggestion not_a_lead",
    ]);
    expect(problemsOf(await attempt(lead.id, { number: ticket.number, kind: "reply", text: "x", mentions: [agent.id] }))).toEqual(["mentions internal_only"]);
  });

  it("keeps a lead's suggested reply for the agent it mentions, who is told it is a suggestion", async () => {
    const ticket = await agentTicket();
    const added = await run(as(lead.id), (work) =>
      addMessage(work, { number: ticket.number, kind: "note", text: "Bonjour, le remboursement part aujourd'hui.", mentions: [agent.id], suggestion: true }),
    );
    expect(added.message).toMatchObject({ kind: "note", mentions: [agent.id], suggestion: true });
    const told = await noticesTo(ticket.number, agent.id);
    expect(told.find((row) => row.kind === "inapp")?.payload.title).toBe(`Pieter Janssens stelt een antwoord voor op ticket #${ticket.number}`);
  });

  it("records a workspace's own root cause with its words, and tells the escalating agent in theirs", async () => {
    const other = await buildTeam(db, { tier: "L2" });
    const current = (await getEscalationSettings(db)).rootCauses;
    const checked = checkEscalationSettings(
      { rootCauses: [...current.map((c) => c.code), { labels: { fr: "Panne du fournisseur", nl: "Storing bij de leverancier", en: "Supplier outage" } }] },
      current,
    );
    await inWork(db, { now: NOW, actor: { type: "system" } }, (work) => putEscalationSettings(work.tx, checked, NOW));
    const customer = await buildCustomer(db);
    const { ticket } = await buildTicket(db, { customerId: customer.id, teamId, assigneeId: agent.id, now: new Date(NOW.getTime() - 3_600_000) });
    await run(as(agent.id), (work) => escalateTicket(work, { number: ticket.number, request: { kind: "functional", toTeamId: other.id, handoff } }));
    await run(as(lead.id), (work) => updateTicket(work, { number: ticket.number, changes: { status: "solved" }, rootCause: { rootCause: "supplier_outage" } }));
    const event = (await listEvents(db, ticket.number)).find((e) => e.type === "root_cause");
    expect(event?.data).toMatchObject({ rootCause: "supplier_outage", labels: { nl: "Storing bij de leverancier" } });
    const told = await noticesTo(ticket.number, agent.id);
    expect(told.map((row) => row.payload.body)).toContain("Grondoorzaak: Storing bij de leverancier.");
  });
});
