// The human escalation over HTTP: refused hand-offs naming their fields (in the reader's
// language), the preview, escalating to another team, its bounce-back counted on the ticket and
// the agent, accepting, the root cause PATCH requires to solve, the board, and unknown ids.

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/store/accounts.js";
import { teams } from "../../src/store/schema.js";
import { buildAgent, buildCalendar, buildCustomer, buildTeam, buildTicket } from "../support/factories.js";
import { describeStore } from "../support/testDatabase.js";
import { type ApiHarness, type ErrorJson, openApi } from "./harness.js";

interface EscalationJson {
  id: string;
  status: string;
  ticketNumber: number;
  ageSeconds: number;
  bounceReason: string | null;
  [field: string]: unknown;
}

const handoff = { summary: "Invoices are doubled", tried: "Cleared the cache", impact: "40 invoices", urgency: "high" };

describeStore("escalation routes", (get) => {
  let api: ApiHarness;
  let billing: { id: string; member: { id: string; token: string } };

  beforeAll(async () => {
    api = await openApi(get());
    const calendar = await buildCalendar(api.db);
    const team = await buildTeam(api.db, { name: "Billing", tier: "L2", calendarId: calendar.id });
    const member = await buildAgent(api.db, { teamId: team.id, role: "agent" });
    await api.db.update(teams).set({ leadId: member.id }).where(eq(teams.id, team.id));
    const { token } = await createApiToken(api.db, { agentId: member.id, name: "tests", now: api.clock.now() });
    billing = { id: team.id, member: { id: member.id, token } };
  });
  afterAll(() => api.close());

  async function ticketOfAgent() {
    const customer = await buildCustomer(api.db, { name: "Marie Dubois", language: "fr", timeZone: "Europe/Paris" });
    const created = new Date(api.clock.now().getTime() - 3_600_000);
    const { ticket } = await buildTicket(api.db, { customerId: customer.id, teamId: api.teamId, assigneeId: api.agents.agent.id, tier: "L1", now: created });
    return ticket.number;
  }

  it("refuses an incomplete hand-off with a 400 naming every missing field, in the reader's language", async () => {
    const number = await ticketOfAgent();
    const body = { kind: "functional", toTeamId: billing.id, handoff: { summary: "Doubled invoices" } };
    const english = await api.call<ErrorJson>("agent", "POST", `/api/v1/tickets/${number}/escalations`, { body });
    expect(english.status).toBe(400);
    expect(english.json.error.details.map((d) => `${d.path}: ${d.message}`)).toEqual([
      "handoff.tried: is required",
      "handoff.impact: is required",
      "handoff.urgency: is required",
    ]);
    const french = await api.call<ErrorJson>("agent", "POST", `/api/v1/tickets/${number}/escalations`, { body, headers: { "accept-language": "fr-BE" } });
    expect(french.json.error.message).toBe("Ce qui a déjà été essayé : est obligatoire; Impact client : est obligatoire; Urgence : est obligatoire");
    const external = await api.call<ErrorJson>("agent", "POST", `/api/v1/tickets/${number}/escalations`, { body: { kind: "external", handoff } });
    expect(external.json.error.details.map((d) => d.path)).toEqual(["vendor", "vendorReference", "promisedAt"]);
    expect((await api.call<{ items: unknown[] }>("agent", "GET", `/api/v1/tickets/${number}/escalations`)).json.items).toEqual([]);
  });

  it("previews the customer notice with the ETA without writing", async () => {
    const number = await ticketOfAgent();
    const preview = await api.call<{ etaAt: string; notice: { locale: string; text: string } }>(
      "agent",
      "POST",
      `/api/v1/tickets/${number}/escalations/preview`,
      {
        body: { kind: "functional", toTeamId: billing.id, handoff },
      },
    );
    expect(preview.status).toBe(200);
    // Monday 10:00 in Paris plus 8 business hours on 9–18: Tuesday 09:00.
    expect(preview.json.etaAt).toBe("2026-11-24T08:00:00.000Z");
    expect(preview.json.notice).toEqual({ locale: "fr", text: expect.stringContaining("mardi 24 novembre à 09:00") });
    expect((await api.call<{ items: unknown[] }>("agent", "GET", `/api/v1/tickets/${number}/escalations`)).json.items).toEqual([]);
  });

  describe("an escalation to another team, bounced back", () => {
    let number: number;
    let escalation: EscalationJson;

    it("escalates: the ticket moves to the team unassigned, the customer told", async () => {
      number = await ticketOfAgent();
      const made = await api.call<{ escalation: EscalationJson; ticket: Record<string, unknown>; notice: { text: string } }>(
        "agent",
        "POST",
        `/api/v1/tickets/${number}/escalations`,
        { body: { kind: "functional", toTeamId: billing.id, handoff, notifyCustomer: true } },
      );
      expect(made.status).toBe(201);
      escalation = made.json.escalation;
      expect(escalation).toMatchObject({ status: "open", kind: "functional", toTeamId: billing.id, fromAgentId: api.agents.agent.id, ageSeconds: 0 });
      expect(made.json.ticket).toMatchObject({ teamId: billing.id, assigneeId: null, tier: "L2" });
      expect(made.json.notice.text).toContain("Bonjour Marie Dubois");
      const again = await api.call<ErrorJson>("agent", "POST", `/api/v1/tickets/${number}/escalations`, {
        body: { kind: "functional", toTeamId: billing.id, handoff },
      });
      expect(again.status).toBe(409);
    });

    it("shows it on the board with its age", async () => {
      api.clock.advance(30 * 60_000);
      const board = await api.call<{ items: (EscalationJson & { subject: string; toTeamName: string })[] }>(
        "viewer",
        "GET",
        `/api/v1/escalations?status=open&kind=functional&teamId=${billing.id}`,
      );
      expect(board.status).toBe(200);
      expect(board.json.items.find((e) => e.id === escalation.id)).toMatchObject({ ageSeconds: 1800, toTeamName: "Billing", ticketNumber: number });
      expect((await api.call<ErrorJson>("viewer", "GET", "/api/v1/escalations?status=lost")).status).toBe(400);
    });

    it("lets only the receiving team bounce it, with a reason, and counts the bounce", async () => {
      const outsider = await api.call<ErrorJson>("team_lead", "POST", `/api/v1/escalations/${escalation.id}/bounce`, { body: { reason: "Not ours" } });
      expect(outsider.status).toBe(403);
      const member = { token: billing.member.token };
      const noReason = await api.call<ErrorJson>(member, "POST", `/api/v1/escalations/${escalation.id}/bounce`, { body: {} });
      expect(noReason.status).toBe(400);
      expect(noReason.json.error.details).toEqual([{ path: "reason", code: "required", message: "is required", label: "Reason" }]);
      const bounced = await api.call<{ escalation: EscalationJson; ticket: Record<string, unknown>; bounces: number }>(
        member,
        "POST",
        `/api/v1/escalations/${escalation.id}/bounce`,
        { body: { reason: "A contract question", suggestedTeamId: api.teamId } },
      );
      expect(bounced.status).toBe(200);
      expect(bounced.json).toMatchObject({ bounces: 1, escalation: { status: "bounced", bounceReason: "A contract question" } });
      expect(bounced.json.ticket).toMatchObject({ teamId: api.teamId, assigneeId: api.agents.agent.id, tier: "L1" });
      const list = await api.call<{ items: EscalationJson[]; bounces: number }>("agent", "GET", `/api/v1/tickets/${number}/escalations`);
      expect(list.json.bounces).toBe(1);
      const counts = await api.call<{ escalated: number; bounced: number; sentBack: number }>(
        "viewer",
        "GET",
        `/api/v1/agents/${api.agents.agent.id}/escalations`,
      );
      expect(counts.json.bounced).toBeGreaterThanOrEqual(1);
      // The agents list reads the figures of a page of agents at once: the member sent this one back.
      const before = (await api.call<{ sentBack: number }>("viewer", "GET", `/api/v1/agents/${billing.member.id}/escalations`)).json;
      expect(before.sentBack).toBeGreaterThanOrEqual(1);
      const nobody = "00000000-0000-4000-8000-000000000000";
      const many = await api.call<{ items: { agentId: string; escalated: number; bounced: number; sentBack: number }[] }>(
        "viewer",
        "GET",
        `/api/v1/escalations/by-agent?agentIds=${api.agents.agent.id},${billing.member.id},${nobody}`,
      );
      expect(many.json.items).toEqual([
        { agentId: api.agents.agent.id, ...counts.json },
        { agentId: billing.member.id, escalated: expect.any(Number), bounced: expect.any(Number), sentBack: before.sentBack },
        { agentId: nobody, escalated: 0, bounced: 0, sentBack: 0 },
      ]);
      const bad = await api.call<ErrorJson>("viewer", "GET", "/api/v1/escalations/by-agent?agentIds=not-an-id");
      expect(bad.status).toBe(400);
      expect(bad.json.error.details[0]?.path).toBe("querystring.agentIds");
      const twice = await api.call<ErrorJson>(member, "POST", `/api/v1/escalations/${escalation.id}/accept`);
      expect(twice.status).toBe(409);
    });
  });

  it("requires a root cause to solve an escalated ticket", async () => {
    const number = await ticketOfAgent();
    const made = await api.call<{ escalation: EscalationJson }>("agent", "POST", `/api/v1/tickets/${number}/escalations`, {
      body: { kind: "functional", toTeamId: billing.id, handoff },
    });
    const member = { token: billing.member.token };
    expect((await api.call(member, "POST", `/api/v1/escalations/${made.json.escalation.id}/accept`)).status).toBe(200);
    const refused = await api.call<ErrorJson>(member, "PATCH", `/api/v1/tickets/${number}`, { body: { status: "solved" } });
    expect(refused.status).toBe(400);
    expect(refused.json.error.details.map((d) => d.path)).toEqual(["rootCause"]);
    const unknown = await api.call<ErrorJson>(member, "PATCH", `/api/v1/tickets/${number}`, { body: { status: "solved", rootCause: "bad_luck" } });
    expect(unknown.json.error.details[0]?.message).toContain("product_defect");
    const solved = await api.call<{ status: string }>(member, "PATCH", `/api/v1/tickets/${number}`, {
      body: { status: "solved", rootCause: "product_defect" },
    });
    expect(solved.status).toBe(200);
    expect(solved.json.status).toBe("solved");
    const [resolved] = (await api.call<{ items: EscalationJson[] }>("agent", "GET", `/api/v1/tickets/${number}/escalations`)).json.items;
    expect(resolved).toMatchObject({ status: "resolved", rootCause: "product_defect" });
  });

  it("answers 404 for unknown tickets and escalations, and 403 to customers", async () => {
    const nobody = "00000000-0000-4000-8000-000000000000";
    expect(
      (await api.call("agent", "POST", "/api/v1/tickets/999999/escalations", { body: { kind: "functional", toTeamId: billing.id, handoff } })).status,
    ).toBe(404);
    expect((await api.call("agent", "POST", "/api/v1/tickets/999999/escalations/preview", { body: { kind: "functional", handoff } })).status).toBe(404);
    expect((await api.call("agent", "GET", "/api/v1/tickets/999999/escalations")).status).toBe(404);
    expect((await api.call("agent", "POST", `/api/v1/escalations/${nobody}/accept`)).status).toBe(404);
    expect((await api.call("agent", "POST", `/api/v1/escalations/${nobody}/bounce`, { body: { reason: "Not ours" } })).status).toBe(404);
    expect((await api.call("viewer", "GET", `/api/v1/agents/${nobody}/escalations`)).status).toBe(404);
    const customer = await api.signInCustomer("Jan Peeters", "jan.peeters@example.org");
    expect((await api.call(customer, "GET", "/api/v1/escalations")).status).toBe(403);
  });

  describe("approvals", () => {
    it("refuses an incomplete request naming its fields, and grants within the agent's limit at once", async () => {
      const number = await ticketOfAgent();
      const refused = await api.call<ErrorJson>("agent", "POST", `/api/v1/tickets/${number}/approvals`, { body: { amountCents: 0 } });
      expect(refused.status).toBe(400);
      expect(refused.json.error.details.map((d) => `${d.path} ${d.code}`)).toEqual(["kind required", "amountCents not_positive", "reason required"]);
      const granted = await api.call<{ status: string; approverId: string | null }>("agent", "POST", `/api/v1/tickets/${number}/approvals`, {
        body: { kind: "goodwill", amountCents: 10_00, reason: "Late delivery" },
      });
      expect(granted.status).toBe(201);
      expect(granted.json).toMatchObject({ status: "approved", approverId: null });
    });

    it("asks a manager beyond it, who declines from the notification's approval id", async () => {
      const number = await ticketOfAgent();
      const asked = await api.call<{ id: string; status: string; approverId: string }>("agent", "POST", `/api/v1/tickets/${number}/approvals`, {
        body: { kind: "refund", amountCents: 450_00, reason: "Charged twice" },
      });
      expect(asked.json.status).toBe("pending");
      expect((await api.call<ErrorJson>("agent", "POST", `/api/v1/approvals/${asked.json.id}/approve`)).status).toBe(403);
      const declined = await api.call<{ status: string; decisionNote: string }>("manager", "POST", `/api/v1/approvals/${asked.json.id}/decline`, {
        body: { note: "Refund the second charge only" },
      });
      expect(declined.json).toMatchObject({ status: "declined", decisionNote: "Refund the second charge only" });
      expect((await api.call<ErrorJson>("manager", "POST", `/api/v1/approvals/${asked.json.id}/approve`)).status).toBe(409);
      const list = await api.call<{ items: { status: string }[] }>("viewer", "GET", `/api/v1/tickets/${number}/approvals`);
      expect(list.json.items.map((a) => a.status)).toEqual(["declined"]);
      expect((await api.call("manager", "POST", "/api/v1/approvals/00000000-0000-4000-8000-000000000000/approve")).status).toBe(404);
    });
  });
});
