// The delivery worker against real receivers on loopback and a real database (PGlite and
// PostgreSQL), on a manual clock: webhooks signed and retried with backoff until the receiver
// comes back, dead letters, a crashed worker's lease, in-app notifications exactly once, and
// waking on NOTIFY.

import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ManualClock } from "../../core/clock.js";
import { enqueue } from "../../store/outbox/outbox.js";
import { claimOutbox } from "../../store/outbox/outboxDelivery.js";
import { notifications } from "../../store/schema.js";
import { deadUrl, lastOutboxId, outboxRow, startWebhookReceiver, type WebhookReceiver } from "../../../test/support/deliveryReceivers.js";
import { buildAgent } from "../../../test/support/factories.js";
import { describeStore } from "../../../test/support/testDatabase.js";
import { BACKOFF_BASE_MS, retryDelayMs } from "./backoff.js";
import { type DeliveryWorker, startDeliveryWorker } from "./deliveryWorker.js";
import { deliverInapp } from "./inapp.js";
import { webhookSignature } from "./transports/webhook.js";

const START = new Date("2026-11-23T09:00:00Z");
const SECRET = "whsec_test_0123456789";

describe("retry delays", () => {
  it("double from 30 s, stop at an hour, and jitter only downwards to half", () => {
    expect(retryDelayMs(1, () => 0)).toBe(30_000);
    expect(retryDelayMs(2, () => 0)).toBe(60_000);
    expect(retryDelayMs(4, () => 0)).toBe(240_000);
    expect(retryDelayMs(8, () => 0)).toBe(3_600_000);
    expect(retryDelayMs(30, () => 0)).toBe(3_600_000);
    expect(retryDelayMs(1, () => 0.999_999)).toBe(15_000);
    for (let i = 0; i < 50; i++) {
      const delay = retryDelayMs(3);
      expect(delay).toBeGreaterThanOrEqual(60_000);
      expect(delay).toBeLessThanOrEqual(120_000);
    }
  });
});

