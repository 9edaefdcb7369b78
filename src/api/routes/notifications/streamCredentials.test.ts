// A live stream lasts no longer than the credential it was opened with: signing out, a revoked
// token or a deactivation ends it, a reactivation brings back no session, and one agent cannot
// hold streams open without bound.

import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { type ApiHarness, openApi } from "../../../../test/api/harness.js";
import { openStream, type StreamClient } from "../../../../test/support/sseClient.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import { setAgentPassword } from "../../../store/accounts.js";
import { agentStore } from "../../../store/entities.js";
import { insertNotifications } from "../../../store/notifications.js";
import { MAX_STREAMS_PER_AGENT } from "./notificationHub.js";

const PASSWORD = "correct horse battery staple";

describeStore("the live stream's credentials", (get) => {
  let api: ApiHarness;
  let base: string;
  let made = 0;

  beforeAll(async () => {
    api = await openApi(get());
    await api.app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => api.close());

  /** A new agent, signed in: its id, session cookie and CSRF token. */
  async function signedInAgent(): Promise<{ id: string; cookie: string; csrf: string }> {
    made += 1;
    const email = `stream.${made}@example.org`;
    const agent = await agentStore.create(api.db, { name: `Stream Agent ${made}`, email, role: "agent" }, api.clock.now());
    await setAgentPassword(api.db, agent.id, PASSWORD);
    const login = await api.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    return {
      id: agent.id,
      cookie: `palier_session=${login.cookies.find((c) => c.name === "palier_session")?.value}`,
      csrf: (login.json() as { csrfToken: string }).csrfToken,
    };
  }

  const connected = (client: StreamClient) => vi.waitFor(() => expect(client.comments).toContain("connected"));
  const ends = (client: StreamClient) =>
    expect(Promise.race([client.ended.then(() => "ended"), new Promise((r) => setTimeout(() => r("still open"), 5000))])).resolves.toBe("ended");

  it("ends when its session signs out", async () => {
    const agent = await signedInAgent();
    const stream = await openStream(base, { cookie: agent.cookie });
    await connected(stream);
    const out = await api.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: { cookie: agent.cookie, "x-csrf-token": agent.csrf } });
    expect(out.statusCode).toBe(204);
    await ends(stream);
  });

  it("ends when the agent is deactivated, and reactivating them brings back no session", async () => {
    const agent = await signedInAgent();
    const stream = await openStream(base, { cookie: agent.cookie });
    await connected(stream);
    const off = await api.call("admin", "PATCH", `/api/v1/agents/${agent.id}`, { body: { active: false } });
    expect(off.status).toBe(200);
    await ends(stream);
    const on = await api.call("admin", "PATCH", `/api/v1/agents/${agent.id}`, { body: { active: true } });
    expect(on.status).toBe(200);
    const me = await api.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie: agent.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it("ends when its API token is revoked", async () => {
    const agent = await signedInAgent();
    const created = await api.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: { cookie: agent.cookie, "x-csrf-token": agent.csrf },
      payload: { name: "stream" },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    const stream = await openStream(base, { authorization: `Bearer ${token}` });
    await connected(stream);
    const revoked = await api.app.inject({ method: "DELETE", url: `/api/v1/tokens/${id}`, headers: { cookie: agent.cookie, "x-csrf-token": agent.csrf } });
    expect(revoked.statusCode).toBe(204);
    await ends(stream);
  });

  it(`keeps at most ${MAX_STREAMS_PER_AGENT} streams per agent, ending the oldest`, async () => {
    const agent = await signedInAgent();
    const streams: StreamClient[] = [];
    for (let i = 0; i <= MAX_STREAMS_PER_AGENT; i++) {
      const stream = await openStream(base, { cookie: agent.cookie });
      await connected(stream);
      streams.push(stream);
    }
    await ends(streams[0] as StreamClient);
    // The others stay open: a notification still reaches the newest.
    const newest = streams.at(-1) as StreamClient;
    await insertNotifications(api.db, [{ agentId: agent.id, title: "Toujours là", body: "…" }], api.clock.now());
    await vi.waitFor(() => expect(newest.events.map((e) => e.data.title)).toEqual(["Toujours là"]), { timeout: 5000 });
    for (const stream of streams) stream.close();
  });
});
