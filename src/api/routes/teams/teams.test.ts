// Teams through the HTTP API: the shared resource checks and the team lead reference.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityChecks } from "../../../../test/api/entityChecks.js";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";

describeStore("team routes", (get) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  describe("as a resource", () => {
    entityChecks(() => api, {
      path: "/api/v1/teams",
      writer: "manager",
      reader: "team_lead",
      create: (name, n) => ({ name, email: `team${n}@example.org` }),
      change: { email: "renamed@example.org" },
    });
  });

  it("sets a lead among the agents, and refuses one that does not exist", async () => {
    const team = await api.call<{ id: string; leadId: string | null }>("manager", "POST", "/api/v1/teams", {
      body: { name: "Niveau 2", leadId: api.agents.team_lead.id },
    });
    expect(team.json.leadId).toBe(api.agents.team_lead.id);
    const cleared = await api.call<{ leadId: string | null }>("manager", "PATCH", `/api/v1/teams/${team.json.id}`, { body: { leadId: null } });
    expect(cleared.json.leadId).toBeNull();
    const broken = await api.call<ErrorJson>("manager", "PATCH", `/api/v1/teams/${team.json.id}`, { body: { leadId: "00000000-0000-4000-8000-000000000000" } });
    expect(broken.status).toBe(400);
    expect(broken.json.error.details[0]?.path).toBe("leadId");
  });

  it("sets the assignment strategy and tier, refusing a strategy it does not know by its field", async () => {
    const team = await api.call<{ id: string; assignment: string; tier: string | null; onCallScheduleId: string | null }>("manager", "POST", "/api/v1/teams", {
      body: { name: "Routage", assignment: "round_robin", tier: "L2" },
    });
    expect(team.json).toMatchObject({ assignment: "round_robin", tier: "L2", onCallScheduleId: null });
    const bad = await api.call<ErrorJson>("manager", "PATCH", `/api/v1/teams/${team.json.id}`, { body: { assignment: "random" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0]?.path).toBe("assignment");
    const noSchedule = await api.call<ErrorJson>("manager", "PATCH", `/api/v1/teams/${team.json.id}`, {
      body: { onCallScheduleId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(noSchedule.status).toBe(400);
    expect(noSchedule.json.error.details[0]?.path).toBe("onCallScheduleId");
  });

  it("keeps the signatures of the team's e-mail replies per language, refusing an unknown language or an overlong one", async () => {
    const team = await api.call<{ id: string; signatures: Record<string, string> }>("manager", "POST", "/api/v1/teams", { body: { name: "Signée" } });
    expect(team.json.signatures).toEqual({});
    const saved = await api.call<{ signatures: Record<string, string> }>("manager", "PATCH", `/api/v1/teams/${team.json.id}`, {
      body: { signatures: { fr: "L'équipe Signée\nPalier SA", nl: "Het team" } },
    });
    expect(saved.status).toBe(200);
    expect(saved.json.signatures).toEqual({ fr: "L'équipe Signée\nPalier SA", nl: "Het team" });
    const unknown = await api.call<ErrorJson>("manager", "PATCH", `/api/v1/teams/${team.json.id}`, { body: { signatures: { de: "Das Team" } } });
    expect(unknown.status).toBe(400);
    const long = await api.call<ErrorJson>("manager", "PATCH", `/api/v1/teams/${team.json.id}`, { body: { signatures: { en: "x".repeat(2001) } } });
    expect(long.status).toBe(400);
    expect(long.json.error.details[0]?.path).toBe("signatures.en");
  });

  it("shows the team's queue oldest first: tickets nobody available could take", async () => {
    const team = await api.call<{ id: string }>("manager", "POST", "/api/v1/teams", { body: { name: "File d'attente", assignment: "load_balanced" } });
    const customer = await api.call<{ id: string }>("agent", "POST", "/api/v1/customers", { body: { name: "Queue Customer", email: "queue@example.org" } });
    const numbers: number[] = [];
    for (const subject of ["Premier", "Second"]) {
      const created = await api.call<{ ticket: { number: number; assigneeId: string | null } }>("agent", "POST", "/api/v1/tickets", {
        body: { subject, channel: "email", customerId: customer.json.id, teamId: team.json.id },
      });
      expect(created.json.ticket.assigneeId).toBeNull();
      numbers.push(created.json.ticket.number);
    }
    const queue = await api.call<{ items: { number: number; subject: string; queuedAt: string }[] }>("team_lead", "GET", `/api/v1/teams/${team.json.id}/queue`);
    expect(queue.status).toBe(200);
    expect(queue.json.items.map((t) => t.number)).toEqual(numbers);
    const missing = await api.call<ErrorJson>("team_lead", "GET", "/api/v1/teams/00000000-0000-4000-8000-000000000000/queue");
    expect(missing.status).toBe(404);
  });
});
