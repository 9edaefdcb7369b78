// Social replies out, from an agent's reply through the outbox to a fake connector on loopback:
// signed as the inbound webhooks are, retried while the connector fails, dead (and visible to
// admins) when it never answers or no connector is set.

import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { type ApiHarness, openApi } from "../../../../test/api/harness.js";
import { startWebhookReceiver, type WebhookReceiver } from "../../../../test/support/deliveryReceivers.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import { socialSignature } from "../../../channels/social/signature.js";
import { type DeliveryWorker, startDeliveryWorker } from "../deliveryWorker.js";

const SECRET = "connector-secret-0123456789";

describeStore("social replies out", (get) => {
  let api: ApiHarness;
  let receiver: WebhookReceiver;
  let sequence = 0;
  const workers: DeliveryWorker[] = [];
  const worker = (maxAttempts = 8) => {
    const started = startDeliveryWorker({ database: get(), clock: api.clock, background: false, random: () => 0, maxAttempts, secretKey: api.app.secretKey });
    workers.push(started);
    return started;
  };

  beforeAll(async () => {
    api = await openApi(get());
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    receiver.answer(200);
    receiver.received.length = 0;
  });
  afterAll(async () => {
    await receiver.close();
    await api.close();
  });

  const configure = (connectorUrl: string | null) => api.call("admin", "PUT", "/api/v1/social/networks/twitter", { body: { secret: SECRET, connectorUrl } });

  /** A mention taken through the signed webhook, then an agent's public reply on its ticket. */
  const mentionAndReply = async (kind = "mention") => {
    sequence += 1;
    const raw = JSON.stringify({
      deliveryId: `out-${sequence}`,
      events: [
        {
          id: `m-${sequence}`,
          kind,
          threadId: `t-${sequence}`,
          createdAt: api.clock.now().toISOString(),
          text: "Où en est mon remboursement ?",
          author: { id: "77", handle: "@jan_p", name: "Jan", followers: 10 },
        },
      ],
    });
    const timestamp = String(Math.floor(api.clock.now().getTime() / 1000));
    const taken = await api.call<{ events: { ticketNumber: number }[] }>("anonymous", "POST", "/api/v1/channels/social/twitter", {
      body: raw,
      headers: { "content-type": "application/json", "x-palier-timestamp": timestamp, "x-palier-signature": socialSignature(SECRET, timestamp, raw) },
    });
    expect(taken.status).toBe(200);
    const number = taken.json.events[0]!.ticketNumber;
    api.clock.advance(60_000);
    const reply = await api.call<{ message: { id: string } }>("agent", "POST", `/api/v1/tickets/${number}/messages`, {
      body: { text: "Nous regardons tout de suite." },
    });
    expect(reply.status).toBe(201);
    return { number, messageId: reply.json.message.id, externalId: `m-${sequence}` };
  };

  const outbox = (state: string) =>
    api.call<{ items: { kind: string; state: string; ticketNumber: number | null; lastError: string | null; attempts: number }[] }>(
      "admin",
      "GET",
      `/api/v1/admin/outbox?state=${state}`,
    );

  it("posts a public reply to the connector, signed with the network's secret, saying which message it answers", async () => {
    await configure(receiver.url);
    const { number, messageId, externalId } = await mentionAndReply();
    expect(await worker().runOnce()).toMatchObject({ delivered: 1 });
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.headers["x-palier-signature"]).toBe(socialSignature(SECRET, String(got.headers["x-palier-timestamp"]), got.rawBody));
    expect(JSON.parse(got.rawBody)).toEqual({
      network: "twitter",
      ticketNumber: number,
      messageId,
      threadId: externalId.replace("m-", "t-"),
      inReplyTo: externalId,
      recipient: { id: "77", handle: "@jan_p" },
      private: false,
      text: "Nous regardons tout de suite.",
      sentAt: api.clock.now().toISOString(),
    });
    // The secret never sits in the outbox.
    expect(JSON.stringify((await outbox("delivered")).json)).not.toContain(SECRET);
  });

  it("retries a connector that fails, then delivers once it answers", async () => {
    await configure(receiver.url);
    await mentionAndReply("direct_message");
    receiver.answer(503);
    const running = worker();
    expect(await running.runOnce()).toMatchObject({ retried: 1 });
    receiver.answer(200);
    api.clock.advance(30_000);
    expect(await running.runOnce()).toMatchObject({ delivered: 1 });
    expect(receiver.received).toHaveLength(2);
    expect(JSON.parse(receiver.received[1]!.rawBody)).toMatchObject({ private: true });
  });

  it("lets a reply die when the connector always fails, and shows it to admins", async () => {
    await configure(receiver.url);
    const { number } = await mentionAndReply();
    receiver.answer(500);
    const running = worker(2);
    expect(await running.runOnce()).toMatchObject({ retried: 1 });
    api.clock.advance(30_000);
    expect(await running.runOnce()).toMatchObject({ dead: 1 });
    const dead = await outbox("dead");
    expect(dead.json.items.find((item) => item.ticketNumber === number)).toMatchObject({
      kind: "social",
      attempts: 2,
      lastError: "the receiver answered HTTP 500",
    });
  });

  it("queues a reply with no connector set, which dies at once rather than vanish", async () => {
    await configure(null);
    const { number } = await mentionAndReply();
    expect(await worker().runOnce()).toMatchObject({ dead: 1 });
    const dead = await outbox("dead");
    expect(dead.json.items.find((item) => item.ticketNumber === number)?.lastError).toContain("no connector URL");
    expect(receiver.received).toHaveLength(0);
  });
});
