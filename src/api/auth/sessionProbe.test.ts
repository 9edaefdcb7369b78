// The app's probe at start, GET /auth/session: signed out is a 200 with no principal (so the
// browser logs no failed request), signed in the same answer as /auth/me.

import { afterAll, beforeAll, expect, it } from "vitest";
import { buildAgent } from "../../../test/support/factories.js";
import { describeStore } from "../../../test/support/testDatabase.js";
import { ManualClock } from "../../core/clock.js";
import { setAgentPassword } from "../../store/accounts.js";
import { type App, buildApp } from "../app.js";

const PASSWORD = "correct horse battery";

describeStore("the session probe", (get) => {
  const clock = new ManualClock(new Date("2026-11-23T09:00:00Z"));
  let app: App;

  beforeAll(async () => {
    const { db } = get();
    app = await buildApp({ database: get(), clock });
    const agent = await buildAgent(db, { name: "Pia Probe", email: "pia@example.com", role: "agent", now: clock.now() });
    await setAgentPassword(db, agent.id, PASSWORD);
  }, 60_000);
  afterAll(() => app.close());

  it("answers 200 with no principal when signed out, or with an unknown cookie", async () => {
    for (const cookies of [{} as Record<string, string>, { palier_session: "not-a-session" }]) {
      const answer = await app.inject({ method: "GET", url: "/api/v1/auth/session", cookies });
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toEqual({ principal: null, csrfToken: null });
    }
  });

  it("answers the caller and the CSRF token when signed in, as /auth/me does", async () => {
    const login = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: "pia@example.com", password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    const token = login.cookies.find((c) => c.name === "palier_session")?.value ?? "";
    const probe = await app.inject({ method: "GET", url: "/api/v1/auth/session", cookies: { palier_session: token } });
    const me = await app.inject({ method: "GET", url: "/api/v1/auth/me", cookies: { palier_session: token } });
    expect(probe.statusCode).toBe(200);
    expect(probe.json()).toEqual(me.json());
    expect(probe.json<{ principal: { name: string } }>().principal.name).toBe("Pia Probe");
  });
});
