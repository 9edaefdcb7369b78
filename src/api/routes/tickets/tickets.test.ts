// Tickets through the HTTP API: create (with Idempotency-Key), read with an ETag, conditional
// update, and the answers to bad input — in process, on a migrated database of each backend.

import { sql } from "drizzle-orm";
import type { Static } from "typebox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { buildCustomer } from "../../../../test/support/factories.js";
import { describeStore, selectRows } from "../../../../test/support/testDatabase.js";
import type { CreateTicketResponse, TicketSchema } from "./schema.js";

type Created = Static<typeof CreateTicketResponse>;
type TicketJson = Static<typeof TicketSchema>;

describeStore("ticket routes", (get) => {
  let api: ApiHarness;
  let customerId: string;

  beforeAll(async () => {
    api = await openApi(get());
    customerId = (await buildCustomer(api.db, { language: "fr", now: api.clock.now() })).id;
  });
  afterAll(() => api.close());

  const count = async (subject: string) =>
    (await selectRows<{ n: number }>(get(), sql`select count(*)::int as n from tickets where subject = ${subject}`))[0]?.n;

  it("opens a ticket with its first message, and reads it back with an ETag", async () => {
    const created = await api.call<Created>("agent", "POST", "/api/v1/tickets", {
      body: {
        subject: "Facture en double",
        channel: "phone",
        customerId,
        language: "fr",
        tags: ["Facturation", " urgent "],
        message: { text: "Elle a été débitée deux fois." },
      },
    });
    expect(created.status).toBe(201);
    const { ticket, message } = created.json;
    expect(ticket).toMatchObject({
      subject: "Facture en double",
      status: "new",
      priority: "normal",
      tier: "L1",
      channel: "phone",
      customerId,
      tags: ["facturation", "urgent"],
      version: 2,
    });
    expect(ticket.createdAt).toBe(api.clock.now().toISOString());
    // Taken on the phone: the first message is the customer's, logged by the agent.
    expect(message).toMatchObject({
      kind: "customer",
      authorCustomerId: customerId,
      authorAgentId: api.agents.agent.id,
      bodyText: "Elle a été débitée deux fois.",
      channel: "phone",
    });

    const read = await api.call<TicketJson>("viewer", "GET", `/api/v1/tickets/${ticket.number}`);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe(`"${read.json.version}"`);
    expect(read.json).toEqual(ticket);
  });

  it("needs a customer or a requester for tickets opened by agents, and a body for their message", async () => {
    const noCustomer = await api.call<ErrorJson>("agent", "POST", "/api/v1/tickets", { body: { subject: "Sans client", channel: "email" } });
    expect(noCustomer.status).toBe(400);
    expect(noCustomer.json.error).toMatchObject({
      code: "invalid_request",
      details: [{ path: "customerId", code: "invalid", message: "give customerId or requester" }],
    });
    const emptyMessage = await api.call<ErrorJson>("agent", "POST", "/api/v1/tickets", {
      body: { subject: "Vide", channel: "email", customerId, message: { text: "  " } },
    });
    expect(emptyMessage.status).toBe(400);
    const unknownCustomer = await api.call<ErrorJson>("agent", "POST", "/api/v1/tickets", {
      body: { subject: "Client inconnu", channel: "email", customerId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(unknownCustomer.status).toBe(400);
    expect(unknownCustomer.json.error.details).toEqual([{ path: "customerId", code: "invalid", message: "refers to something that does not exist" }]);
    expect(await count("Client inconnu")).toBe(0);
  });

  it("answers a retried POST with the same Idempotency-Key with the first answer, creating one ticket", async () => {
    const body = { subject: "Retry me", channel: "api", customerId, message: { text: "hello" } };
    const headers = { "idempotency-key": "3f1c7a52-retry-1" };
    const first = await api.call<Created>("agent", "POST", "/api/v1/tickets", { body, headers });
    api.clock.advance(5_000);
    const again = await api.call<Created>("agent", "POST", "/api/v1/tickets", {
      body: { message: { text: "hello" }, customerId, channel: "api", subject: "Retry me" },
      headers,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(await count("Retry me")).toBe(1);

    const otherBody = await api.call<ErrorJson>("agent", "POST", "/api/v1/tickets", { body: { ...body, subject: "Another" }, headers });
    expect(otherBody.status).toBe(409);
    expect(otherBody.json.error.code).toBe("idempotency_key_reused");
    expect(await count("Another")).toBe(0);

    // Keys are per caller: another agent's request with the same key is its own.
    const otherCaller = await api.call<Created>("manager", "POST", "/api/v1/tickets", { body, headers });
    expect(otherCaller.status).toBe(201);
    expect(otherCaller.json.ticket.number).not.toBe(first.json.ticket.number);
    expect(await count("Retry me")).toBe(2);
  });

  it("does not keep the key of a request that failed, so that a corrected retry works", async () => {
    const headers = { "idempotency-key": "failed-then-fixed" };
    const failed = await api.call("agent", "POST", "/api/v1/tickets", {
      body: { subject: "Fixed later", channel: "api", customerId: "00000000-0000-4000-8000-000000000000" },
      headers,
    });
    expect(failed.status).toBe(400);
    const fixed = await api.call("agent", "POST", "/api/v1/tickets", { body: { subject: "Fixed later", channel: "api", customerId }, headers });
    expect(fixed.status).toBe(201);
    const badKey = await api.call<ErrorJson>("agent", "POST", "/api/v1/tickets", {
      body: { subject: "Bad key", channel: "api", customerId },
      headers: { "idempotency-key": "" },
    });
    expect(badKey.status).toBe(400);
  });

  it("changes a ticket only at the version the caller read (If-Match or version)", async () => {
    const { ticket } = (await api.call<Created>("agent", "POST", "/api/v1/tickets", { body: { subject: "Concurrent edits", channel: "email", customerId } }))
      .json;
    api.clock.advance(60_000);
    const first = await api.call<TicketJson>("agent", "PATCH", `/api/v1/tickets/${ticket.number}`, {
      body: { priority: "high", assigneeId: api.agents.agent.id },
      headers: { "if-match": `"${ticket.version}"` },
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      priority: "high",
      assigneeId: api.agents.agent.id,
      version: ticket.version + 1,
      updatedAt: api.clock.now().toISOString(),
    });
    expect(first.headers.etag).toBe(`"${ticket.version + 1}"`);

    const stale = await api.call<ErrorJson>("team_lead", "PATCH", `/api/v1/tickets/${ticket.number}`, {
      body: { priority: "low" },
      headers: { "if-match": `"${ticket.version}"` },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("version_conflict");
    const staleBody = await api.call<ErrorJson>("team_lead", "PATCH", `/api/v1/tickets/${ticket.number}`, {
      body: { priority: "low", version: ticket.version },
    });
    expect(staleBody.status).toBe(409);

    const fresh = await api.call<TicketJson>("team_lead", "PATCH", `/api/v1/tickets/${ticket.number}`, {
      body: { priority: "low", version: ticket.version + 1 },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.json.priority).toBe("low");
    const unconditional = await api.call<TicketJson>("team_lead", "PATCH", `/api/v1/tickets/${ticket.number}`, {
      body: { status: "pending" },
      headers: { "if-match": "*" },
    });
    expect(unconditional.json.status).toBe("pending");

    const malformed = await api.call<ErrorJson>("agent", "PATCH", `/api/v1/tickets/${ticket.number}`, {
      body: { priority: "low" },
      headers: { "if-match": "yesterday" },
    });
    expect(malformed.status).toBe(400);
    const disagree = await api.call<ErrorJson>("agent", "PATCH", `/api/v1/tickets/${ticket.number}`, {
      body: { priority: "low", version: 1 },
      headers: { "if-match": '"2"' },
    });
    expect(disagree.status).toBe(400);
    expect(disagree.json.error.details[0]?.path).toBe("version");
  });

  it("refuses a status change the lifecycle does not allow with 409 invalid_transition", async () => {
    const { ticket } = (await api.call<Created>("agent", "POST", "/api/v1/tickets", { body: { subject: "Lifecycle", channel: "email", customerId } })).json;
    const closed = await api.call<ErrorJson>("agent", "PATCH", `/api/v1/tickets/${ticket.number}`, { body: { status: "closed" } });
    expect(closed.status).toBe(409);
    expect(closed.json.error).toMatchObject({ code: "invalid_transition", details: [{ path: "status" }] });
  });

  it("answers bad input with the error shape, never a 500", async () => {
    const unknown = await api.call<ErrorJson>("agent", "POST", "/api/v1/tickets", {
      body: { subject: "x", channel: "email", customerId, colour: "red", prio: 1 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details).toEqual([
      { path: "colour", code: "unknown_field", message: "is not a known field" },
      { path: "prio", code: "unknown_field", message: "is not a known field" },
    ]);
    const wrongType = await api.call<ErrorJson>("agent", "POST", "/api/v1/tickets", { body: { subject: 42, channel: "fax", customerId: "nope" } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error.details.map((d) => d.path).sort()).toEqual(["channel", "customerId", "subject"]);
    expect((await api.call<ErrorJson>("agent", "GET", "/api/v1/tickets/abc")).status).toBe(400);
    expect((await api.call<ErrorJson>("agent", "GET", "/api/v1/tickets/99999999999999999999")).status).toBe(400);
    expect((await api.call<ErrorJson>("agent", "GET", "/api/v1/tickets/424242")).status).toBe(404);
    expect((await api.call<ErrorJson>("agent", "PATCH", "/api/v1/tickets/424242", { body: { priority: "low" } })).status).toBe(404);
    const text = await api.call<ErrorJson>("agent", "POST", "/api/v1/tickets", { body: "subject=x", headers: { "content-type": "text/plain" } });
    expect(text.status).toBe(415);
    expect(text.json.error.code).toBe("unsupported_media_type");
    const notJson = await api.call<ErrorJson>("agent", "POST", "/api/v1/tickets", { body: "{subject:", headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.code).toBe("invalid_request");
    const big = await api.call<ErrorJson>("agent", "POST", "/api/v1/tickets", {
      body: { subject: "big", channel: "email", customerId, message: { text: "x".repeat(1_100_000) } },
    });
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe("payload_too_large");
    const nul = await api.call<ErrorJson>("agent", "POST", "/api/v1/tickets", { body: { subject: "nul\u0000byte", channel: "email", customerId } });
    expect(nul.status).toBe(400);
    expect(nul.json.error.details).toEqual([{ path: "subject", code: "nul_character", message: "must not contain the NUL character (U+0000)" }]);
    const cursor = await api.call<ErrorJson>("agent", "GET", `/api/v1/tickets?cursor=${Buffer.from(JSON.stringify([1e300, 1.5])).toString("base64url")}`);
    expect(cursor.status).toBe(400);
    expect(cursor.json.error.details).toEqual([{ path: "cursor", code: "invalid", message: "is not a cursor from a previous page" }]);
  });

  it("refuses forged cursors holding instants PostgreSQL cannot read, on every sort", async () => {
    for (const instant of ["0000-01-01T00:00:00.000Z", "2026-02-30T09:00:00.000Z", "2026-04-31T09:00:00.000Z", "0999-12-31T23:59:59.999Z"]) {
      for (const sort of ["created_at", "updated_at", "due"]) {
        const cursor = Buffer.from(JSON.stringify([instant, 1000])).toString("base64url");
        const answer = await api.call<ErrorJson>("agent", "GET", `/api/v1/tickets?sort=${sort}&cursor=${cursor}`);
        expect({ instant, sort, status: answer.status, details: answer.json.error?.details }).toEqual({
          instant,
          sort,
          status: 400,
          details: [{ path: "cursor", code: "invalid", message: "is not a cursor from a previous page" }],
        });
      }
    }
  });
});
