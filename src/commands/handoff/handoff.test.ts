// The human escalation on a database: refused hand-offs, a functional escalation moving the
// ticket with the customer told, the receiver bouncing it back (counted), accepting it, the root
// cause required to solve it, and the escalate-and-forget reminder on business hours.

import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { AlreadyEscalated, EscalationInvalid, NotTheReceiver } from "../../core/escalation/escalationInvalid.js";
import type { Actor } from "../../core/events/actor.js";
import { agentBounces, getEscalation, ticketBounces, ticketEscalations } from "../../store/escalations.js";
import { listEvents } from "../../store/events.js";
import { mailMessages, messages, outbox, teams } from "../../store/schema.js";
import { getTicket } from "../../store/tickets/ticketRows.js";
import type { Db } from "../../store/database.js";
import { updateTicket } from "../tickets/changeTicket.js";
import { inWork } from "../work.js";
import { buildAgent, buildCalendar, buildCustomer, buildTeam, buildTicket } from "../../../test/support/factories.js";
import { describeStore } from "../../../test/support/testDatabase.js";
import { acceptEscalation, bounceEscalation } from "./decideEscalation.js";
import { escalateTicket, previewEscalation } from "./escalateTicket.js";
import { remindIdleEscalations } from "./remindIdle.js";

// Monday 23 November 2026, 10:00 in Paris.
const MONDAY = new Date("2026-11-23T09:00:00Z");
const HOUR = 3_600_000;
const handoff = {
  summary: "Invoices are doubled since the upgrade",
  tried: "Cleared the cache, re-sent the invoice",
  impact: "One customer, 40 invoices",
  urgency: "high",
};

function problemsOf(error: unknown): string[] {
  if (error instanceof EscalationInvalid) return error.problems.map((p) => `${p.path} ${p.code}`);
  throw error;
}

