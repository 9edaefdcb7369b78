// Products through the HTTP API: the shared resource checks and unique codes.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityChecks } from "../../../../test/api/entityChecks.js";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";

describeStore("product routes", (get) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  describe("as a resource", () => {
    entityChecks(() => api, {
      path: "/api/v1/products",
      writer: "admin",
      reader: "viewer",
      create: (name, n) => ({ name, code: `P-${n}` }),
      change: { code: "RENAMED-1" },
    });
  });

  it("refuses a code already taken", async () => {
    expect((await api.call("manager", "POST", "/api/v1/products", { body: { name: "Facturation", code: "BILLING" } })).status).toBe(201);
    const taken = await api.call<ErrorJson>("manager", "POST", "/api/v1/products", { body: { name: "Billing", code: "BILLING" } });
    expect(taken.status).toBe(409);
    expect(taken.json.error).toMatchObject({ code: "duplicate", details: [{ path: "code" }] });
  });
});
