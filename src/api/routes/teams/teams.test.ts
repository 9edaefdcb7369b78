// Teams through the HTTP API: the shared resource checks and the team lead reference.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityChecks } from "../../../../test/api/entityChecks.js";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";

describeStore("team routes", (get) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  describe("as a resource", () => {
    entityChecks(() => api, {
      path: "/api/v1/teams",
      writer: "manager",
      reader: "team_lead",
      create: (name, n) => ({ name, email: `team${n}@example.org` }),
      change: { email: "renamed@example.org" },
    });
  });

  it("sets a lead among the agents, and refuses one that does not exist", async () => {
    const team = await api.call<{ id: string; leadId: string | null }>("manager", "POST", "/api/v1/teams", {
      body: { name: "Niveau 2", leadId: api.agents.team_lead.id },
    });
    expect(team.json.leadId).toBe(api.agents.team_lead.id);
    const cleared = await api.call<{ leadId: string | null }>("manager", "PATCH", `/api/v1/teams/${team.json.id}`, { body: { leadId: null } });
    expect(cleared.json.leadId).toBeNull();
    const broken = await api.call<ErrorJson>("manager", "PATCH", `/api/v1/teams/${team.json.id}`, { body: { leadId: "00000000-0000-4000-8000-000000000000" } });
    expect(broken.status).toBe(400);
    expect(broken.json.error.details[0]?.path).toBe("leadId");
  });
});