describeStore("the human escalation", (get) => {
  let db: Db;
  let first: { id: string; teamId: string };
  let billing: { id: string; leadId: string; memberId: string };
  let outsider: { id: string; teamId: string };
  const as = (id: string): Actor => ({ type: "agent", id });
  const run = <T>(actor: Actor, now: Date, command: Parameters<typeof inWork<T>>[2]) => inWork(db, { now, actor }, command);

  beforeAll(async () => {
    db = get().db;
    const calendar = await buildCalendar(db);
    const frontline = await buildTeam(db, { tier: "L1" });
    const firstAgent = await buildAgent(db, { teamId: frontline.id, locale: "fr" });
    first = { id: firstAgent.id, teamId: frontline.id };
    const team = await buildTeam(db, { name: "Facturation", tier: "L2", calendarId: calendar.id });
    const lead = await buildAgent(db, { teamId: team.id, role: "team_lead", locale: "nl" });
    const member = await buildAgent(db, { teamId: team.id });
    await db.update(teams).set({ leadId: lead.id }).where(eq(teams.id, team.id));
    billing = { id: team.id, leadId: lead.id, memberId: member.id };
    const stranger = await buildAgent(db, { with: ["team"] });
    outsider = { id: stranger.id, teamId: stranger.teamId as string };
  });

  async function escalatedTicket(more: { notifyCustomer?: boolean; channel?: "email" | "web" } = {}) {
    const { channel, ...options } = more;
    const customer = await buildCustomer(db, { name: "Marie Dubois", language: "fr", timeZone: "Europe/Paris" });
    const { ticket } = await buildTicket(db, {
      customerId: customer.id,
      teamId: first.teamId,
      assigneeId: first.id,
      tier: "L1",
      now: MONDAY,
      ...(channel ? { channel } : {}),
    });
    const at = new Date(MONDAY.getTime() + HOUR);
    const escalated = await run(as(first.id), at, (work) =>
      escalateTicket(work, { number: ticket.number, request: { kind: "functional", toTeamId: billing.id, handoff }, ...options }),
    );
    return { ticket, made: { ...escalated, customerEmail: customer.email }, at };
  }

  it("refuses an incomplete hand-off naming every missing field, and writes nothing", async () => {
    const { ticket } = await buildTicket(db, { teamId: first.teamId, assigneeId: first.id, now: MONDAY });
    const error = await run(as(first.id), new Date(MONDAY.getTime() + HOUR), (work) =>
      escalateTicket(work, { number: ticket.number, request: { kind: "functional", toTeamId: billing.id, handoff: { summary: "Doubled invoices" } } }),
    ).catch((e: unknown) => e);
    expect(problemsOf(error)).toEqual(["handoff.tried required", "handoff.impact required", "handoff.urgency required"]);
    expect(await ticketEscalations(db, ticket.number)).toEqual([]);
  });

  it("asks why when escalating minutes after creation without a reply or note", async () => {
    const { ticket } = await buildTicket(db, { teamId: first.teamId, assigneeId: first.id, now: MONDAY });
    const soon = new Date(MONDAY.getTime() + 3 * 60_000);
    const error = await run(as(first.id), soon, (work) =>
      escalateTicket(work, { number: ticket.number, request: { kind: "functional", toTeamId: billing.id, handoff } }),
    ).catch((e: unknown) => e);
    expect(problemsOf(error)).toEqual(["reason tried_nothing"]);
    const made = await run(as(first.id), soon, (work) =>
      escalateTicket(work, { number: ticket.number, request: { kind: "functional", toTeamId: billing.id, handoff, reason: "Billing is down for everyone" } }),
    );
    expect(made.escalation.status).toBe("open");
  });

  it("previews the notice in the customer's language with the ETA on the team's hours, without writing", async () => {
    const customer = await buildCustomer(db, { name: "Marie Dubois", language: "fr", timeZone: "Europe/Paris" });
    const { ticket } = await buildTicket(db, { customerId: customer.id, teamId: first.teamId, assigneeId: first.id, now: MONDAY });
    const preview = await run(as(first.id), new Date("2026-11-27T15:00:00Z"), (work) =>
      previewEscalation(work, { number: ticket.number, request: { kind: "functional", toTeamId: billing.id, handoff } }),
    );
    // Friday 16:00 in Paris, 8 business hours (high) on Paris office hours: Monday 15:00.
    expect(preview.eta?.toISOString()).toBe("2026-11-30T14:00:00.000Z");
    expect(preview.notice.text).toContain("notre équipe Facturation");
    expect(preview.notice.text).toContain("lundi 30 novembre à 15:00");
    expect(await ticketEscalations(db, ticket.number)).toEqual([]);
  });

  it("hands the ticket to the team at its tier, keeps the agent as a follower, tells the customer and the team lead", async () => {
    const { ticket, made } = await escalatedTicket({ notifyCustomer: true });
    expect(made.ticket).toMatchObject({ teamId: billing.id, assigneeId: null, tier: "L2" });
    expect(made.ticket.followers).toContain(first.id);
    expect(made.escalation).toMatchObject({ kind: "functional", status: "open", fromAgentId: first.id, fromTeamId: first.teamId, toTeamId: billing.id });
    const [notice] = await db
      .select()
      .from(messages)
      .where(and(eq(messages.ticketNumber, ticket.number), eq(messages.kind, "reply")));
    expect(notice?.id).toBe(made.escalation.noticeMessageId);
    expect(notice?.bodyText).toContain("Bonjour Marie Dubois");
    const types = (await listEvents(db, ticket.number)).map((e) => e.type);
    expect(types).toContain("handoff");
    const told = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketNumber, ticket.number), eq(outbox.agentId, billing.leadId)));
    // In-app and by e-mail, in the lead's language.
    const title = `Ticket #${ticket.number} is naar u geëscaleerd`;
    expect(told.map((row) => [row.kind, row.payload.title ?? row.payload.subject])).toEqual([
      ["inapp", title],
      ["email", title],
    ]);
    expect(told[1]).toMatchObject({ address: expect.stringContaining("@example.test"), payload: { locale: "nl" } });
  });

  it("sends the customer notice of an e-mail ticket by e-mail, from the receiving team, threaded, in the customer's language", async () => {
    await db.update(teams).set({ email: "facturation@example.test" }).where(eq(teams.id, billing.id));
    const { ticket, made } = await escalatedTicket({ notifyCustomer: true, channel: "email" });
    const sent = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketNumber, ticket.number), eq(outbox.kind, "email"), isNull(outbox.agentId)));
    expect(sent).toHaveLength(1);
    const mail = sent[0]!;
    expect(mail.address).toBe(made.customerEmail);
    expect(mail.payload).toMatchObject({
      locale: "fr",
      from: "Facturation <facturation@example.test>",
      headers: { "X-Palier-Ticket": String(ticket.number) },
    });
    expect(String(mail.payload.subject)).toContain(String(ticket.number));
    expect(String(mail.payload.text)).toContain("Bonjour Marie Dubois");
    const [row] = await db.select().from(mailMessages).where(eq(mailMessages.messageId, made.escalation.noticeMessageId!));
    expect(row).toMatchObject({ direction: "out", ticketNumber: ticket.number, messageIdHeader: mail.payload.messageId });
    // A ticket that did not come by e-mail gets no e-mail.
    const { ticket: web } = await escalatedTicket({ notifyCustomer: true, channel: "web" });
    expect(
      await db
        .select()
        .from(outbox)
        .where(and(eq(outbox.ticketNumber, web.number), eq(outbox.kind, "email"), isNull(outbox.agentId))),
    ).toEqual([]);
  });

  it("lets a load-balanced receiving team's routing choose who takes the escalated ticket", async () => {
    const routed = await buildTeam(db, { name: "Technique L2", tier: "L2", assignment: "load_balanced" });
    const specialist = await buildAgent(db, { teamId: routed.id, name: "Sanne Specialist" });
    const customer = await buildCustomer(db, { name: "Jan Peeters", language: "nl" });
    const { ticket } = await buildTicket(db, { customerId: customer.id, teamId: first.teamId, assigneeId: first.id, tier: "L1", now: MONDAY });
    const made = await run(as(first.id), new Date(MONDAY.getTime() + HOUR), (work) =>
      escalateTicket(work, { number: ticket.number, request: { kind: "functional", toTeamId: routed.id, handoff } }),
    );
    expect(made.ticket).toMatchObject({ teamId: routed.id, assigneeId: specialist.id, tier: "L2" });
    const types = (await listEvents(db, ticket.number)).map((e) => e.type);
    expect(types.indexOf("assignment")).toBeGreaterThan(types.indexOf("handoff"));
  });

  it("refuses a second escalation while one is open", async () => {
    const { ticket } = await escalatedTicket();
    const again = await run(as(first.id), new Date(MONDAY.getTime() + 2 * HOUR), (work) =>
      escalateTicket(work, { number: ticket.number, request: { kind: "functional", toTeamId: billing.id, handoff } }),
    ).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AlreadyEscalated);
  });

  it("lets only the receiving team bounce it back, with a reason; the ticket returns and the bounce is counted", async () => {
    const { ticket, made } = await escalatedTicket();
    const later = new Date(MONDAY.getTime() + 2 * HOUR);
    const before = await agentBounces(db, first.id);
    const stranger = await run(as(outsider.id), later, (work) => bounceEscalation(work, { id: made.escalation.id, reason: "Not ours" })).catch(
      (e: unknown) => e,
    );
    expect(stranger).toBeInstanceOf(NotTheReceiver);
    const noReason = await run(as(billing.memberId), later, (work) => bounceEscalation(work, { id: made.escalation.id, reason: " " })).catch((e: unknown) => e);
    expect(problemsOf(noReason)).toEqual(["reason required"]);
    const bounced = await run(as(billing.memberId), later, (work) =>
      bounceEscalation(work, { id: made.escalation.id, reason: "This is a contract question", suggestedTeamId: outsider.teamId }),
    );
    expect(bounced.bounces).toBe(1);
    expect(bounced.ticket).toMatchObject({ teamId: first.teamId, assigneeId: first.id, tier: "L1" });
    expect(await ticketBounces(db, ticket.number)).toBe(1);
    expect(await agentBounces(db, first.id)).toBe(before + 1);
    const told = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketNumber, ticket.number), eq(outbox.agentId, first.id)));
    expect(told.map((row) => [row.kind, row.payload.body ?? row.payload.text])).toEqual([
      ["inapp", expect.stringContaining("This is a contract question")],
      ["email", expect.stringContaining("This is a contract question")],
    ]);
    expect(told[0]?.payload.title).toBe(`Le ticket n° ${ticket.number} vous a été renvoyé`);
  });

  it("requires a root cause to solve an accepted escalation, then tells the escalating agent", async () => {
    const { ticket, made } = await escalatedTicket();
    const later = new Date(MONDAY.getTime() + 3 * HOUR);
    const accepted = await run(as(billing.memberId), later, (work) => acceptEscalation(work, { id: made.escalation.id }));
    expect(accepted.ticket.assigneeId).toBe(billing.memberId);
    const refused = await run(as(billing.memberId), later, (work) => updateTicket(work, { number: ticket.number, changes: { status: "solved" } })).catch(
      (e: unknown) => e,
    );
    expect(problemsOf(refused)).toEqual(["rootCause root_cause_required"]);
    expect((await getTicket(db, ticket.number))?.status).not.toBe("solved");
    const other = await run(as(billing.memberId), later, (work) =>
      updateTicket(work, { number: ticket.number, changes: { status: "solved" }, rootCause: { rootCause: "other" } }),
    ).catch((e: unknown) => e);
    expect(problemsOf(other)).toEqual(["rootCauseText required"]);
    const solved = await run(as(billing.memberId), later, (work) =>
      updateTicket(work, { number: ticket.number, changes: { status: "solved" }, rootCause: { rootCause: "missing_skill" } }),
    );
    expect(solved.status).toBe("solved");
    expect(await getEscalation(db, made.escalation.id)).toMatchObject({ status: "resolved", rootCause: "missing_skill", resolvedAt: later });
    const told = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketNumber, ticket.number), eq(outbox.agentId, first.id)));
    expect(told.map((row) => row.payload.body)).toContain("Cause racine : Compétence ou connaissance manquante.");
  });

  it("solves a ticket that was never escalated without asking for a root cause", async () => {
    const { ticket } = await buildTicket(db, { teamId: first.teamId, assigneeId: first.id, now: MONDAY });
    const solved = await run(as(first.id), MONDAY, (work) => updateTicket(work, { number: ticket.number, changes: { status: "solved" } }));
    expect(solved.status).toBe("solved");
  });

  describe("escalate-and-forget", () => {
    it("reminds the owner after four business hours without activity, once per stretch", async () => {
      const { ticket, at } = await escalatedTicket();
      const remind = (hoursLater: number) => run({ type: "system" }, new Date(at.getTime() + hoursLater * HOUR), remindIdleEscalations);
      // Escalated Monday 11:00 in Paris: four business hours run out at 15:00.
      const reminded = async () => (await listEvents(db, ticket.number)).filter((e) => e.type === "handoff_reminder");
      await remind(3.5);
      expect(await reminded()).toEqual([]);
      expect(await remind(4)).toBeGreaterThanOrEqual(1);
      const reminders = await reminded();
      expect(reminders).toHaveLength(1);
      expect(reminders[0]?.data).toMatchObject({ agentId: billing.leadId, hours: 4 });
      await remind(5);
      // Overnight is no business time: from Monday 15:00 to Tuesday 8:00 three hours pass, by Tuesday 11:00 five.
      await remind(21);
      expect(await reminded()).toHaveLength(1);
      await remind(24);
      expect(await reminded()).toHaveLength(2);
    });
  });
});
