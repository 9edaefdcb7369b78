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
  rootCauses: { code: string; builtIn: boolean; labels: Record<string, string> | null; retired: boolean }[];
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
    expect(first.json.rootCauses).toContainEqual({ code: "other", builtIn: true, labels: null, retired: false });
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
    const offered = (causes: SettingsJson["rootCauses"]) => causes.filter((c) => !c.retired).map((c) => c.code);
    expect(offered(changed.json.rootCauses)).toEqual(["product_defect", "other"]);
    // The causes left out stay, retired, so that escalations solved with them keep their words.
    expect(changed.json.rootCauses.find((c) => c.code === "dependency")).toMatchObject({ retired: true });
    const inForce = await getEscalationSettings(api.db);
    expect(inForce.reminderHours).toBe(2);
    expect(offered(inForce.rootCauses as SettingsJson["rootCauses"])).toEqual(["product_defect", "other"]);
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

  it("adds a cause with its three labels, renames a built-in one, retires and restores, naming each bad label by its path", async () => {
    const bad = await api.call<ErrorJson>("manager", "PUT", "/api/v1/settings/escalation", {
      body: {
        rootCauses: [
          "other",
          { code: "Bad code!", labels: { fr: "Panne", nl: "Storing", en: "Outage" } },
          { labels: { fr: "Panne du fournisseur", en: "Supplier outage" } },
          { code: "other", labels: { fr: "Autre", nl: "Ander", en: "Other" } },
        ],
      },
      headers: { "accept-language": "nl-BE" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d) => `${d.path} ${d.code}`)).toEqual([
      "rootCauses[1].code wrong_format",
      "rootCauses[2].labels.nl required",
      "rootCauses[3].code duplicate_code",
    ]);
    expect(bad.json.error.message).toContain("Grondoorzaak 3, label in het Nederlands: is verplicht");
    const before = await api.call<SettingsJson>("manager", "GET", "/api/v1/settings/escalation");
    const changed = await api.call<SettingsJson>("manager", "PUT", "/api/v1/settings/escalation", {
      body: {
        rootCauses: [
          { labels: { fr: "Panne du fournisseur", nl: "Storing bij de leverancier", en: "Supplier outage" } },
          { code: "product_defect", labels: { fr: "Bogue", nl: "Bug", en: "Bug" } },
          { code: "dependency", retired: true },
          "other",
        ],
        version: before.json.version,
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.rootCauses.slice(0, 4)).toEqual([
      {
        code: "supplier_outage",
        builtIn: false,
        labels: { fr: "Panne du fournisseur", nl: "Storing bij de leverancier", en: "Supplier outage" },
        retired: false,
      },
      { code: "product_defect", builtIn: true, labels: { fr: "Bogue", nl: "Bug", en: "Bug" }, retired: false },
      { code: "dependency", builtIn: true, labels: null, retired: true },
      { code: "other", builtIn: true, labels: null, retired: false },
    ]);
    const restored = await api.call<SettingsJson>("manager", "PUT", "/api/v1/settings/escalation", {
      body: { rootCauses: ["supplier_outage", { code: "product_defect", labels: null }, "dependency", "other"] },
    });
    expect(restored.json.rootCauses.filter((c) => !c.retired)).toEqual([
      {
        code: "supplier_outage",
        builtIn: false,
        labels: { fr: "Panne du fournisseur", nl: "Storing bij de leverancier", en: "Supplier outage" },
        retired: false,
      },
      { code: "product_defect", builtIn: true, labels: null, retired: false },
      { code: "dependency", builtIn: true, labels: null, retired: false },
      { code: "other", builtIn: true, labels: null, retired: false },
    ]);
  });
});
