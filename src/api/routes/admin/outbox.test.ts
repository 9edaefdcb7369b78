// The outbox and the mailbox through the admin API, with the delivery worker running against
// real receivers on loopback: a webhook that keeps failing goes dead, is listed, replayed and
// delivered; e-mails without SMTP land in the mailbox; only admins see any of it.

import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { lastOutboxId, startWebhookReceiver, type WebhookReceiver } from "../../../../test/support/deliveryReceivers.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import { ROLES } from "../../../core/access/permissions.js";
import { type DeliveryWorker, startDeliveryWorker } from "../../../engine/delivery/deliveryWorker.js";
import { webhookSignature } from "../../../engine/delivery/transports/webhook.js";
import { enqueue } from "../../../store/outbox/outbox.js";
import { buildTicket } from "../../../../test/support/factories.js";

interface OutboxJson {
  id: number;
  deliveryId: string;
  kind: string;
  state: string;
  address: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  transport: string | null;
  deliveredAt: string | null;
}
interface MailJson {
  id: number;
  deliveryId: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  locale: string | null;
  ticketNumber: number | null;
  createdAt: string;
}
interface PageJson<T> {
  items: T[];
  nextCursor: string | null;
}

describeStore("outbox admin routes", (get) => {
  let api: ApiHarness;
  let receiver: WebhookReceiver;
  let worker: DeliveryWorker;

  beforeAll(async () => {
    api = await openApi(get());
    receiver = await startWebhookReceiver();
    worker = startDeliveryWorker({ database: get(), clock: api.clock, background: false, maxAttempts: 2, random: () => 0 });
  });
  afterAll(async () => {
    await worker.stop();
    await receiver.close();
    await api.close();
  });

  it("lists a webhook that went dead, replays it, and it is delivered once the receiver is back", async () => {
    receiver.answer(503);
    await enqueue(
      api.db,
      [{ kind: "webhook", address: receiver.url, payload: { body: { event: "sla.breached", ticket: 7 }, secret: "whsec_admin" } }],
      api.clock.now(),
    );
    const id = await lastOutboxId(api.db, "webhook", receiver.url);
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    api.clock.advance(30_000);
    expect(await worker.runOnce()).toMatchObject({ dead: 1 });

    const dead = await api.call<PageJson<OutboxJson>>("admin", "GET", "/api/v1/admin/outbox?state=dead&kind=webhook");
    expect(dead.status).toBe(200);
    expect(dead.json.items.map((r) => r.id)).toEqual([id]);
    expect(dead.json.items[0]).toMatchObject({ state: "dead", attempts: 2, lastError: "the receiver answered HTTP 503", address: receiver.url });
    // The signing secret never leaves the server.
    expect(dead.json.items[0]?.payload).toEqual({ body: { event: "sla.breached", ticket: 7 }, secret: "(withheld)" });
    expect(JSON.stringify(dead.json)).not.toContain("whsec_admin");

    receiver.answer(200);
    api.clock.advance(3_600_000);
    expect((await worker.runOnce()).claimed).toBe(0);
    const replayed = await api.call<OutboxJson>("admin", "POST", `/api/v1/admin/outbox/${id}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.json).toMatchObject({
      id,
      state: "pending",
      attempts: 0,
      nextAttemptAt: api.clock.now().toISOString(),
      lastError: "the receiver answered HTTP 503",
    });
    expect((await api.call<ErrorJson>("admin", "POST", `/api/v1/admin/outbox/${id}/replay`, { body: {} })).status).toBe(409);

    expect(await worker.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    const delivered = await api.call<PageJson<OutboxJson>>("admin", "GET", "/api/v1/admin/outbox?state=delivered&kind=webhook");
    expect(delivered.json.items[0]).toMatchObject({
      id,
      state: "delivered",
      attempts: 1,
      lastError: null,
      transport: "webhook",
      deliveredAt: api.clock.now().toISOString(),
    });
    const last = receiver.received.at(-1)!;
    expect(last.headers["x-palier-delivery"]).toBe(delivered.json.items[0]?.deliveryId);
    expect(last.headers["x-palier-signature"]).toBe(webhookSignature(last.rawBody, "whsec_admin"));
    expect((await api.call<PageJson<OutboxJson>>("admin", "GET", "/api/v1/admin/outbox?state=dead")).json.items).toEqual([]);

    // A delivered row can be sent again too.
    expect((await api.call<OutboxJson>("admin", "POST", `/api/v1/admin/outbox/${id}/replay`, { body: {} })).json.state).toBe("pending");
    expect(await worker.runOnce()).toMatchObject({ delivered: 1 });
  });

  it("keeps e-mails in the mailbox without SMTP, newest first, with their ticket", async () => {
    const now = api.clock.now();
    const ticket = (await buildTicket(api.db, { now, actor: { type: "system" }, message: null })).ticket.number;
    await enqueue(
      api.db,
      [
        {
          kind: "email",
          address: "lead@example.org",
          ticketNumber: ticket,
          payload: { subject: "Ticket #1 : rappel", text: "Répondez bientôt.", html: "<p>Répondez bientôt.</p>", locale: "fr" },
        },
        { kind: "email", address: "manager@example.org", ticketNumber: ticket, payload: { subject: "Ticket #1: breached", text: "Breached.", locale: "en" } },
      ],
      now,
    );
    expect(await worker.runOnce()).toMatchObject({ delivered: 2 });

    const first = await api.call<PageJson<MailJson>>("admin", "GET", "/api/v1/admin/mailbox?limit=1");
    expect(first.status).toBe(200);
    expect(first.json.items[0]).toMatchObject({
      to: "manager@example.org",
      subject: "Ticket #1: breached",
      text: "Breached.",
      html: null,
      locale: "en",
      ticketNumber: ticket,
      createdAt: now.toISOString(),
    });
    const second = await api.call<PageJson<MailJson>>("admin", "GET", `/api/v1/admin/mailbox?limit=1&cursor=${first.json.nextCursor}`);
    expect(second.json.items[0]).toMatchObject({ to: "lead@example.org", subject: "Ticket #1 : rappel", html: "<p>Répondez bientôt.</p>", locale: "fr" });
    const outbox = await api.call<PageJson<OutboxJson>>("admin", "GET", "/api/v1/admin/outbox?kind=email");
    expect(outbox.json.items.slice(0, 2).map((r) => r.transport)).toEqual(["mailbox", "mailbox"]);
  });

  it("pages the outbox newest first", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: PageJson<OutboxJson> } = await api.call("admin", "GET", `/api/v1/admin/outbox?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.json.items.map((r) => r.id));
      cursor = page.json.nextCursor;
    } while (cursor !== null);
    expect(seen.length).toBe(3);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it("answers 404 for a row that does not exist, 400 for bad filters, ids and bodies", async () => {
    const missing = await api.call<ErrorJson>("admin", "POST", "/api/v1/admin/outbox/999999/replay", { body: {} });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe("not_found");
    const badState = await api.call<ErrorJson>("admin", "GET", "/api/v1/admin/outbox?state=lost");
    expect(badState.status).toBe(400);
    expect(badState.json.error.details[0]?.path).toBe("querystring.state");
    expect((await api.call<ErrorJson>("admin", "POST", "/api/v1/admin/outbox/abc/replay", { body: {} })).status).toBe(400);
    const extra = await api.call<ErrorJson>("admin", "POST", "/api/v1/admin/outbox/1/replay", { body: { force: true } });
    expect(extra.status).toBe(400);
    expect(extra.json.error.details[0]?.path).toBe("force");
    expect((await api.call<ErrorJson>("admin", "GET", `/api/v1/admin/mailbox?cursor=${Buffer.from("x").toString("base64url")}`)).status).toBe(400);
  });

  it("lets admins alone read the outbox and the mailbox, or replay", async () => {
    for (const role of ROLES.filter((r) => r !== "admin")) {
      for (const [method, url] of [
        ["GET", "/api/v1/admin/outbox"],
        ["GET", "/api/v1/admin/mailbox"],
        ["POST", "/api/v1/admin/outbox/1/replay"],
      ] as const) {
        const answer = await api.call<ErrorJson>(role, method, url, method === "POST" ? { body: {} } : {});
        expect(answer.status, `${role} ${method} ${url}`).toBe(403);
        expect(answer.json.error.code).toBe("forbidden");
      }
    }
  });
});
