// The escalation settings over HTTP: the defaults read, a change by a manager under its version,
// every bad field named in the reader's language, and the reminder delay and root causes in force.

import { afterAll, beforeAll, expect, it } from "vitest";
import { getEscalationSettings } from "../../src/store/escalations.js";
import { getApprovalLimits } from "../../src/store/approvals.js";
import { describeStore } from "../support/testDatabase.js";
import { type ApiHarness, type ErrorJson, openApi } from "./harness.js";

interface SettingsJson {
  reminderHours: number;
  tryFirstMinutes: number;
  etaMinutes: Record<string, number>;
  approvalLimits: Record<string, number | null>;
  rootCauses: string[];
  version: number;
}

describeStore("escalation settings routes", (get) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  it("reads the defaults, then a manager's change under its version, which the escalation reads", async () => {
    const first = await api.call<SettingsJson>("agent", "GET", "/api/v1/settings/escalation");
    expect(first.json).toMatchObject({ reminderHours: 4, tryFirstMinutes: 10, approvalLimits: { agent: 5000, manager: null }, version: 0 });
    expect(first.json.rootCauses).toContain("other");
    expect((await api.call("agent", "PUT", "/api/v1/settings/escalation", { body: { reminderHours: 2 } })).status).toBe(403);
    const changed = await api.call<SettingsJson>("manager", "PUT", "/api/v1/settings/escalation", {
      body: { reminderHours: 2, etaMinutes: { high: 240 }, approvalLimits: { agent: 10000 }, rootCauses: ["product_defect", "other"] },
    });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({
      reminderHours: 2,
      etaMinutes: { high: 240, critical: 120 },
      approvalLimits: { agent: 10000, team_lead: 20000 },
      version: 1,
    });
    expect(changed.json.rootCauses).toEqual(["product_defect", "other"]);
    const inForce = await getEscalationSettings(api.db);
    expect(inForce).toMatchObject({ reminderHours: 2, rootCauses: ["product_defect", "other"] });
    expect((await getApprovalLimits(api.db)).agent).toBe(10000);
    const stale = await api.call<ErrorJson>("manager", "PUT", "/api/v1/settings/escalation", { body: { reminderHours: 3, version: 7 } });
    expect(stale.status).toBe(409);
  });

  it("refuses bad values naming every field, in the reader's language, and writes nothing", async () => {
    const before = await api.call<SettingsJson>("manager", "GET", "/api/v1/settings/escalation");
    const bad = await api.call<ErrorJson>("manager", "PUT", "/api/v1/settings/escalation", {
      body: { reminderHours: 0, tryFirstMinutes: 2.5, etaMinutes: { low: -1 }, approvalLimits: { agent: "lots" }, rootCauses: ["weather"] },
      headers: { "accept-language": "fr-BE" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d) => d.path)).toEqual([
      "reminderHours",
      "tryFirstMinutes",
      "etaMinutes.low",
      "approvalLimits.agent",
      "rootCauses[0]",
      "rootCauses",
    ]);
    expect(bad.json.error.message).toContain("Rappel après (heures ouvrées) : doit être un nombre entier de 1 à 200");
    expect(bad.json.error.message).toContain("doit garder « autre »");
    expect((await api.call<SettingsJson>("manager", "GET", "/api/v1/settings/escalation")).json).toEqual(before.json);
  });
});
