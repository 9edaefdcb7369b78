// Organizations through the HTTP API: the shared resource checks, the segment filter and names
// that must be unique whatever their case.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityChecks } from "../../../../test/api/entityChecks.js";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";

describeStore("organization routes", (get) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  describe("as a resource", () => {
    entityChecks(() => api, {
      path: "/api/v1/organizations",
      writer: "manager",
      reader: "agent",
      create: (name, n) => ({ name, domains: [`org${n}.example`] }),
      change: { segment: "enterprise", domains: ["example.be", "example.nl"] },
    });
  });

  it("filters by segment, lower-cases domains, and refuses a name taken in another case", async () => {
    const vip = await api.call<{ id: string; domains: string[] }>("admin", "POST", "/api/v1/organizations", {
      body: { name: "Chocolaterie Leonidas", segment: "vip", domains: ["Leonidas.BE"] },
    });
    expect(vip.json.domains).toEqual(["leonidas.be"]);
    const listed = await api.call<{ items: { id: string }[] }>("viewer", "GET", "/api/v1/organizations?segment=vip");
    expect(listed.json.items.map((o) => o.id)).toEqual([vip.json.id]);
    const taken = await api.call<ErrorJson>("admin", "POST", "/api/v1/organizations", { body: { name: "CHOCOLATERIE LEONIDAS" } });
    expect(taken.status).toBe(409);
    expect(taken.json.error).toMatchObject({ code: "duplicate", details: [{ path: "name" }] });
    expect((await api.call<ErrorJson>("team_lead", "POST", "/api/v1/organizations", { body: { name: "Not mine to make" } })).status).toBe(403);
  });
});
