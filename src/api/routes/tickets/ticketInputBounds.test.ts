// What a caller may put into a ticket: a customer opens a request without triaging it (no
// priority, product, language or custom fields of their choosing), custom fields stay within
// bounds, and no body nests deep enough to reach the database's own limits.

import { beforeAll, afterAll, expect, it } from "vitest";
import { type ApiHarness, type CustomerSession, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import { customerStore } from "../../../store/entities.js";

describeStore("ticket input bounds", (get) => {
  let api: ApiHarness;
  let marie: CustomerSession;
  let customerId: string;

  beforeAll(async () => {
    api = await openApi(get());
    marie = await api.signInCustomer("Marie Lambert", "marie.lambert@example.be");
    customerId = (await customerStore.create(api.db, { name: "Jan Peeters", email: "jan.peeters@example.be", language: "nl" }, api.clock.now())).id;
  });
  afterAll(() => api.close());

  const request = { subject: "Ma box ne marche pas", channel: "web", message: { text: "Depuis ce matin." } };

  it("lets a customer open a request, and not choose what triage decides", async () => {
    const plain = await api.call<{ ticket: { number: number; priority?: string } }>(marie, "POST", "/api/v1/tickets", { body: request });
    expect(plain.status).toBe(201);
    expect(plain.json.ticket.priority).toBeUndefined(); // staff's, not shown to the customer
    const asStaff = await api.call<{ priority: string }>("agent", "GET", `/api/v1/tickets/${plain.json.ticket.number}`);
    expect(asStaff.json.priority).toBe("normal");
    for (const [field, value] of [
      ["priority", "urgent"],
      ["language", "fr"],
      ["productId", "00000000-0000-4000-8000-000000000000"],
      ["customFields", { vip: true }],
    ] as const) {
      const answer = await api.call<ErrorJson>(marie, "POST", "/api/v1/tickets", { body: { ...request, [field]: value } });
      expect({ field, status: answer.status, message: answer.json.error?.message }).toEqual({ field, status: 403, message: `${field}: only staff may set it` });
    }
  });

  it("refuses custom fields beyond their bounds, naming where", async () => {
    const deep = { a: { b: { c: { d: { e: { f: 1 } } } } } };
    const answer = await api.call<ErrorJson>("agent", "POST", "/api/v1/tickets", { body: { ...request, customerId, customFields: { invoice: "F-1", deep } } });
    expect(answer.status).toBe(400);
    expect(answer.json.error.details).toEqual([{ path: "customFields.deep.a.b.c.d.e", code: "invalid", message: "nests deeper than 5 levels" }]);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, i]));
    const created = await api.call<{ ticket: { number: number } }>("agent", "POST", "/api/v1/tickets", { body: { ...request, customerId } });
    const patched = await api.call<ErrorJson>("agent", "PATCH", `/api/v1/tickets/${created.json.ticket.number}`, { body: { customFields: many } });
    expect(patched.status).toBe(400);
    expect(patched.json.error.details).toEqual([{ path: "customFields", code: "invalid", message: "has 51 fields; at most 50" }]);
  });

  it("answers a body nested thousands of levels deep with a 400, not a 500", async () => {
    // Written out by hand: the body is what a hostile client sends, not what a serializer makes.
    const deep = `${'{"x":'.repeat(6_000)}1${"}".repeat(6_000)}`;
    const payload = `{"subject":"profond","channel":"api","customerId":"${customerId}","customFields":{"deep":${deep}}}`;
    const answer = await api.app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers: { authorization: `Bearer ${api.agents.agent.token}`, "content-type": "application/json" },
      payload,
    });
    expect(answer.statusCode).toBe(400);
    const details = (answer.json() as ErrorJson).error.details;
    expect(details[0]?.message).toBe("nests deeper than 32 levels");
    expect(details[0]?.path).toMatch(/^customFields\.deep(\.x)+$/);
  });
});
