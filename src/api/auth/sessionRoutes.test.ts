// Sign-in, sign-out, me, session expiry, CSRF and sign-in throttling through the HTTP API, in
// process (app.inject) on a migrated database of each backend, with a manual clock.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, buildCustomer } from "../../../test/support/factories.js";
import { describeStore } from "../../../test/support/testDatabase.js";
import { ManualClock } from "../../core/clock.js";
import { createApiToken, setAgentPassword, setCustomerPassword } from "../../store/accounts.js";
import { agentStore } from "../../store/entities.js";
import {
  LOGIN_FAILURE_WINDOW_MS,
  LOGIN_FAILURES_PER_EMAIL,
  LOGIN_FAILURES_PER_IP,
  listSecurityEvents,
  recordSecurityEvent,
} from "../../store/securityEvents.js";
import { SESSION_IDLE_MS, SESSION_MAX_MS } from "../../store/sessions.js";
import { type App, buildApp } from "../app.js";
import { LOGIN_BURST } from "./loginRateLimit.js";

const START = new Date("2026-11-23T09:00:00Z");
const PASSWORD = "correct horse battery";
const HOUR = 60 * 60_000;

describeStore("session routes", (get) => {
  const clock = new ManualClock(START);
  let app: App;
  let agentId: string;
  let customerId: string;
  // Each test signs in from its own address, so that per-address limits do not leak across tests.
  let lastIp = 0;
  const nextIp = () => `198.51.100.${++lastIp}`;

  beforeAll(async () => {
    const { db } = get();
    app = await buildApp({ database: get(), clock });
    const agent = await buildAgent(db, { name: "Ada Agent", email: "Ada@Example.com", role: "team_lead", locale: "fr", now: clock.now() });
    agentId = agent.id;
    await setAgentPassword(db, agentId, PASSWORD);
    const inactive = await buildAgent(db, { email: "ina@example.com", active: false, now: clock.now() });
    await setAgentPassword(db, inactive.id, PASSWORD);
    const customer = await buildCustomer(db, { name: "Carla Customer", email: "carla@example.org", language: "de", now: clock.now() });
    customerId = customer.id;
    await setCustomerPassword(db, customerId, PASSWORD);
    await buildCustomer(db, { email: "nopass@example.org", now: clock.now() });
  });
  afterAll(async () => {
    await app.close();
  });

  const login = (body: Record<string, unknown>, ip = nextIp()) => app.inject({ method: "POST", url: "/api/v1/auth/login", payload: body, remoteAddress: ip });
  const sessionCookie = (response: { cookies: { name: string; value: string }[] }) => {
    const cookie = response.cookies.find((c) => c.name === "palier_session");
    if (!cookie) throw new Error("no palier_session cookie in the response");
    return cookie.value;
  };
  const signIn = async () => {
    const response = await login({ email: "ada@example.com", password: PASSWORD });
    expect(response.statusCode).toBe(200);
    return { token: sessionCookie(response), csrfToken: response.json<{ csrfToken: string }>().csrfToken };
  };
  const me = (token: string) => app.inject({ method: "GET", url: "/api/v1/auth/me", cookies: { palier_session: token } });

  describe("login", () => {
    it("signs an agent in with an HTTP-only, SameSite=Lax cookie and answers the principal and a CSRF token", async () => {
      const response = await login({ email: "  ADA@example.com ", password: PASSWORD });
      expect(response.statusCode).toBe(200);
      const body = response.json<{ principal: unknown; csrfToken: string }>();
      expect(body.principal).toEqual({
        kind: "agent",
        id: agentId,
        name: "Ada Agent",
        email: "Ada@Example.com",
        role: "team_lead",
        teamId: null,
        locale: "fr",
        timeZone: null,
      });
      expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const cookie = response.cookies.find((c) => c.name === "palier_session");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", maxAge: SESSION_MAX_MS / 1000 });
      expect(cookie?.secure).toBeFalsy();
      expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it("answers 401 with one generic message for a wrong password, an unknown e-mail, an inactive agent and no password", async () => {
      const attempts = [
        { email: "ada@example.com", password: "wrong password!" },
        { email: "nobody@example.com", password: PASSWORD },
        { email: "ina@example.com", password: PASSWORD },
        { email: "nopass@example.org", password: PASSWORD, scope: "customer" },
        { email: "carla@example.org", password: PASSWORD }, // a customer, but scope agent
      ];
      for (const attempt of attempts) {
        const response = await login(attempt);
        expect(response.statusCode, attempt.email).toBe(401);
        expect(response.json()).toEqual({ error: { code: "unauthorized", message: "wrong e-mail or password", details: [] } });
        expect(response.cookies.find((c) => c.name === "palier_session" && c.value !== "")).toBeUndefined();
      }
    });

    it("signs a customer in with scope customer", async () => {
      const response = await login({ email: "carla@example.org", password: PASSWORD, scope: "customer" });
      expect(response.statusCode).toBe(200);
      expect(response.json().principal).toEqual({
        kind: "customer",
        id: customerId,
        name: "Carla Customer",
        email: "carla@example.org",
        language: "de",
        timeZone: null,
      });
      const who = await me(sessionCookie(response));
      expect(who.json().principal.kind).toBe("customer");
    });

    it("rejects unknown fields and a bad scope with 400 naming them", async () => {
      const extra = await login({ email: "ada@example.com", password: PASSWORD, remember: true });
      expect(extra.statusCode).toBe(400);
      expect(extra.json().error.details).toContainEqual({ path: "remember", code: "unknown_field", message: "is not a known field" });
      const scope = await login({ email: "ada@example.com", password: PASSWORD, scope: "admin" });
      expect(scope.statusCode).toBe(400);
      expect(scope.json().error.details[0].path).toBe("scope");
      const nul = await login({ email: "ada@example.com\u0000", password: PASSWORD });
      expect(nul.statusCode).toBe(400);
      expect(nul.json().error.details).toEqual([{ path: "email", code: "nul_character", message: "must not contain the NUL character (U+0000)" }]);
    });

    it("takes JSON only, so that a cross-site form cannot post a login", async () => {
      for (const contentType of ["text/plain", "application/x-www-form-urlencoded"]) {
        const response = await app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          headers: { "content-type": contentType },
          payload: "email=ada@example.com&password=x",
          remoteAddress: nextIp(),
        });
        expect(response.statusCode, contentType).toBe(415);
        expect(response.json().error.code).toBe("unsupported_media_type");
      }
    });

    it("sets the Secure flag when the app says so", async () => {
      const secureApp = await buildApp({ database: get(), clock, secureCookies: true });
      try {
        const response = await secureApp.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { email: "ada@example.com", password: PASSWORD },
          remoteAddress: nextIp(),
        });
        expect(response.cookies.find((c) => c.name === "palier_session")?.secure).toBe(true);
      } finally {
        await secureApp.close();
      }
    });

    it("ends the session the browser came with", async () => {
      const first = await signIn();
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "ada@example.com", password: PASSWORD },
        cookies: { palier_session: first.token },
        remoteAddress: nextIp(),
      });
      expect(response.statusCode).toBe(200);
      expect(sessionCookie(response)).not.toBe(first.token);
      expect((await me(first.token)).statusCode).toBe(401);
      // A stale cookie is replaced by the new one, not cleared after it.
      const stale = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "ada@example.com", password: PASSWORD },
        cookies: { palier_session: "stale" },
        remoteAddress: nextIp(),
      });
      const set = stale.cookies.filter((c) => c.name === "palier_session");
      expect(set).toHaveLength(1);
      expect((await me(set[0]?.value as string)).statusCode).toBe(200);
    });
  });

  describe("me and logout", () => {
    it("answers the caller and the session's CSRF token", async () => {
      const { token, csrfToken } = await signIn();
      const response = await me(token);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        principal: { kind: "agent", id: agentId, name: "Ada Agent", email: "Ada@Example.com", role: "team_lead", teamId: null, locale: "fr", timeZone: null },
        csrfToken,
      });
    });

    it("answers 401 without a session, and for an unknown cookie (which it clears)", async () => {
      const anonymous = await app.inject({ method: "GET", url: "/api/v1/auth/me" });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.code).toBe("unauthorized");
      const unknown = await me("not-a-session");
      expect(unknown.statusCode).toBe(401);
      expect(unknown.cookies.find((c) => c.name === "palier_session")?.value).toBe("");
    });

    it("answers csrfToken null for a Bearer caller", async () => {
      const { token } = await createApiToken(get().db, { agentId, name: "me test", now: clock.now() });
      const response = await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { authorization: `Bearer ${token}` } });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ principal: { kind: "agent", id: agentId }, csrfToken: null });
    });

    it("logs out: 204, the session is gone and the cookie cleared", async () => {
      const { token, csrfToken } = await signIn();
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/auth/logout",
        cookies: { palier_session: token },
        headers: { "x-csrf-token": csrfToken },
      });
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe("");
      const cleared = response.cookies.find((c) => c.name === "palier_session");
      expect(cleared?.value).toBe("");
      expect(cleared?.expires?.getTime()).toBeLessThanOrEqual(0);
      expect((await me(token)).statusCode).toBe(401);
    });
  });

  describe("expiry", () => {
    it("slides 12 hours from the last request, and ends after 12 idle hours", async () => {
      const { token } = await signIn();
      clock.advance(SESSION_IDLE_MS - HOUR);
      expect((await me(token)).statusCode).toBe(200); // slides the expiry to now + 12 h
      clock.advance(SESSION_IDLE_MS - HOUR);
      expect((await me(token)).statusCode).toBe(200);
      clock.advance(SESSION_IDLE_MS);
      const expired = await me(token);
      expect(expired.statusCode).toBe(401);
      expect(expired.cookies.find((c) => c.name === "palier_session")?.value).toBe("");
      expect((await me(token)).statusCode).toBe(401); // and deleted, not only refused
    });

    it("ends 7 days after sign-in however active the session is", async () => {
      const { token } = await signIn();
      const elevenHours = SESSION_IDLE_MS - HOUR;
      for (let elapsed = elevenHours; elapsed < SESSION_MAX_MS; elapsed += elevenHours) {
        clock.advance(elevenHours);
        expect((await me(token)).statusCode).toBe(200);
      }
      clock.advance(elevenHours);
      expect((await me(token)).statusCode).toBe(401);
    });

    it("ends when the agent is deactivated", async () => {
      const db = get().db;
      const other = await buildAgent(db, { email: "soon.gone@example.com", now: clock.now() });
      await setAgentPassword(db, other.id, PASSWORD);
      const response = await login({ email: "soon.gone@example.com", password: PASSWORD });
      const token = sessionCookie(response);
      expect((await me(token)).statusCode).toBe(200);
      await agentStore.update(db, other.id, { active: false }, clock.now());
      expect((await me(token)).statusCode).toBe(401);
    });
  });

  describe("CSRF", () => {
    it("refuses a cookie-authenticated write without X-CSRF-Token, or with a wrong one, with 403 csrf", async () => {
      const { token, csrfToken } = await signIn();
      for (const headers of [{}, { "x-csrf-token": "wrong" }, { "x-csrf-token": `${csrfToken}x` }]) {
        const response = await app.inject({
          method: "POST",
          url: "/api/v1/tokens",
          cookies: { palier_session: token },
          headers,
          payload: { name: "csrf test" },
        });
        expect(response.statusCode).toBe(403);
        expect(response.json().error).toMatchObject({ code: "csrf", details: [] });
        expect(response.json().error.message).toContain("X-CSRF-Token");
      }
      for (const method of ["DELETE", "PATCH", "PUT"] as const) {
        const response = await app.inject({ method, url: "/api/v1/tokens/00000000-0000-0000-0000-000000000000", cookies: { palier_session: token } });
        expect(response.statusCode, method).toBe(403);
      }
      const logout = await app.inject({ method: "POST", url: "/api/v1/auth/logout", cookies: { palier_session: token } });
      expect(logout.statusCode).toBe(403);
      expect((await me(token)).statusCode).toBe(200); // the forged logout did nothing
    });

    it("lets a cookie-authenticated write with the right token through, and reads need none", async () => {
      const { token, csrfToken } = await signIn();
      const write = await app.inject({
        method: "POST",
        url: "/api/v1/tokens",
        cookies: { palier_session: token },
        headers: { "x-csrf-token": csrfToken },
        payload: { name: "with csrf" },
      });
      expect(write.statusCode).toBe(201);
      const read = await app.inject({ method: "GET", url: "/api/v1/tokens", cookies: { palier_session: token } });
      expect(read.statusCode).toBe(200);
    });

    it("does not apply to Bearer requests", async () => {
      const { token } = await createApiToken(get().db, { agentId, name: "bearer csrf", now: clock.now() });
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/tokens",
        headers: { authorization: `Bearer ${token}` },
        payload: { name: "from a token" },
      });
      expect(response.statusCode).toBe(201);
    });
  });

  describe("Authorization header", () => {
    it("answers 401 with the error shape for another scheme or an unknown token", async () => {
      const basic = await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { authorization: "Basic YWRhOnB3" } });
      expect(basic.statusCode).toBe(401);
      expect(basic.json()).toEqual({ error: { code: "unauthorized", message: "the Authorization header must be: Bearer <API token>", details: [] } });
      const unknown = await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { authorization: "Bearer plr_nope" } });
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json().error.code).toBe("unauthorized");
    });
  });

  describe("throttling", () => {
    it(`answers 429 with Retry-After after ${LOGIN_FAILURES_PER_EMAIL} failures for one e-mail, even with the right password, until the window passes`, async () => {
      const db = get().db;
      const victim = await buildAgent(db, { email: "tess@example.com", now: clock.now() });
      await setAgentPassword(db, victim.id, PASSWORD);
      for (let i = 0; i < LOGIN_FAILURES_PER_EMAIL; i++) {
        expect((await login({ email: "tess@example.com", password: `wrong ${i}` })).statusCode).toBe(401);
        clock.advance(1000);
      }
      const throttled = await login({ email: "TESS@example.com", password: PASSWORD });
      expect(throttled.statusCode).toBe(429);
      expect(throttled.json().error).toMatchObject({ code: "rate_limited", details: [] });
      expect(throttled.json().error.message).toContain("too many failed sign-ins");
      // The first failure was 10 s ago: it leaves the 15-minute window in 890 s.
      expect(throttled.headers["retry-after"]).toBe(String(LOGIN_FAILURE_WINDOW_MS / 1000 - 10));
      clock.advance(LOGIN_FAILURE_WINDOW_MS - 11_000);
      const stillThrottled = await login({ email: "tess@example.com", password: PASSWORD });
      expect(stillThrottled.statusCode).toBe(429);
      expect(stillThrottled.headers["retry-after"]).toBe("1");
      clock.advance(1000);
      expect((await login({ email: "tess@example.com", password: PASSWORD })).statusCode).toBe(200);
    });

    it("limits failures per address across e-mail addresses", async () => {
      const ip = nextIp();
      // All but the last allowed failure are recorded directly, to spare 29 argon2 verifications.
      for (let i = 1; i < LOGIN_FAILURES_PER_IP; i++) {
        await recordSecurityEvent(get().db, {
          type: "login_failed",
          at: clock.now(),
          ip,
          data: { email: `spray${i}@example.com`, scope: "agent", reason: "unknown_account" },
        });
      }
      expect((await login({ email: "spray0@example.com", password: "guess guess" }, ip)).statusCode).toBe(401);
      const response = await login({ email: "ada@example.com", password: PASSWORD }, ip);
      expect(response.statusCode).toBe(429);
      expect(response.json().error.message).toContain("too many failed sign-ins");
      expect(response.headers["retry-after"]).toBe(String(LOGIN_FAILURE_WINDOW_MS / 1000));
      expect((await login({ email: "ada@example.com", password: PASSWORD })).statusCode).toBe(200); // from another address
    });

    it("caps sign-in requests per address per minute in memory, with the error shape", async () => {
      const burstApp = await buildApp({ database: get(), clock });
      try {
        const ip = nextIp();
        // Every request counts, even one refused for its body (the cap applies before validation).
        const send = () => burstApp.inject({ method: "POST", url: "/api/v1/auth/login", payload: {}, remoteAddress: ip });
        for (let i = 0; i < LOGIN_BURST.max; i++) expect((await send()).statusCode).toBe(400);
        const capped = await send();
        expect(capped.statusCode).toBe(429);
        expect(capped.json().error.code).toBe("rate_limited");
        expect(Number(capped.headers["retry-after"])).toBeGreaterThan(0);
      } finally {
        await burstApp.close();
      }
    });
  });

  describe("security events", () => {
    it("records login, login_failed (with the e-mail tried and the address) and logout", async () => {
      const db = get().db;
      const ip = nextIp();
      await login({ email: "Who@Example.com", password: "not it at all" }, ip);
      const ok = await login({ email: "ada@example.com", password: PASSWORD }, ip);
      const token = sessionCookie(ok);
      await app.inject({
        method: "POST",
        url: "/api/v1/auth/logout",
        cookies: { palier_session: token },
        headers: { "x-csrf-token": ok.json().csrfToken },
        remoteAddress: ip,
      });
      const events = (await listSecurityEvents(db, { limit: 200 })).items.filter((e) => e.ip === ip);
      expect(events.map((e) => e.type)).toEqual(["logout", "login", "login_failed"]);
      expect(events[2]).toMatchObject({ agentId: null, data: { email: "who@example.com", scope: "agent", reason: "unknown_account" } });
      expect(events[1]).toMatchObject({ agentId, data: { scope: "agent" } });
      expect(events[0]).toMatchObject({ agentId, data: { scope: "agent" } });
      expect(events[0]?.at).toEqual(clock.now());
    });
  });
});
