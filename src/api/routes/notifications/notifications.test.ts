// In-app notifications through the HTTP API: an agent's own only, newest first in pages, unread
// filter, marking read; and the live stream over a real socket (Bearer or cookie), fed by the
// delivery worker, caught up from Last-Event-ID, ended cleanly when the server closes.

import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { openStream, type StreamClient } from "../../../../test/support/sseClient.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import { startDeliveryWorker } from "../../../engine/delivery/deliveryWorker.js";
import { setAgentPassword } from "../../../store/accounts.js";
import { insertNotifications } from "../../../store/notifications.js";
import { enqueue } from "../../../store/outbox/outbox.js";

interface NotificationJson {
  id: number;
  ticketNumber: number | null;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}
interface ListJson {
  items: NotificationJson[];
  nextCursor: string | null;
  unreadCount: number;
}

describeStore("notification routes", (get) => {
  let api: ApiHarness;
  const add = (agentId: string, title: string, extra: { ticketNumber?: number; data?: Record<string, unknown> } = {}) =>
    insertNotifications(api.db, [{ agentId, title, body: `${title} (body)`, ...extra }], api.clock.now()).then((rows) => rows[0]!);

  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  it("lists the caller's own notifications, newest first, a page at a time, with the unread count", async () => {
    const agent = api.agents.agent.id;
    for (const title of ["Rappel : #1", "Niveau 1 : #2", "Niveau 2 : #3"]) {
      await add(agent, title, { data: { level: title } });
      api.clock.advance(1000);
    }
    await add(api.agents.team_lead.id, "Pour le chef d'équipe");

    const first = await api.call<ListJson>("agent", "GET", "/api/v1/notifications?limit=2");
    expect(first.status).toBe(200);
    expect(first.json.items.map((n) => n.title)).toEqual(["Niveau 2 : #3", "Niveau 1 : #2"]);
    expect(first.json.unreadCount).toBe(3);
    expect(first.json.items[0]).toMatchObject({ body: "Niveau 2 : #3 (body)", data: { level: "Niveau 2 : #3" }, readAt: null, ticketNumber: null });
    const second = await api.call<ListJson>("agent", "GET", `/api/v1/notifications?limit=2&cursor=${first.json.nextCursor}`);
    expect(second.json.items.map((n) => n.title)).toEqual(["Rappel : #1"]);
    expect(second.json.nextCursor).toBeNull();

    const lead = await api.call<ListJson>("team_lead", "GET", "/api/v1/notifications");
    expect(lead.json.items.map((n) => n.title)).toEqual(["Pour le chef d'équipe"]);
  });

  it("marks read the listed ids of the caller only, or all, and filters the unread", async () => {
    const viewer = api.agents.viewer.id;
    const a = await add(viewer, "A");
    const b = await add(viewer, "B");
    await add(viewer, "C");
    const someoneElses = await add(api.agents.manager.id, "Not yours");

    api.clock.advance(5000);
    const marked = await api.call<{ read: number; unreadCount: number }>("viewer", "POST", "/api/v1/notifications/read", {
      body: { ids: [a.id, someoneElses.id] },
    });
    expect(marked.json).toEqual({ read: 1, unreadCount: 2 });
    const unread = await api.call<ListJson>("viewer", "GET", "/api/v1/notifications?unread=true");
    expect(unread.json.items.map((n) => n.title)).toEqual(["C", "B"]);
    const all = await api.call<ListJson>("viewer", "GET", "/api/v1/notifications");
    expect(all.json.items.find((n) => n.id === a.id)?.readAt).toBe(api.clock.now().toISOString());
    const managers = await api.call<ListJson>("manager", "GET", "/api/v1/notifications?unread=true");
    expect(managers.json.items.map((n) => n.id)).toContain(someoneElses.id);

    expect((await api.call("viewer", "POST", "/api/v1/notifications/read", { body: { ids: [b.id] } })).json).toEqual({ read: 1, unreadCount: 1 });
    expect((await api.call("viewer", "POST", "/api/v1/notifications/read", { body: { all: true } })).json).toEqual({ read: 1, unreadCount: 0 });
    expect((await api.call("viewer", "POST", "/api/v1/notifications/read", { body: { all: true } })).json).toEqual({ read: 0, unreadCount: 0 });
  });

  it("refuses a read without ids or all, bad cursors, customers and anonymous callers", async () => {
    const empty = await api.call<ErrorJson>("agent", "POST", "/api/v1/notifications/read", { body: {} });
    expect(empty.status).toBe(400);
    expect(empty.json.error.details).toEqual([{ path: "ids", code: "invalid", message: "give the ids to mark read, or all: true" }]);
    const notFalse = await api.call<ErrorJson>("agent", "POST", "/api/v1/notifications/read", { body: { all: false } });
    expect(notFalse.status).toBe(400);
    const badIds = await api.call<ErrorJson>("agent", "POST", "/api/v1/notifications/read", { body: { ids: ["x"] } });
    expect(badIds.status).toBe(400);
    expect(badIds.json.error.details[0]?.path).toBe("ids[0]");
    const badCursor = await api.call<ErrorJson>("agent", "GET", `/api/v1/notifications?cursor=${Buffer.from("-3").toString("base64url")}`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.json.error.details[0]?.path).toBe("cursor");

    const customer = await api.signInCustomer("Nadia Customer", "nadia.notifications@example.org");
    for (const [method, url] of [
      ["GET", "/api/v1/notifications"],
      ["GET", "/api/v1/notifications/stream"],
      ["POST", "/api/v1/notifications/read"],
    ] as const) {
      const answer = await api.call<ErrorJson>(customer, method, url, method === "POST" ? { body: { all: true } } : {});
      expect(answer.status, `${method} ${url}`).toBe(403);
      expect((await api.call<ErrorJson>("anonymous", method, url, method === "POST" ? { body: { all: true } } : {})).status, `${method} ${url}`).toBe(401);
    }
  });

  describe("the stream", () => {
    let base: string;
    beforeAll(async () => {
      await api.app.listen({ host: "127.0.0.1", port: 0 });
      base = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
    });
    const connected = (client: StreamClient) => vi.waitFor(() => expect(client.comments).toContain("connected"));

    it("sends an agent the notifications delivered after it connected, and only theirs", async () => {
      const mine = await openStream(base, { authorization: `Bearer ${api.agents.agent.token}` });
      const theirs = await openStream(base, { authorization: `Bearer ${api.agents.manager.token}` });
      expect(mine.status).toBe(200);
      expect(mine.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
      await Promise.all([connected(mine), connected(theirs)]);

      await enqueue(
        api.db,
        [{ kind: "inapp", agentId: api.agents.agent.id, payload: { title: "Ticket #9 escaladé", body: "Niveau 1", data: { ticket: 9 } } }],
        api.clock.now(),
      );
      const worker = startDeliveryWorker({ database: get(), clock: api.clock, background: false });
      expect(await worker.runOnce()).toMatchObject({ delivered: 1 });
      await worker.stop();

      await vi.waitFor(() => expect(mine.events).toHaveLength(1), { timeout: 5000 });
      const event = mine.events[0]!;
      expect(event.event).toBe("notification");
      expect(event.data).toMatchObject({ title: "Ticket #9 escaladé", body: "Niveau 1", data: { ticket: 9 }, readAt: null });
      expect(event.id).toBe(String(event.data.id));
      const listed = await api.call<ListJson>("agent", "GET", "/api/v1/notifications?limit=1");
      expect(listed.json.items[0]).toEqual(event.data);

      // A notification of the manager reaches the manager's stream, and that one only.
      const managers = await add(api.agents.manager.id, "Pour la manager");
      await vi.waitFor(() => expect(theirs.events.map((e) => e.data.id)).toEqual([managers.id]), { timeout: 5000 });
      expect(mine.events).toHaveLength(1);
      mine.close();
      theirs.close();
    });

    it("works with the session cookie of the browser, and catches up from Last-Event-ID", async () => {
      const agent = api.agents.team_lead;
      await setAgentPassword(api.db, agent.id, "correct horse battery staple");
      const me = await api.call<{ principal: { email: string } }>("team_lead", "GET", "/api/v1/auth/me");
      const login = await api.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: me.json.principal.email, password: "correct horse battery staple" },
      });
      expect(login.statusCode).toBe(200);
      const cookie = `palier_session=${login.cookies.find((c) => c.name === "palier_session")!.value}`;

      const seen = await add(agent.id, "Vue");
      const missed1 = await add(agent.id, "Manquée 1");
      const missed2 = await add(agent.id, "Manquée 2");
      const stream = await openStream(base, { cookie, "last-event-id": String(seen.id) });
      expect(stream.status).toBe(200);
      await connected(stream);
      await vi.waitFor(() => expect(stream.events.map((e) => e.data.id)).toEqual([missed1.id, missed2.id]));
      const live = await add(agent.id, "En direct");
      await vi.waitFor(() => expect(stream.events.map((e) => e.data.id)).toEqual([missed1.id, missed2.id, live.id]));
      stream.close();
    });

    it("refuses a bad Last-Event-ID and an unknown token before streaming", async () => {
      const bad = await api.call<ErrorJson>("agent", "GET", "/api/v1/notifications/stream", { headers: { "last-event-id": "abc" } });
      expect(bad.status).toBe(400);
      expect(bad.json.error.details[0]?.path).toBe("headers.last-event-id");
      const unknown = await openStream(base, { authorization: "Bearer plr_unknown" });
      expect(unknown.status).toBe(401);
      unknown.close();
    });

    it("ends open streams when the server closes", async () => {
      const stream = await openStream(base, { authorization: `Bearer ${api.agents.admin.token}` });
      await connected(stream);
      await api.app.close();
      await stream.ended;
    });
  });
});