describeStore("delivery worker", (get) => {
  let clock: ManualClock;
  let receiver: WebhookReceiver;
  const workers: DeliveryWorker[] = [];
  const start = (options: Partial<Parameters<typeof startDeliveryWorker>[0]> = {}) => {
    const worker = startDeliveryWorker({ database: get(), clock, background: false, random: () => 0, ...options });
    workers.push(worker);
    return worker;
  };
  const db = () => get().db;

  beforeAll(async () => {
    clock = new ManualClock(START);
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    receiver.answer(200);
    receiver.received.length = 0;
  });
  afterAll(() => receiver.close());

  const webhook = async (url: string, body: unknown) => {
    await enqueue(db(), [{ kind: "webhook", address: url, payload: { body, secret: SECRET } }], clock.now());
    return lastOutboxId(db(), "webhook", url);
  };

  it("posts a signed webhook whose signature a receiver can verify", async () => {
    const id = await webhook(receiver.url, { event: "sla.breached", ticket: 42, title: "Délai dépassé" });
    const report = await start().runOnce();
    expect(report).toMatchObject({ claimed: 1, delivered: 1, retried: 0, dead: 0 });

    const row = await outboxRow(db(), id);
    expect(row).toMatchObject({ state: "delivered", transport: "webhook", attempts: 1, lastError: null, leaseUntil: null });
    expect(row.deliveredAt).toEqual(clock.now());
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(JSON.parse(got.rawBody)).toEqual({ event: "sla.breached", ticket: 42, title: "Délai dépassé" });
    expect(got.headers["content-type"]).toBe("application/json");
    expect(got.headers["x-palier-delivery"]).toBe(row.deliveryId);
    expect(got.headers["x-palier-timestamp"]).toBe(String(Math.floor(clock.now().getTime() / 1000)));
    // What docs/notifications.md tells receivers to do.
    const expected = `sha256=${createHmac("sha256", SECRET).update(got.rawBody).digest("hex")}`;
    expect(got.headers["x-palier-signature"]).toBe(expected);
    expect(webhookSignature(got.rawBody, "another secret")).not.toBe(expected);
  });

  it("retries a receiver that answers 500 with growing waits, and delivers once it comes back", async () => {
    receiver.answer(500);
    const id = await webhook(receiver.url, { event: "sla.warning" });
    const worker = start();

    expect(await worker.runOnce()).toMatchObject({ claimed: 1, delivered: 0, retried: 1 });
    let row = await outboxRow(db(), id);
    expect(row).toMatchObject({ state: "pending", attempts: 1, lastError: "the receiver answered HTTP 500", leaseUntil: null });
    expect(row.nextAttemptAt.getTime() - clock.now().getTime()).toBe(BACKOFF_BASE_MS);

    // Not before its time.
    clock.advance(BACKOFF_BASE_MS - 1000);
    expect((await worker.runOnce()).claimed).toBe(0);
    clock.advance(1000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    row = await outboxRow(db(), id);
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.getTime() - clock.now().getTime()).toBe(2 * BACKOFF_BASE_MS);

    receiver.answer(204);
    clock.advance(2 * BACKOFF_BASE_MS);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    row = await outboxRow(db(), id);
    expect(row).toMatchObject({ state: "delivered", attempts: 3, lastError: null });

    // Three requests, one delivery id: the receiver can tell they are one message.
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers["x-palier-delivery"]))).toEqual(new Set([row.deliveryId]));
    for (const request of receiver.received) expect(request.headers["x-palier-signature"]).toBe(webhookSignature(request.rawBody, SECRET));
    clock.advance(3_600_000);
    expect((await worker.runOnce()).claimed).toBe(0);
  });

  it("retries a receiver that is not listening, and gives up after maxAttempts: the row is dead", async () => {
    const url = await deadUrl();
    const id = await webhook(url, { event: "sla.breached" });
    const worker = start({ maxAttempts: 3 });
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    expect((await outboxRow(db(), id)).lastError).toMatch(/fetch failed|ECONNREFUSED/);
    clock.advance(30_000);
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    clock.advance(60_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, retried: 0, dead: 1 });
    const row = await outboxRow(db(), id);
    expect(row).toMatchObject({ state: "dead", attempts: 3 });
    clock.advance(24 * 3_600_000);
    expect((await worker.runOnce()).claimed).toBe(0);
  });

  it("kills a row that can never go out at its first attempt", async () => {
    await enqueue(db(), [{ kind: "webhook", address: receiver.url, payload: { body: { a: 1 } } }], clock.now());
    const id = await lastOutboxId(db(), "webhook", receiver.url);
    expect(await start().runOnce()).toMatchObject({ claimed: 1, dead: 1 });
    expect(await outboxRow(db(), id)).toMatchObject({ state: "dead", attempts: 1, lastError: "the webhook payload has no secret (a non-empty string)" });
    expect(receiver.received).toHaveLength(0);
  });

  it("delivers again a row whose worker crashed holding it, once the lease expires", async () => {
    const id = await webhook(receiver.url, { event: "crash" });
    // A worker claims the row and dies before delivering it.
    const claimed = await claimOutbox(db(), { now: clock.now(), limit: 100 });
    expect(claimed.map((r) => r.id)).toEqual([id]);

    const worker = start();
    expect((await worker.runOnce()).claimed).toBe(0);
    clock.advance(60_000);
    expect((await worker.runOnce()).claimed).toBe(0);
    clock.advance(1);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await outboxRow(db(), id)).toMatchObject({ state: "delivered", attempts: 2 });
    expect(receiver.received).toHaveLength(1);
  });

  it("gives two workers disjoint rows", async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await webhook(receiver.url, { n: i }));
    const [a, b] = await Promise.all([claimOutbox(db(), { now: clock.now(), limit: 3 }), claimOutbox(db(), { now: clock.now(), limit: 3 })]);
    const taken = [...a!, ...b!].map((r) => r.id).sort((x, y) => x - y);
    expect(taken).toEqual(ids);
    clock.advance(60_001);
    expect(await start().runOnce()).toMatchObject({ claimed: 6, delivered: 6 });
  });

  describe("in-app", () => {
    let agentId: string;
    beforeAll(async () => {
      agentId = (await buildAgent(db(), { now: clock.now() })).id;
    });
    const mine = () => db().select().from(notifications).where(eq(notifications.agentId, agentId));

    it("turns an inapp row into the agent's notification", async () => {
      await enqueue(db(), [{ kind: "inapp", agentId, payload: { title: "SLA bientôt dépassé", body: "#12 dans 15 min", data: { level: 1 } } }], clock.now());
      const id = await lastOutboxId(db(), "inapp", null);
      expect(await start().runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
      expect(await outboxRow(db(), id)).toMatchObject({ state: "delivered", transport: "inapp" });
      expect((await mine()).map((n) => ({ title: n.title, body: n.body, data: n.data, readAt: n.readAt }))).toEqual([
        { title: "SLA bientôt dépassé", body: "#12 dans 15 min", data: { level: 1 }, readAt: null },
      ]);
    });

    it("never shows a row twice, even when a worker whose lease expired finishes late", async () => {
      const before = (await mine()).length;
      await enqueue(db(), [{ kind: "inapp", agentId, payload: { title: "Escalade niveau 2", body: "#13" } }], clock.now());
      const [stale] = await claimOutbox(db(), { now: clock.now(), limit: 100 });
      clock.advance(60_001);
      expect(await start().runOnce()).toMatchObject({ delivered: 1 });
      // The first worker wakes up and delivers what it had claimed.
      expect(await deliverInapp(db(), [stale!], clock.now())).toEqual({ delivered: [], failed: [] });
      expect((await mine()).length).toBe(before + 1);
    });
  });

  it("wakes on NOTIFY when a row is enqueued, without waiting for the poll", async () => {
    const worker = start({ background: true, pollMs: 3_600_000 });
    await worker.ready;
    await worker.runOnce();
    // The worker listens, and the next poll is an hour away: only the notification can wake it.
    await get().db.transaction(async (tx) =>
      enqueue(tx, [{ kind: "webhook", address: receiver.url, payload: { body: { wake: true }, secret: SECRET } }], clock.now()),
    );
    const id = await lastOutboxId(db(), "webhook", receiver.url);
    await vi.waitFor(async () => expect((await outboxRow(db(), id)).state).toBe("delivered"), { timeout: 10_000, interval: 20 });
    expect(receiver.received).toHaveLength(1);
  });

  it("wakes when a manual clock moves past a retry", async () => {
    receiver.answer(500);
    const worker = start({ background: true, pollMs: 3_600_000 });
    await worker.ready;
    const id = await webhook(receiver.url, { retry: "on the clock" });
    await vi.waitFor(async () => expect(await outboxRow(db(), id)).toMatchObject({ attempts: 1, lastError: "the receiver answered HTTP 500" }), {
      timeout: 10_000,
      interval: 20,
    });
    receiver.answer(200);
    clock.advance(BACKOFF_BASE_MS);
    await vi.waitFor(async () => expect((await outboxRow(db(), id)).state).toBe("delivered"), { timeout: 10_000, interval: 20 });
    expect(receiver.received).toHaveLength(2);
  });
});
