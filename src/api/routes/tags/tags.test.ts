// The tag catalogue through the HTTP API: names as tickets carry them, colours, pages.

import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";

describeStore("tag routes", (get) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  it("adds tags trimmed and lower-cased, refuses a taken name, and lists them by name in pages", async () => {
    const added = await api.call("team_lead", "POST", "/api/v1/tags", { body: { name: "  Facturation ", color: "#FFAA00" } });
    expect(added.status).toBe(201);
    expect(added.json).toEqual({ name: "facturation", color: "#ffaa00", createdAt: api.clock.now().toISOString() });
    const taken = await api.call<ErrorJson>("manager", "POST", "/api/v1/tags", { body: { name: "FACTURATION" } });
    expect(taken.status).toBe(409);
    expect(taken.json.error.code).toBe("duplicate");
    for (const name of ["vip", "urgent", "remboursement", "livraison"]) await api.call("admin", "POST", "/api/v1/tags", { body: { name } });

    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { items: { name: string }[]; nextCursor: string | null } } = await api.call(
        "agent",
        "GET",
        `/api/v1/tags?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      names.push(...page.json.items.map((t) => t.name));
      cursor = page.json.nextCursor;
    } while (cursor !== null);
    expect(names).toEqual(["facturation", "livraison", "remboursement", "urgent", "vip"]);
    const matching = await api.call<{ items: { name: string }[] }>("viewer", "GET", "/api/v1/tags?q=RE");
    expect(matching.json.items.map((t) => t.name)).toEqual(["remboursement"]);
  });

  it("refuses bad colours, blank names, and writers below team lead", async () => {
    expect((await api.call<ErrorJson>("admin", "POST", "/api/v1/tags", { body: { name: "rouge", color: "red" } })).status).toBe(400);
    expect((await api.call<ErrorJson>("admin", "POST", "/api/v1/tags", { body: { name: "   " } })).status).toBe(400);
    expect((await api.call<ErrorJson>("agent", "POST", "/api/v1/tags", { body: { name: "mine" } })).status).toBe(403);
    expect((await api.call<ErrorJson>("agent", "GET", `/api/v1/tags?cursor=${Buffer.from("\u0000").toString("base64url")}`)).status).toBe(400);
  });
});
