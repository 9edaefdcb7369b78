// Agents through the HTTP API: the shared resource checks, filters, no password hash ever,
// role changes recorded as security events, and a generated one-time password.

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityChecks } from "../../../../test/api/entityChecks.js";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore, selectRows } from "../../../../test/support/testDatabase.js";
import { checkCredentials, setAgentPassword } from "../../../store/accounts.js";

describeStore("agent routes", (get) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  describe("as a resource", () => {
    entityChecks(() => api, {
      path: "/api/v1/agents",
      writer: "admin",
      reader: "manager",
      create: (name, n) => ({ name, email: `agent${n}@example.org`, languages: ["fr", "nl"] }),
      change: { capacity: 12, skills: ["billing"] },
    });
  });

  it("never shows a password hash", async () => {
    await setAgentPassword(api.db, api.agents.agent.id, "a long enough password");
    const one = await api.call("viewer", "GET", `/api/v1/agents/${api.agents.agent.id}`);
    const all = await api.call("viewer", "GET", "/api/v1/agents?limit=200");
    expect(JSON.stringify([one.json, all.json])).not.toMatch(/password|argon2/i);
  });

  it("filters by team, role and activity", async () => {
    const byRole = await api.call<{ items: { id: string }[] }>("viewer", "GET", "/api/v1/agents?role=team_lead");
    expect(byRole.json.items.map((a) => a.id)).toEqual([api.agents.team_lead.id]);
    const byTeam = await api.call<{ items: { id: string }[] }>("viewer", "GET", `/api/v1/agents?team=${api.teamId}`);
    expect(byTeam.json.items).toHaveLength(5);
    const gone = await api.call<{ id: string }>("admin", "POST", "/api/v1/agents", { body: { name: "Parti", email: "parti@example.org", active: false } });
    const inactive = await api.call<{ items: { id: string }[] }>("viewer", "GET", "/api/v1/agents?active=false");
    expect(inactive.json.items.map((a) => a.id)).toEqual([gone.json.id]);
  });

  it("records a role change as a security event, with who made it, in the same write", async () => {
    const { json: agent } = await api.call<{ id: string }>("admin", "POST", "/api/v1/agents", { body: { name: "Promue", email: "promue@example.org" } });
    api.clock.advance(60_000);
    const promoted = await api.call<{ role: string }>("admin", "PATCH", `/api/v1/agents/${agent.id}`, { body: { role: "team_lead" } });
    expect(promoted.json.role).toBe("team_lead");
    await api.call("admin", "PATCH", `/api/v1/agents/${agent.id}`, { body: { role: "team_lead", capacity: 5 } });
    const events = await selectRows<{ type: string; at: Date; data: Record<string, unknown> }>(
      get(),
      sql`select type, at, data from security_events where agent_id = ${agent.id} order by id`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "role_changed", data: { from: "agent", to: "team_lead", changedBy: api.agents.admin.id } });
    expect(new Date(events[0]?.at as Date).toISOString()).toBe(api.clock.now().toISOString());

    const stale = await api.call<ErrorJson>("admin", "PATCH", `/api/v1/agents/${agent.id}`, { body: { role: "admin", version: 1 } });
    expect(stale.status).toBe(409);
    const after = await selectRows<{ n: number }>(get(), sql`select count(*)::int as n from security_events where agent_id = ${agent.id}`);
    expect(after[0]?.n).toBe(1);
    expect((await api.call<ErrorJson>("manager", "PATCH", `/api/v1/agents/${agent.id}`, { body: { role: "admin" } })).status).toBe(403);
  });

  it("gives a new agent a generated password, shown once, that signs them in", async () => {
    const { json: agent } = await api.call<{ id: string }>("admin", "POST", "/api/v1/agents", { body: { name: "Nouvelle", email: "nouvelle@example.org" } });
    const before = await checkCredentials(api.db, { email: "nouvelle@example.org", password: "anything at all", scope: "agent" });
    expect(before).toMatchObject({ ok: false, reason: "no_password" });

    const first = await api.call<{ password: string }>("admin", "POST", `/api/v1/agents/${agent.id}/password`);
    expect(first.status).toBe(200);
    expect(first.json.password.length).toBeGreaterThanOrEqual(20);
    const signedIn = await checkCredentials(api.db, { email: "nouvelle@example.org", password: first.json.password, scope: "agent" });
    expect(signedIn.ok).toBe(true);
    const login = await api.call("anonymous", "POST", "/api/v1/auth/login", { body: { email: "nouvelle@example.org", password: first.json.password } });
    expect(login.status).toBe(200);

    // A second one replaces the first and ends the session the first one opened.
    const second = await api.call<{ password: string }>("admin", "POST", `/api/v1/agents/${agent.id}/password`);
    expect(second.json.password).not.toBe(first.json.password);
    expect((await checkCredentials(api.db, { email: "nouvelle@example.org", password: first.json.password, scope: "agent" })).ok).toBe(false);
    // Nothing of it shows when the agent is read back.
    const read = await api.call("admin", "GET", `/api/v1/agents/${agent.id}`);
    expect(JSON.stringify(read.json)).not.toContain(second.json.password);
    // Each is a security event naming the admin; the ended session is one too.
    const events = await selectRows<{ type: string; data: Record<string, unknown> }>(
      get(),
      sql`select type, data from security_events where agent_id = ${agent.id} order by id`,
    );
    const admin = api.agents.admin.id;
    expect(events).toEqual([
      { type: "password_set", data: { changedBy: admin } },
      { type: "login", data: { scope: "agent" } },
      { type: "password_set", data: { changedBy: admin } },
      { type: "sessions_ended", data: { sessions: 1, why: "password_set", changedBy: admin } },
    ]);
  });

  it("lets only admins set a password, and only an existing agent's", async () => {
    const target = api.agents.agent.id;
    expect((await api.call<ErrorJson>("manager", "POST", `/api/v1/agents/${target}/password`)).status).toBe(403);
    expect((await api.call<ErrorJson>("anonymous", "POST", `/api/v1/agents/${target}/password`)).status).toBe(401);
    expect((await api.call<ErrorJson>("admin", "POST", "/api/v1/agents/00000000-0000-4000-8000-000000000000/password")).status).toBe(404);
  });

  it("keeps routing's skills, capacity and out-of-office, refusing an absence that ends before it starts by its field", async () => {
    const created = await api.call<Record<string, unknown> & { id: string }>("admin", "POST", "/api/v1/agents", {
      body: {
        name: "Sanne",
        email: "sanne.routing@example.org",
        languages: ["nl", "en"],
        skills: ["billing"],
        products: ["lumio"],
        channels: ["email", "phone"],
        capacity: 12,
        outOfOfficeFrom: "2026-12-21T00:00:00Z",
        outOfOfficeUntil: "2027-01-04T00:00:00Z",
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      skills: ["billing"],
      products: ["lumio"],
      channels: ["email", "phone"],
      capacity: 12,
      openTickets: 0,
      outOfOfficeFrom: "2026-12-21T00:00:00.000Z",
      outOfOfficeUntil: "2027-01-04T00:00:00.000Z",
    });
    const early = await api.call<ErrorJson>("admin", "PATCH", `/api/v1/agents/${created.json.id}`, { body: { outOfOfficeUntil: "2026-12-20T00:00:00Z" } });
    expect(early.status).toBe(400);
    expect(early.json.error.details[0]?.path).toBe("outOfOfficeUntil");
    const back = await api.call<{ outOfOfficeFrom: string | null }>("admin", "PATCH", `/api/v1/agents/${created.json.id}`, {
      body: { outOfOfficeFrom: null, outOfOfficeUntil: null },
    });
    expect(back.json.outOfOfficeFrom).toBeNull();
    const channel = await api.call<ErrorJson>("admin", "PATCH", `/api/v1/agents/${created.json.id}`, { body: { channels: ["pigeon"] } });
    expect(channel.status).toBe(400);
    expect(channel.json.error.details[0]?.path).toMatch(/^channels/);
  });
});
