// Rules through the HTTP API: create at a position, read with an ETag, conditional updates,
// delete, reorder, every problem of a rule named by its path (in the reader's language), the dry
// run of a draft on the latest tickets, and the triage settings.

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TriageSignals } from "../../src/core/triage/signals.js";
import { messages } from "../../src/store/schema.js";
import { buildOrganization, buildCustomer, buildTicket } from "../support/factories.js";
import { describeStore } from "../support/testDatabase.js";
import { type ApiHarness, type ErrorJson, openApi } from "./harness.js";

interface RuleJson {
  id: string;
  name: string;
  position: number;
  version: number;
  enabled: boolean;
  stop: boolean;
  [field: string]: unknown;
}

const draft = (name: string, more: Record<string, unknown> = {}) => ({
  name,
  triggers: ["customer_message"],
  conditions: { all: [{ field: "message.text", op: "matches_words", value: ["ne marche pas", "werkt niet"] }] },
  actions: [
    { type: "set_priority", priority: "urgent" },
    { type: "add_tags", tags: ["Outage"] },
  ],
  ...more,
});

describeStore("rule routes", (get) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  const names = async () => (await api.call<{ items: RuleJson[] }>("viewer", "GET", "/api/v1/rules")).json.items.map((r) => `${r.position} ${r.name}`);

  describe("writing rules", () => {
    let first: RuleJson;

    it("creates rules last or at a position, fills their defaults and reads one back with its ETag", async () => {
      const created = await api.call<RuleJson>("manager", "POST", "/api/v1/rules", { body: draft("Outage words") });
      expect(created.status).toBe(201);
      first = created.json;
      expect(first).toMatchObject({ name: "Outage words", position: 0, version: 1, enabled: true, stop: false });
      expect(first.actions).toEqual([
        { type: "set_priority", priority: "urgent" },
        { type: "add_tags", tags: ["outage"] },
      ]);
      expect((await api.call<RuleJson>("manager", "POST", "/api/v1/rules", { body: draft("Legal") })).status).toBe(201);
      expect((await api.call<RuleJson>("admin", "POST", "/api/v1/rules", { body: { ...draft("VIP first"), position: 0 } })).status).toBe(201);
      expect(await names()).toEqual(["0 VIP first", "1 Outage words", "2 Legal"]);
      const read = await api.call<RuleJson>("viewer", "GET", `/api/v1/rules/${first.id}`);
      expect(read.headers.etag).toBe(`"${read.json.version}"`);
      expect(read.json.name).toBe("Outage words");
    });

    it("refuses a second rule of the same name", async () => {
      const again = await api.call<ErrorJson>("manager", "POST", "/api/v1/rules", { body: draft("OUTAGE WORDS") });
      expect(again.status).toBe(409);
      expect(again.json.error.details[0]?.path).toBe("name");
    });

    it("changes a rule under If-Match, and refuses a stale version", async () => {
      const current = (await api.call<RuleJson>("viewer", "GET", `/api/v1/rules/${first.id}`)).json;
      const changed = await api.call<RuleJson>("manager", "PATCH", `/api/v1/rules/${first.id}`, {
        body: { stop: true },
        headers: { "if-match": `"${current.version}"` },
      });
      expect(changed.status).toBe(200);
      expect(changed.json).toMatchObject({ stop: true, version: current.version + 1, name: "Outage words" });
      const stale = await api.call<ErrorJson>("manager", "PATCH", `/api/v1/rules/${first.id}`, {
        body: { enabled: false },
        headers: { "if-match": `"${current.version}"` },
      });
      expect(stale.status).toBe(409);
      expect(stale.json.error.code).toBe("version_conflict");
    });

    it("turns a rule into a time rule and back", async () => {
      const timed = await api.call<RuleJson>("manager", "PATCH", `/api/v1/rules/${first.id}`, {
        body: { triggers: ["time"], time: { since: "status_changed", amount: 3, unit: "business_days" } },
      });
      expect(timed.status).toBe(200);
      expect(timed.json.time).toEqual({ since: "status_changed", amount: 3, unit: "business_days" });
      const back = await api.call<RuleJson>("manager", "PATCH", `/api/v1/rules/${first.id}`, { body: { triggers: ["customer_message"], time: null } });
      expect(back.status).toBe(200);
      expect(back.json.time).toBeUndefined();
    });

    it("reorders every rule, and refuses a list that leaves one out", async () => {
      const ids = (await api.call<{ items: RuleJson[] }>("viewer", "GET", "/api/v1/rules")).json.items.map((r) => r.id);
      const reordered = await api.call<{ items: RuleJson[] }>("manager", "POST", "/api/v1/rules/reorder", { body: { ids: [...ids].reverse() } });
      expect(reordered.status).toBe(200);
      expect(reordered.json.items.map((r) => r.name)).toEqual(["Legal", "Outage words", "VIP first"]);
      const partial = await api.call<ErrorJson>("manager", "POST", "/api/v1/rules/reorder", { body: { ids: ids.slice(1) } });
      expect(partial.status).toBe(400);
      expect(partial.json.error.details[0]?.path).toBe("ids");
    });

    it("deletes a rule and closes the gap in the order", async () => {
      const legal = (await api.call<{ items: RuleJson[] }>("viewer", "GET", "/api/v1/rules")).json.items.find((r) => r.name === "Legal");
      expect((await api.call("manager", "DELETE", `/api/v1/rules/${legal?.id}`)).status).toBe(204);
      expect((await api.call("viewer", "GET", `/api/v1/rules/${legal?.id}`)).status).toBe(404);
      expect((await api.call("manager", "DELETE", `/api/v1/rules/${legal?.id}`)).status).toBe(404);
      expect(await names()).toEqual(["0 Outage words", "1 VIP first"]);
    });
  });

  describe("problems", () => {
    const broken = {
      name: "Broken",
      triggers: ["time"],
      conditions: { all: [{ field: "ticket.priority", op: "is", value: "critical" }, { not: { field: "ticket.mood", op: "is", value: 1 } }] },
      actions: [{ type: "set_priority", priority: "asap" }],
    };

    it("names every problem of a rule with its path and code", async () => {
      const answer = await api.call<ErrorJson>("manager", "POST", "/api/v1/rules", { body: broken });
      expect(answer.status).toBe(400);
      expect(answer.json.error.details.map((d) => `${d.path} ${d.code}`)).toEqual([
        "time field_required",
        "conditions.all[0].value not_in_vocabulary",
        "conditions.all[1].not.field unknown_rule_field",
        "actions[0].priority not_in_vocabulary",
      ]);
    });

    it("says them in the reader's language", async () => {
      const answer = await api.call<ErrorJson>("manager", "POST", "/api/v1/rules", { body: broken, headers: { "accept-language": "fr" } });
      expect(answer.status).toBe(400);
      const details = answer.json.error.details;
      expect(details[0]).toMatchObject({ path: "time", label: "Délai", message: "est obligatoire ici" });
      expect(details[2]).toMatchObject({ label: "Condition 2 › Pas › Champ", message: "n’est pas un champ que les règles lisent\u00a0: ticket.mood" });
      expect(details[3]?.label).toBe("Action 1 › Priorité");
    });

    it("refuses the same problems on a dry run, and on a change", async () => {
      const dry = await api.call<ErrorJson>("viewer", "POST", "/api/v1/rules/dry-run", { body: { rule: broken } });
      expect(dry.status).toBe(400);
      expect(dry.json.error.details).toHaveLength(4);
      const rule = (await api.call<{ items: RuleJson[] }>("viewer", "GET", "/api/v1/rules")).json.items[0];
      const patch = await api.call<ErrorJson>("manager", "PATCH", `/api/v1/rules/${rule?.id}`, { body: { actions: [] } });
      expect(patch.status).toBe(400);
      expect(patch.json.error.details.map((d) => `${d.path} ${d.code}`)).toEqual(["actions too_few_items"]);
    });
  });

  describe("dry run", () => {
    let outage: number;
    let legal: number;
    beforeAll(async () => {
      const now = api.clock.now();
      const organization = await buildOrganization(api.db, { now, segment: "enterprise" });
      const customer = await buildCustomer(api.db, { now, organizationId: organization.id });
      outage = (await buildTicket(api.db, { now, customerId: customer.id, subject: "Accès", message: { text: "Bonjour, ÇA NE MARCHE PAS!!" } })).ticket.number;
      const legalTicket = await buildTicket(api.db, { now, subject: "Facture", message: { text: "Je contacte mon avocat." } });
      legal = legalTicket.ticket.number;
      const triage: TriageSignals = { language: "fr", frustration: 0.8, frustrated: true, alarms: [{ kind: "legal", phrase: "avocat" }], reasons: [] };
      await api.db.update(messages).set({ triage }).where(eq(messages.id, legalTicket.message!.id));
      await buildTicket(api.db, { now, subject: "Merci", message: { text: "Tout va bien" } });
    });

    it("says which tickets a draft would match, why, and what it would change", async () => {
      const answer = await api.call<{ examined: number; matched: Record<string, unknown>[] }>("viewer", "POST", "/api/v1/rules/dry-run", {
        body: { rule: draft("Draft", { triggers: ["customer_message", "ticket_created"] }) },
      });
      expect(answer.status).toBe(200);
      expect(answer.json.examined).toBe(3);
      expect(answer.json.matched).toEqual(
        ["customer_message", "ticket_created"].map((trigger) => ({
          ticketNumber: outage,
          subject: "Accès",
          trigger,
          matched: [
            {
              field: "message.text",
              op: "matches_words",
              value: ["ne marche pas", "werkt niet"],
              actual: "Bonjour, ÇA NE MARCHE PAS!!",
              found: ["ne marche pas"],
            },
          ],
          changes: { priority: ["normal", "urgent"], tags: [[], ["outage"]] },
          actions: [],
        })),
      );
    });

    it("reads the triage signals of the latest customer message, the organization and the caller", async () => {
      const rule = {
        name: "Legal",
        triggers: ["customer_message"],
        conditions: {
          any: [
            { field: "triage.alarms", op: "contains", value: "legal" },
            { field: "organization.segment", op: "is", value: "enterprise" },
          ],
        },
        actions: [
          { type: "add_note", text: "Prévenir le juridique" },
          { type: "webhook", url: "https://hooks.example.org/legal", secret: "0123456789abcdef" },
        ],
      };
      const answer = await api.call<{ matched: { ticketNumber: number; actions: unknown[] }[] }>("viewer", "POST", "/api/v1/rules/dry-run", { body: { rule } });
      expect(answer.json.matched.map((m) => m.ticketNumber).sort()).toEqual([outage, legal].sort());
      expect(answer.json.matched[0]?.actions).toEqual([
        { type: "note", summary: "Prévenir le juridique" },
        { type: "webhook", summary: "https://hooks.example.org/legal" },
      ]);
      const byRole = await api.call<{ matched: unknown[] }>("viewer", "POST", "/api/v1/rules/dry-run", {
        body: { rule: { ...rule, conditions: { field: "actor.role", op: "is", value: "manager" } } },
      });
      expect(byRole.json.matched).toEqual([]);
    });

    it("tries the draft on the latest tickets only, up to the limit", async () => {
      const answer = await api.call<{ examined: number }>("viewer", "POST", "/api/v1/rules/dry-run", { body: { rule: draft("Draft"), limit: 2 } });
      expect(answer.json.examined).toBe(2);
      const tooMany = await api.call<ErrorJson>("viewer", "POST", "/api/v1/rules/dry-run", { body: { rule: draft("Draft"), limit: 1001 } });
      expect(tooMany.status).toBe(400);
      expect(tooMany.json.error.details[0]?.path).toBe("limit");
    });
  });

  describe("triage settings", () => {
    it("reads the defaults, then changes them under their version", async () => {
      const defaults = await api.call<{ threshold: number; alarms: Record<string, Record<string, string[]>>; version: number }>(
        "viewer",
        "GET",
        "/api/v1/settings/triage",
      );
      expect(defaults.status).toBe(200);
      expect(defaults.json.version).toBe(0);
      expect(defaults.json.threshold).toBe(0.5);
      expect(defaults.json.alarms.legal?.fr?.length).toBeGreaterThan(0);
      const changed = await api.call<typeof defaults.json>("manager", "PUT", "/api/v1/settings/triage", {
        body: { threshold: 0.7, alarms: { legal: { fr: ["mise en demeure"] } } },
        headers: { "if-match": '"0"' },
      });
      expect(changed.status).toBe(200);
      expect(changed.json).toMatchObject({ threshold: 0.7, version: 1 });
      expect(changed.json.alarms.legal?.fr).toEqual(["mise en demeure"]);
      expect(changed.json.alarms.legal?.nl).toEqual(defaults.json.alarms.legal?.nl);
      const stale = await api.call<ErrorJson>("manager", "PUT", "/api/v1/settings/triage", { body: { threshold: 0.6 }, headers: { "if-match": '"0"' } });
      expect(stale.status).toBe(409);
    });

    it("refuses a threshold out of 0..1 and an unknown alarm kind", async () => {
      const answer = await api.call<ErrorJson>("manager", "PUT", "/api/v1/settings/triage", { body: { threshold: 1.5, alarms: { gossip: { fr: ["x"] } } } });
      expect(answer.status).toBe(400);
      expect(answer.json.error.details.map((d) => d.path).sort()).toEqual(["alarms.gossip", "threshold"]);
    });
  });
});
