// Personal API tokens and the security-events list through the HTTP API, in process, on a
// migrated database of each backend.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, buildCustomer } from "../../../test/support/factories.js";
import { describeStore } from "../../../test/support/testDatabase.js";
import { ManualClock } from "../../core/clock.js";
import { createApiToken, setCustomerPassword } from "../../store/accounts.js";
import { agentStore } from "../../store/entities.js";
import { recordSecurityEvent } from "../../store/securityEvents.js";
import { type App, buildApp } from "../app.js";

const START = new Date("2026-11-23T09:00:00Z");

describeStore("token and security-event routes", (get) => {
  const clock = new ManualClock(START);
  let app: App;
  let admin: { id: string; token: string };
  let agent: { id: string; token: string };
  let viewer: { id: string; token: string };

  const newAgent = async (email: string, role: "admin" | "agent" | "viewer") => {
    const row = await buildAgent(get().db, { email, role, now: clock.now() });
    const { token } = await createApiToken(get().db, { agentId: row.id, name: "setup", now: clock.now() });
    return { id: row.id, token };
  };
  const as = (caller: { token: string }) => ({ authorization: `Bearer ${caller.token}` });

  beforeAll(async () => {
    app = await buildApp({ database: get(), clock });
    admin = await newAgent("root@example.com", "admin");
    agent = await newAgent("alex@example.com", "agent");
    viewer = await newAgent("vera@example.com", "viewer");
  });
  afterAll(async () => {
    await app.close();
  });

  describe("tokens", () => {
    it("creates a token shown once, lists it without its value, and revokes it", async () => {
      clock.advance(60_000);
      const created = await app.inject({ method: "POST", url: "/api/v1/tokens", headers: as(agent), payload: { name: "  CI deploys " } });
      expect(created.statusCode).toBe(201);
      const body = created.json<{ id: string; name: string; prefix: string; token: string }>();
      expect(body).toEqual({
        id: expect.any(String),
        name: "CI deploys",
        prefix: body.token.slice(0, 8),
        token: expect.stringMatching(/^plr_[A-Za-z0-9_-]{43}$/),
      });

      // The new token works, and acts as its owner.
      const me = await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { authorization: `Bearer ${body.token}` } });
      expect(me.json().principal).toMatchObject({ kind: "agent", id: agent.id, role: "agent" });

      const list = await app.inject({ method: "GET", url: "/api/v1/tokens", headers: as(agent) });
      expect(list.statusCode).toBe(200);
      const items = list.json<{ items: Record<string, unknown>[] }>().items;
      expect(items.map((t) => t.name)).toEqual(["CI deploys", "setup"]);
      expect(items[0]).toEqual({
        id: body.id,
        name: "CI deploys",
        prefix: body.prefix,
        createdAt: clock.now().toISOString(),
        lastUsedAt: clock.now().toISOString(),
        revokedAt: null,
      });
      expect(JSON.stringify(items)).not.toContain(body.token.slice(8));
      expect(Object.keys(items[0] ?? {})).not.toContain("tokenHash");

      clock.advance(60_000);
      const revoked = await app.inject({ method: "DELETE", url: `/api/v1/tokens/${body.id}`, headers: as(agent) });
      expect(revoked.statusCode).toBe(204);
      const after = await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { authorization: `Bearer ${body.token}` } });
      expect(after.statusCode).toBe(401);
      expect(after.json().error).toEqual({ code: "unauthorized", message: "this API token is unknown or revoked", details: [] });
      const listed = await app.inject({ method: "GET", url: "/api/v1/tokens", headers: as(agent) });
      expect(listed.json().items[0]).toMatchObject({ id: body.id, revokedAt: clock.now().toISOString() });
      // Revoking again changes nothing.
      expect((await app.inject({ method: "DELETE", url: `/api/v1/tokens/${body.id}`, headers: as(agent) })).statusCode).toBe(204);
    });

    it("lists only the caller's own tokens, and someone else's token is a 404", async () => {
      const list = await app.inject({ method: "GET", url: "/api/v1/tokens", headers: as(viewer) });
      expect(list.json().items.map((t: { name: string }) => t.name)).toEqual(["setup"]);
      const adminsToken = (await app.inject({ method: "POST", url: "/api/v1/tokens", headers: as(admin), payload: { name: "admin's" } })).json<{
        id: string;
      }>();
      const steal = await app.inject({ method: "DELETE", url: `/api/v1/tokens/${adminsToken.id}`, headers: as(agent) });
      expect(steal.statusCode).toBe(404);
      expect(steal.json().error.code).toBe("not_found");
      const adminList = await app.inject({ method: "GET", url: "/api/v1/tokens", headers: as(admin) });
      expect(adminList.json().items.find((t: { id: string }) => t.id === adminsToken.id).revokedAt).toBeNull();
      for (const id of ["00000000-0000-0000-0000-000000000000", "not-a-uuid"]) {
        expect((await app.inject({ method: "DELETE", url: `/api/v1/tokens/${id}`, headers: as(agent) })).statusCode).toBe(404);
      }
    });

    it("lets a viewer hold tokens, and refuses customers (403) and anonymous callers (401)", async () => {
      expect((await app.inject({ method: "POST", url: "/api/v1/tokens", headers: as(viewer), payload: { name: "read-only export" } })).statusCode).toBe(201);

      const customer = await buildCustomer(get().db, { email: "carl@example.org", now: clock.now() });
      await setCustomerPassword(get().db, customer.id, "customer password");
      const login = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "carl@example.org", password: "customer password", scope: "customer" },
      });
      const cookie = login.cookies.find((c) => c.name === "palier_session")?.value as string;
      const headers = { "x-csrf-token": login.json().csrfToken };
      const denied = await app.inject({ method: "POST", url: "/api/v1/tokens", cookies: { palier_session: cookie }, headers, payload: { name: "mine" } });
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error).toEqual({ code: "forbidden", message: "you do not have the permission tokens.own", details: [] });
      expect((await app.inject({ method: "GET", url: "/api/v1/tokens", cookies: { palier_session: cookie } })).statusCode).toBe(403);

      const anonymous = await app.inject({ method: "GET", url: "/api/v1/tokens" });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.code).toBe("unauthorized");
    });

    it("validates the name", async () => {
      for (const payload of [{}, { name: "" }, { name: "   " }, { name: "x".repeat(101) }, { name: "ok", scopes: ["all"] }]) {
        const response = await app.inject({ method: "POST", url: "/api/v1/tokens", headers: as(agent), payload });
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(response.json().error.code).toBe("invalid_request");
      }
    });

    it("acts with its owner's current role", async () => {
      const promoted = await newAgent("pat@example.com", "agent");
      expect((await app.inject({ method: "GET", url: "/api/v1/security-events", headers: as(promoted) })).statusCode).toBe(403);
      await agentStore.update(get().db, promoted.id, { role: "admin" }, clock.now());
      expect((await app.inject({ method: "GET", url: "/api/v1/security-events", headers: as(promoted) })).statusCode).toBe(200);
      await agentStore.update(get().db, promoted.id, { active: false }, clock.now());
      expect((await app.inject({ method: "GET", url: "/api/v1/security-events", headers: as(promoted) })).statusCode).toBe(401);
    });
  });

  describe("security events", () => {
    it("records token_created and token_revoked, and lists them newest first to admins", async () => {
      const created = (await app.inject({ method: "POST", url: "/api/v1/tokens", headers: as(agent), payload: { name: "audited" } })).json<{
        id: string;
        prefix: string;
      }>();
      await app.inject({ method: "DELETE", url: `/api/v1/tokens/${created.id}`, headers: as(agent) });
      const response = await app.inject({ method: "GET", url: "/api/v1/security-events?limit=2", headers: as(admin) });
      expect(response.statusCode).toBe(200);
      const page = response.json<{ items: Record<string, unknown>[]; nextCursor: string | null }>();
      expect(page.items).toEqual([
        {
          id: expect.any(Number),
          at: clock.now().toISOString(),
          type: "token_revoked",
          agentId: agent.id,
          customerId: null,
          ip: "127.0.0.1",
          data: { tokenId: created.id, name: "audited", prefix: created.prefix },
        },
        {
          id: expect.any(Number),
          at: clock.now().toISOString(),
          type: "token_created",
          agentId: agent.id,
          customerId: null,
          ip: "127.0.0.1",
          data: { tokenId: created.id, name: "audited", prefix: created.prefix },
        },
      ]);
      expect(page.nextCursor).toEqual(expect.any(String));
      const next = await app.inject({ method: "GET", url: `/api/v1/security-events?limit=2&cursor=${page.nextCursor}`, headers: as(admin) });
      const older = next.json<{ items: { id: number }[] }>().items;
      expect(older.length).toBeGreaterThan(0);
      expect(older.every((event) => event.id < (page.items[1]?.id as number))).toBe(true);
    });

    it("records role changes through recordSecurityEvent", async () => {
      await recordSecurityEvent(get().db, {
        type: "role_changed",
        at: clock.now(),
        agentId: viewer.id,
        ip: "203.0.113.9",
        data: { from: "viewer", to: "agent", changedBy: admin.id },
      });
      const latest = (await app.inject({ method: "GET", url: "/api/v1/security-events?limit=1", headers: as(admin) })).json().items[0];
      expect(latest).toMatchObject({ type: "role_changed", agentId: viewer.id, ip: "203.0.113.9", data: { from: "viewer", to: "agent", changedBy: admin.id } });
    });

    it("is for admins only, and refuses a cursor it did not make", async () => {
      for (const caller of [agent, viewer]) {
        const response = await app.inject({ method: "GET", url: "/api/v1/security-events", headers: as(caller) });
        expect(response.statusCode).toBe(403);
        expect(response.json().error.message).toContain("security.read");
      }
      expect((await app.inject({ method: "GET", url: "/api/v1/security-events" })).statusCode).toBe(401);
      const bad = await app.inject({ method: "GET", url: "/api/v1/security-events?cursor=bogus", headers: as(admin) });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details).toEqual([{ path: "cursor", code: "invalid", message: "is not a cursor from a previous page" }]);
      const limit = await app.inject({ method: "GET", url: "/api/v1/security-events?limit=0", headers: as(admin) });
      expect(limit.statusCode).toBe(400);
      expect(limit.json().error.details[0].path).toBe("querystring.limit");
    });
  });
});
