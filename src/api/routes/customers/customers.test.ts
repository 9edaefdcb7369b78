// Customers through the HTTP API: the shared resource checks, filters, duplicates, and a
// customer's tickets.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityChecks } from "../../../../test/api/entityChecks.js";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";

describeStore("customer routes", (get) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  describe("as a resource", () => {
    entityChecks(() => api, {
      path: "/api/v1/customers",
      writer: "agent",
      reader: "viewer",
      create: (name, n) => ({ name, email: `customer${n}@example.org`, language: "fr", social: { twitter: `@c${n}` } }),
      change: { phone: "+32 2 123 45 67", language: "nl" },
    });
  });

  it("filters by organization, refuses a taken e-mail, and names broken references", async () => {
    const org = await api.call<{ id: string }>("admin", "POST", "/api/v1/organizations", { body: { name: "Brasserie Dupont", segment: "vip" } });
    const inOrg = await api.call<{ id: string }>("agent", "POST", "/api/v1/customers", {
      body: { name: "Paul Dupont", email: "paul@brasserie.be", organizationId: org.json.id },
    });
    expect(inOrg.status).toBe(201);
    const listed = await api.call<{ items: { id: string }[] }>("viewer", "GET", `/api/v1/customers?organization=${org.json.id}`);
    expect(listed.json.items.map((c) => c.id)).toEqual([inOrg.json.id]);
    const taken = await api.call<ErrorJson>("agent", "POST", "/api/v1/customers", { body: { name: "Paul again", email: "PAUL@brasserie.be" } });
    expect(taken.status).toBe(409);
    expect(taken.json.error).toMatchObject({ code: "duplicate", details: [{ path: "email" }] });
    const broken = await api.call<ErrorJson>("agent", "POST", "/api/v1/customers", {
      body: { name: "Nobody's", organizationId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(broken.status).toBe(400);
    expect(broken.json.error.details[0]?.path).toBe("organizationId");
  });

  it("lists a customer's tickets", async () => {
    const customer = await api.call<{ id: string }>("agent", "POST", "/api/v1/customers", { body: { name: "Anna de Vries" } });
    for (const subject of ["Een", "Twee", "Drie"]) {
      api.clock.advance(1000);
      await api.call("agent", "POST", "/api/v1/tickets", { body: { subject, channel: "email", customerId: customer.json.id } });
    }
    const page = await api.call<{ items: { subject: string }[]; total: number; nextCursor: string | null }>(
      "viewer",
      "GET",
      `/api/v1/customers/${customer.json.id}/tickets?limit=2`,
    );
    expect(page.status).toBe(200);
    expect(page.json.total).toBe(3);
    expect(page.json.items.map((t) => t.subject)).toEqual(["Drie", "Twee"]);
    const rest = await api.call<{ items: { subject: string }[] }>(
      "viewer",
      "GET",
      `/api/v1/customers/${customer.json.id}/tickets?limit=2&cursor=${page.json.nextCursor}`,
    );
    expect(rest.json.items.map((t) => t.subject)).toEqual(["Een"]);
    expect((await api.call("viewer", "GET", "/api/v1/customers/00000000-0000-4000-8000-000000000000/tickets")).status).toBe(404);
  });
});
