// A person's own profile (language and time zone) through PATCH /auth/me, and field errors told
// in the reader's language (profile when signed in, else Accept-Language, else English as written),
// in process on a migrated database of each backend.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, buildCustomer } from "../../../test/support/factories.js";
import { describeStore } from "../../../test/support/testDatabase.js";
import { ManualClock } from "../../core/clock.js";
import { createApiToken, setAgentPassword, setCustomerPassword } from "../../store/accounts.js";
import { type App, buildApp } from "../app.js";

const START = new Date("2026-11-23T09:00:00Z");
const PASSWORD = "correct horse battery";

describeStore("profile routes", (get) => {
  const clock = new ManualClock(START);
  let app: App;
  let adminToken: string;
  let ip = 0;

  beforeAll(async () => {
    const { db } = get();
    app = await buildApp({ database: get(), clock });
    const agent = await buildAgent(db, { email: "paula@example.com", role: "admin", locale: "en", now: clock.now() });
    await setAgentPassword(db, agent.id, PASSWORD);
    adminToken = (await createApiToken(db, { agentId: agent.id, name: "integration", now: clock.now() })).token;
    const customer = await buildCustomer(db, { email: "chris@example.org", language: null, now: clock.now() });
    await setCustomerPassword(db, customer.id, PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  /** Signs in and answers the cookie and CSRF token to send back. */
  async function signIn(email: string, scope: "agent" | "customer" = "agent") {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email, password: PASSWORD, scope },
      remoteAddress: `203.0.113.${++ip}`,
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "palier_session")!.value;
    return { cookies: { palier_session: cookie }, headers: { "x-csrf-token": response.json<{ csrfToken: string }>().csrfToken } };
  }

  const patchMe = (session: Awaited<ReturnType<typeof signIn>>, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: "PATCH", url: "/api/v1/auth/me", cookies: session.cookies, headers: { ...session.headers, ...headers }, payload: payload as object });

  describe("PATCH /auth/me", () => {
    it("saves an agent's language and time zone, spelled as IANA spells the zone, and GET /auth/me shows them", async () => {
      const session = await signIn("paula@example.com");
      const changed = await patchMe(session, { locale: "nl", timeZone: "europe/amsterdam" });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().principal).toMatchObject({ kind: "agent", locale: "nl", timeZone: "Europe/Amsterdam" });
      const me = await app.inject({ method: "GET", url: "/api/v1/auth/me", cookies: session.cookies });
      expect(me.json().principal).toMatchObject({ locale: "nl", timeZone: "Europe/Amsterdam" });
      // Only what is sent changes; null gives the zone back to the working calendar.
      const cleared = await patchMe(session, { timeZone: null });
      expect(cleared.json().principal).toMatchObject({ locale: "nl", timeZone: null });
      await patchMe(session, { locale: "en" });
    });

    it("saves a customer's language and time zone", async () => {
      const session = await signIn("chris@example.org", "customer");
      const changed = await patchMe(session, { locale: "fr", timeZone: "Europe/Brussels" });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().principal).toMatchObject({ kind: "customer", language: "fr", timeZone: "Europe/Brussels" });
    });

    it("refuses a zone Intl does not know with code unknown_time_zone, in the profile's language", async () => {
      const session = await signIn("chris@example.org", "customer");
      const response = await patchMe(session, { timeZone: "Europe/Atlantis" });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        {
          path: "timeZone",
          code: "unknown_time_zone",
          label: "Fuseau horaire",
          message: "n’est pas un fuseau horaire connu de Palier (par exemple Europe/Brussels)",
        },
      ]);
    });

    it("refuses a language Palier does not speak, and needs a caller", async () => {
      const session = await signIn("paula@example.com");
      const response = await patchMe(session, { locale: "de" });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0]).toMatchObject({ path: "locale", code: "not_allowed_value" });
      const anonymous = await app.inject({ method: "PATCH", url: "/api/v1/auth/me", payload: { locale: "fr" } });
      expect(anonymous.statusCode).toBe(401);
    });
  });

  describe("field errors in the reader's language", () => {
    const badPolicy = { name: "Too fast", targets: { urgent: { first_response: 0 } } };

    it("keeps English as written, with a code per detail, for an API client that names no language", async () => {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/sla-policies",
        headers: { authorization: `Bearer ${adminToken}` },
        payload: badPolicy,
      });
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.message).toBe("targets.urgent.first_response: must be >= 1");
      expect(error.details).toEqual([{ path: "targets.urgent.first_response", code: "too_small", message: "must be >= 1" }]);
    });

    it("says a body that is not JSON is not JSON, in the reader's language", async () => {
      const send = (language?: string) =>
        app.inject({
          method: "POST",
          url: "/api/v1/sla-policies",
          headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json", ...(language ? { "accept-language": language } : {}) },
          payload: '{"name":',
        });
      const english = await send();
      expect(english.statusCode).toBe(400);
      expect(english.json().error.details).toMatchObject([{ path: "body", code: "invalid_json" }]);
      const dutch = await send("nl");
      expect(dutch.statusCode).toBe(400);
      expect(dutch.json().error.details).toEqual([{ path: "body", code: "invalid_json", label: expect.any(String), message: "is geen geldige JSON" }]);
    });

    it("tells the problem in French and Dutch after Accept-Language, field named in words", async () => {
      const fr = await app.inject({
        method: "POST",
        url: "/api/v1/sla-policies",
        headers: { authorization: `Bearer ${adminToken}`, "accept-language": "fr-BE,fr;q=0.9,en;q=0.5" },
        payload: badPolicy,
      });
      expect(fr.json().error.details).toEqual([
        { path: "targets.urgent.first_response", code: "too_small", label: "Première réponse (Urgente)", message: "doit être au moins 1 minute" },
      ]);
      expect(fr.json().error.message).toBe("Première réponse (Urgente) : doit être au moins 1 minute");
      const nl = await app.inject({
        method: "POST",
        url: "/api/v1/sla-policies",
        headers: { authorization: `Bearer ${adminToken}`, "accept-language": "de, nl;q=0.8" },
        payload: { ...badPolicy, colour: "red" },
      });
      expect(nl.json().error.details).toEqual(
        expect.arrayContaining([
          { path: "colour", code: "unknown_field", label: "colour", message: "is geen bekend veld" },
          { path: "targets.urgent.first_response", code: "too_small", label: "Eerste antwoord (Dringend)", message: "moet minstens 1 minuut zijn" },
        ]),
      );
    });

    it("follows the signed-in person's profile over the browser's Accept-Language", async () => {
      const session = await signIn("paula@example.com");
      await patchMe(session, { locale: "nl" });
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/sla-policies",
        cookies: session.cookies,
        headers: { ...session.headers, "accept-language": "fr" },
        payload: { name: "Steps", matrix: { steps: [{ id: "a", kind: "level", level: 0, offsetMinutes: 0, recipients: [{ kind: "assignee" }] }] } },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toContainEqual({
        path: "matrix.steps[0].level",
        code: "level_below_one",
        label: "Stap 1 › Escalatieniveau",
        message: "een escalatieniveau is 1 of meer",
      });
      await patchMe(session, { locale: "en" });
    });
  });
});
