// Opening a ticket for someone who is not a customer yet: `requester` matches a customer by
// e-mail or creates one, in the ticket's own transaction; `customerId` or `requester`, exactly one.

import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import { customerByEmail } from "../../../store/entities.js";

interface Created {
  ticket: { number: number; customerId: string };
}

describeStore("tickets for a requester", (get) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  const request = { subject: "Facture introuvable", channel: "api", message: { text: "Je ne trouve pas ma facture de novembre." } };
  const token = () => ({ token: api.agents.agent.token });

  it("creates the customer from the requester, then finds them again by e-mail whatever its case", async () => {
    const first = await api.call<Created>(token(), "POST", "/api/v1/tickets", {
      body: { ...request, requester: { email: "Sophie.Claes@Example.be", name: "Sophie Claes", language: "fr" } },
    });
    expect(first.status).toBe(201);
    const customer = await customerByEmail(api.db, "sophie.claes@example.be");
    expect(customer).toMatchObject({ id: first.json.ticket.customerId, name: "Sophie Claes", email: "Sophie.Claes@Example.be", language: "fr" });

    const again = await api.call<Created>("manager", "POST", "/api/v1/tickets", {
      body: { ...request, requester: { email: "sophie.claes@example.be", name: "S. Claes", language: "nl" } },
    });
    expect(again.status).toBe(201);
    expect(again.json.ticket.customerId).toBe(first.json.ticket.customerId);
    // A known customer keeps the name and language they have.
    expect(await customerByEmail(api.db, "SOPHIE.CLAES@EXAMPLE.BE")).toMatchObject({ name: "Sophie Claes", language: "fr" });
  });

  it("names a new customer after their address when no name is given", async () => {
    const created = await api.call<Created>(token(), "POST", "/api/v1/tickets", { body: { ...request, requester: { email: "jan.devos@example.nl" } } });
    expect(created.status).toBe(201);
    expect(await customerByEmail(api.db, "jan.devos@example.nl")).toMatchObject({ name: "jan.devos", language: null });
  });

  it("wants exactly one of customerId and requester from staff, and neither from a customer", async () => {
    const neither = await api.call<ErrorJson>(token(), "POST", "/api/v1/tickets", { body: request });
    expect(neither.status).toBe(400);
    expect(neither.json.error.details).toEqual([{ path: "customerId", code: "invalid", message: "give customerId or requester" }]);
    const someone = (await api.call<Created>(token(), "POST", "/api/v1/tickets", { body: { ...request, requester: { email: "both@example.org" } } })).json
      .ticket.customerId;
    const both = await api.call<ErrorJson>(token(), "POST", "/api/v1/tickets", {
      body: { ...request, customerId: someone, requester: { email: "both@example.org" } },
    });
    expect(both.status).toBe(400);
    expect(both.json.error.details).toEqual([{ path: "requester", code: "invalid", message: "give customerId or requester, not both" }]);
    const badEmail = await api.call<ErrorJson>(token(), "POST", "/api/v1/tickets", { body: { ...request, requester: { email: "pas une adresse" } } });
    expect(badEmail.status).toBe(400);
    expect(badEmail.json.error.details[0]?.path).toBe("requester.email");

    const marie = await api.signInCustomer("Marie Lambert", "marie.lambert.requester@example.be");
    const forOthers = await api.call<ErrorJson>(marie, "POST", "/api/v1/tickets", { body: { ...request, requester: { email: "someone.else@example.be" } } });
    expect(forOthers.status).toBe(403);
    expect(await customerByEmail(api.db, "someone.else@example.be")).toBeUndefined();
  });

  it("leaves no customer behind when the ticket cannot be created", async () => {
    const broken = await api.call<ErrorJson>(token(), "POST", "/api/v1/tickets", {
      body: { ...request, productId: "00000000-0000-4000-8000-000000000000", requester: { email: "ghost@example.org", name: "Ghost" } },
    });
    expect(broken.status).toBe(400);
    expect(broken.json.error.details[0]?.path).toBe("productId");
    expect(await customerByEmail(api.db, "ghost@example.org")).toBeUndefined();
  });

  it("documents who must send what", async () => {
    const openapi = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<
        string,
        { post?: { description?: string; requestBody: { content: Record<string, { schema: { properties: Record<string, { description?: string }> } }> } } }
      >;
    };
    const post = openapi.paths["/api/v1/tickets"]?.post;
    expect(post?.description).toContain("`customerId`, or with `requester: {email, name?, language?}`");
    const properties = post?.requestBody.content["application/json"]?.schema.properties ?? {};
    expect(properties.requester?.description).toMatch(/instead of `customerId`/);
    expect(properties.customerId?.description).toMatch(/exactly one of the two/);
  });
});
