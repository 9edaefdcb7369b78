// The clean-up rounds: idempotency keys forgotten after a day, expired sessions removed, and
// what is still in use kept.
import { count } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { buildAgent } from "../../test/support/factories.js";
import { describeStore } from "../../test/support/testDatabase.js";
import { ManualClock } from "../core/clock.js";
import { runOnce } from "../store/idempotency.js";
import { idempotencyKeys, sessions } from "../store/schema.js";
import { createSession, SESSION_IDLE_MS } from "../store/sessions.js";
import { IDEMPOTENCY_KEY_TTL_MS, startHousekeeping } from "./housekeeping.js";

const HOUR = 3_600_000;

describeStore("housekeeping", (get) => {
  const clock = new ManualClock(new Date("2026-11-23T09:00:00Z"));
  const db = () => get().db;
  let agentId: string;

  beforeAll(async () => {
    agentId = (await buildAgent(db(), { now: clock.now() })).id;
  });

  const keep = (key: string) =>
    runOnce(db(), { principal: `agent:${agentId}`, key, method: "POST", path: "/api/v1/tickets", requestHash: key }, clock.now(), async () => ({
      status: 201,
      body: { key },
    }));
  const rows = async (table: typeof idempotencyKeys | typeof sessions) => (await db().select({ n: count() }).from(table))[0]?.n;

  it("forgets idempotency keys a day old and expired sessions, keeping the rest", async () => {
    const start = clock.now().getTime();
    await keep("old");
    clock.advance(HOUR);
    await createSession(db(), { agentId }, clock.now());
    // Before the first session expires (a new session would remove an expired one itself).
    clock.advance(SESSION_IDLE_MS - HOUR / 2);
    await keep("recent");
    const live = await createSession(db(), { agentId }, clock.now());
    // A day and a minute after the first key: it and the first session are past their time.
    clock.set(new Date(start + IDEMPOTENCY_KEY_TTL_MS + 60_000));
    expect([await rows(idempotencyKeys), await rows(sessions)]).toEqual([2, 2]);

    const housekeeping = startHousekeeping({ database: get(), clock, everyMs: 3_600_000 });
    try {
      // The loop's first round may already have run: count what is left, not what one round says.
      await housekeeping.runOnce();
    } finally {
      await housekeeping.stop();
    }
    const left = await db().select({ key: idempotencyKeys.key }).from(idempotencyKeys);
    expect(left.map((row) => row.key)).toEqual(["recent"]);
    const sessionsLeft = await db().select({ expiresAt: sessions.expiresAt }).from(sessions);
    expect(sessionsLeft.map((row) => row.expiresAt.getTime())).toEqual([live.expiresAt.getTime()]);
  });
});
