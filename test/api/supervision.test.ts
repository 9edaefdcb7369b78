// Leads and managers stepping in, over HTTP: taking a ticket over (refused to agents, its
// problems named in the reader's language, the timeline telling who took it from whom), and
// internal notes that mention agents, with a suggested reply, each bad field named.

import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTicket } from "../support/factories.js";
import { describeStore } from "../support/testDatabase.js";
import { type ApiHarness, type ErrorJson, openApi } from "./harness.js";

interface MessageJson {
  message: { id: string; kind: string; mentions?: string[]; suggestion?: boolean };
}

describeStore("take-over and mention routes", (get) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  const agentTicket = async () =>
    (await buildTicket(api.db, { now: api.clock.now(), teamId: api.teamId, assigneeId: api.agents.agent.id, message: null })).ticket.number;

  it("refuses an agent with a 403 and lets a team lead take the ticket over, the timeline naming both", async () => {
    const number = await agentTicket();
    const refused = await api.call<ErrorJson>("agent", "POST", `/api/v1/tickets/${number}/take-over`, { body: {} });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toContain("tickets.supervise");
    const taken = await api.call<{ ticket: { assigneeId: string; followers: string[] }; fromAgentId: string }>(
      "team_lead",
      "POST",
      `/api/v1/tickets/${number}/take-over`,
      { body: { reason: "VIP customer" } },
    );
    expect(taken.status).toBe(200);
    expect(taken.json.fromAgentId).toBe(api.agents.agent.id);
    expect(taken.json.ticket.assigneeId).toBe(api.agents.team_lead.id);
    expect(taken.json.ticket.followers).toContain(api.agents.agent.id);
    const events = await api.call<{ items: { type: string; data: Record<string, unknown>; reason: string | null }[] }>(
      "manager",
      "GET",
      `/api/v1/tickets/${number}/events`,
    );
    expect(events.json.items.find((e) => e.type === "take_over")).toMatchObject({
      data: { fromAgentId: api.agents.agent.id, toAgentId: api.agents.team_lead.id, reason: "VIP customer" },
      reason: "taken over: VIP customer",
    });
    const again = await api.call<ErrorJson>("team_lead", "POST", `/api/v1/tickets/${number}/take-over`, {
      body: { reason: "y".repeat(2001) },
      headers: { "accept-language": "fr-BE" },
    });
    expect(again.status).toBe(400);
    expect(again.json.error.details.map((d) => d.path)).toEqual(["reason", "assigneeId"]);
    expect(again.json.error.message).toBe("Motif : doit compter au plus 2000 caractères; Responsable : est déjà vous : le ticket est à vous");
    expect((await api.call("manager", "POST", "/api/v1/tickets/999999/take-over", { body: {} })).status).toBe(404);
  });

  it("keeps a note's mentions and a lead's suggested reply, naming each bad field", async () => {
    const number = await agentTicket();
    const note = await api.call<MessageJson>("team_lead", "POST", `/api/v1/tickets/${number}/messages`, {
      body: { kind: "note", text: "Send them this, please.", mentions: [api.agents.agent.id], suggestion: true },
    });
    expect(note.status).toBe(201);
    expect(note.json.message).toMatchObject({ kind: "note", mentions: [api.agents.agent.id], suggestion: true });
    const listed = await api.call<{ items: MessageJson["message"][] }>("agent", "GET", `/api/v1/tickets/${number}/messages`);
    expect(listed.json.items.find((m) => m.id === note.json.message.id)).toMatchObject({ mentions: [api.agents.agent.id], suggestion: true });

    const bad = await api.call<ErrorJson>("agent", "POST", `/api/v1/tickets/${number}/messages`, {
      body: { kind: "note", text: "x", mentions: ["not-an-agent"], suggestion: true },
      headers: { "accept-language": "nl-BE" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d) => `${d.path} ${d.code}`)).toEqual(["mentions[0] unknown_agent", "suggestion not_a_lead"]);
    expect(bad.json.error.message).toContain("Vermelding 1: noemt geen bestaande medewerker");
    const alone = await api.call<ErrorJson>("manager", "POST", `/api/v1/tickets/${number}/messages`, { body: { kind: "note", text: "x", suggestion: true } });
    expect(alone.json.error.details.map((d) => `${d.path} ${d.code}`)).toEqual(["suggestion mention_required"]);
    const reply = await api.call<ErrorJson>("agent", "POST", `/api/v1/tickets/${number}/messages`, { body: { text: "x", mentions: [api.agents.manager.id] } });
    expect(reply.json.error.details.map((d) => `${d.path} ${d.code}`)).toEqual(["mentions internal_only"]);
  });
});
