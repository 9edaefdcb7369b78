// The notification hub on its own: one LISTEN fanned out to each agent's streams, heartbeats on
// every open stream, and every stream ended when the hub closes. On PGlite and PostgreSQL; on
// PostgreSQL, what was published while its listening connection was down arrives once it is back.

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { buildAgent } from "../../../../test/support/factories.js";
import { describeStore, selectRows } from "../../../../test/support/testDatabase.js";
import { type Notification, insertNotifications } from "../../../store/notifications.js";
import { NotificationHub, type StreamClient } from "./notificationHub.js";

const NOW = new Date("2026-11-23T09:00:00Z");

/** A stream that records what it was sent. */
function recorder(agentId: string) {
  const got = { notifications: [] as Notification[], comments: [] as string[], ended: false };
  const client: StreamClient = {
    agentId,
    notify: (n) => got.notifications.push(n),
    comment: (text) => got.comments.push(text),
    end: () => {
      got.ended = true;
    },
  };
  return { client, got };
}

describeStore("notification hub", (get, kind) => {
  let hub: NotificationHub;
  let ana: string;
  let bram: string;

  beforeAll(async () => {
    ana = (await buildAgent(get().db, { now: NOW })).id;
    bram = (await buildAgent(get().db, { now: NOW })).id;
    // A short heartbeat so that the test sees several without waiting 25 s.
    hub = new NotificationHub(
      get(),
      (error) => {
        throw error;
      },
      20,
    );
  });
  afterAll(() => hub.close());

  it("sends each notification to every open stream of its agent, and to no one else", async () => {
    const ana1 = recorder(ana);
    const ana2 = recorder(ana);
    const bram1 = recorder(bram);
    await hub.add(ana1.client);
    await hub.add(ana2.client);
    const removeBram = await hub.add(bram1.client);
    expect(hub.size).toBe(3);

    const rows = await get().db.transaction((tx) =>
      insertNotifications(
        tx,
        [
          { agentId: ana, title: "Pour Ana", body: "1" },
          { agentId: bram, title: "Voor Bram", body: "2" },
          { agentId: ana, title: "Pour Ana encore", body: "3" },
        ],
        NOW,
      ),
    );
    await vi.waitFor(() => expect(ana1.got.notifications.map((n) => n.title)).toEqual(["Pour Ana", "Pour Ana encore"]));
    await vi.waitFor(() => expect(ana2.got.notifications.map((n) => n.id)).toEqual([rows[0]!.id, rows[2]!.id]));
    await vi.waitFor(() => expect(bram1.got.notifications.map((n) => n.title)).toEqual(["Voor Bram"]));

    removeBram();
    expect(hub.size).toBe(2);
    await insertNotifications(get().db, [{ agentId: bram, title: "Niemand luistert", body: "" }], NOW);
    await insertNotifications(get().db, [{ agentId: ana, title: "Dernière", body: "" }], NOW);
    await vi.waitFor(() => expect(ana1.got.notifications.map((n) => n.title)).toContain("Dernière"));
    expect(bram1.got.notifications).toHaveLength(1);
  });

  it.skipIf(kind !== "postgres")(
    "pushes what was published while its listening connection was down, once, after it is back",
    async () => {
      const errors: string[] = [];
      const listeners = async () =>
        (
          await selectRows<{ pid: number }>(
            get(),
            sql`select pid from pg_stat_activity where datname = current_database() and query ilike 'listen palier_notifications%' and pid <> pg_backend_pid()`,
          )
        ).map((r) => r.pid);
      const others = await listeners();
      const own = new NotificationHub(get(), (error) => errors.push(error.message), 60_000);
      try {
        const ana4 = recorder(ana);
        await own.add(ana4.client);
        const before = (await insertNotifications(get().db, [{ agentId: ana, title: "Avant la coupure", body: "" }], NOW))[0]!;
        await vi.waitFor(() => expect(ana4.got.notifications.map((n) => n.id)).toContain(before.id));
        // Cut this hub's listening connection alone (the file's shared hub fails the test on any error).
        const cut = (await listeners()).filter((pid) => !others.includes(pid));
        expect(cut).toHaveLength(1);
        await get().db.execute(sql`select pg_terminate_backend(${cut[0]}::int)`);
        await vi.waitFor(() => expect(errors.length).toBeGreaterThanOrEqual(1), { timeout: 10_000, interval: 20 });

        const during = await insertNotifications(
          get().db,
          [
            { agentId: ana, title: "Pendant la coupure", body: "" },
            { agentId: bram, title: "Niet voor Ana", body: "" },
          ],
          NOW,
        );
        await vi.waitFor(() => expect(ana4.got.notifications.map((n) => n.title)).toContain("Pendant la coupure"), { timeout: 15_000, interval: 50 });
        const after = (await insertNotifications(get().db, [{ agentId: ana, title: "Après", body: "" }], NOW))[0]!;
        await vi.waitFor(() => expect(ana4.got.notifications.map((n) => n.id)).toContain(after.id));
        expect(ana4.got.notifications.map((n) => n.id)).toEqual([before.id, during[0]!.id, after.id]);
      } finally {
        await own.close();
      }
    },
    30_000,
  );

  it("beats on every open stream, and ends them all when it closes", async () => {
    const ana3 = recorder(ana);
    await hub.add(ana3.client);
    await vi.waitFor(() => expect(ana3.got.comments.filter((c) => c === "heartbeat").length).toBeGreaterThanOrEqual(2));
    await hub.close();
    expect(ana3.got.ended).toBe(true);
    expect(hub.size).toBe(0);
    await expect(hub.add(recorder(ana).client)).rejects.toThrow("the server is closing");
  });
});
