// Rule rows and the triage settings on both backends: positions kept dense through inserts,
// deletes and moves, the enabled rules in order, what the dry run reads of the latest tickets,
// and settings written under their version.

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildCustomer, buildOrganization, buildTicket } from "../../test/support/factories.js";
import { describeStore } from "../../test/support/testDatabase.js";
import type { RuleDefinition } from "../core/rules/rule.js";
import { DEFAULT_ALARMS } from "../core/triage/alarms.js";
import { FRUSTRATION_THRESHOLD } from "../core/triage/signals.js";
import { VersionConflictError } from "./errors.js";
import { deleteRule, getRule, insertRule, listEnabledRules, listRules, moveRules, recentTicketsForRules, updateRule } from "./rules.js";
import { messages } from "./schema.js";
import { getTriageSettings, putTriageSettings } from "./settings.js";

const NOW = new Date("2026-11-23T09:00:00Z");

const rule = (name: string, more: Partial<RuleDefinition> = {}): RuleDefinition => ({
  name,
  enabled: true,
  triggers: ["ticket_created"],
  conditions: { all: [] },
  actions: [{ type: "add_tags", tags: ["x"] }],
  stop: false,
  ...more,
});

describeStore("rule rows", (get) => {
  describe("positions", () => {
    it("keeps positions dense through inserts at a place, deletes and moves", async () => {
      const db = get().db;
      const a = await insertRule(db, rule("A"), NOW);
      const b = await insertRule(db, rule("B", { enabled: false }), NOW);
      await insertRule(db, rule("C", { triggers: ["time"], time: { since: "created", amount: 2, unit: "hours" } }), NOW, 0);
      const order = async () => (await listRules(db)).map((r) => `${r.position} ${r.name}`);
      expect(await order()).toEqual(["0 C", "1 A", "2 B"]);
      expect((await listEnabledRules(db)).map((r) => r.name)).toEqual(["C", "A"]);
      expect((await getRule(db, (await listRules(db))[0]!.id))?.time).toEqual({ since: "created", amount: 2, unit: "hours" });
      expect(await deleteRule(db, a.id, NOW)).toBe(true);
      expect(await deleteRule(db, a.id, NOW)).toBe(false);
      expect(await order()).toEqual(["0 C", "1 B"]);
      await moveRules(
        db,
        [
          { id: b.id, position: 0 },
          { id: (await listRules(db))[0]!.id, position: 1 },
        ],
        NOW,
      );
      expect(await order()).toEqual(["0 B", "1 C"]);
    });

    it("takes a time away by writing none, and bumps the version", async () => {
      const db = get().db;
      const timed = await insertRule(db, rule("Timed", { triggers: ["time"], time: { since: "updated", amount: 1, unit: "days" } }), NOW);
      const plain = await updateRule(db, timed.id, { triggers: ["ticket_updated"], time: undefined }, NOW);
      expect(plain.time).toBeUndefined();
      expect(plain.version).toBe(timed.version + 1);
    });

    it("reads no rule for a malformed id", async () => {
      expect(await getRule(get().db, "not-an-id")).toBeUndefined();
    });
  });

  describe("what the dry run reads", () => {
    it("gives the latest tickets first with their customer, organization, latest message and latest customer triage", async () => {
      const db = get().db;
      const organization = await buildOrganization(db, { now: NOW, segment: "vip" });
      const customer = await buildCustomer(db, { now: NOW, organizationId: organization.id, language: "nl" });
      const older = await buildTicket(db, { now: NOW, customerId: customer.id, message: { text: "Het werkt niet" } });
      const triage = { language: "nl" as const, frustration: 0.6, frustrated: true, alarms: [], reasons: [] };
      await db.update(messages).set({ triage }).where(eq(messages.id, older.message!.id));
      const later = new Date(NOW.getTime() + 60_000);
      const newer = await buildTicket(db, { now: later, message: null });
      const found = await recentTicketsForRules(db, 2);
      expect(found.map((f) => f.ticket.number)).toEqual([newer.ticket.number, older.ticket.number]);
      expect(found[0]).toMatchObject({ message: null, triage: null, organization: null });
      expect(found[1]).toMatchObject({
        customer: { language: "nl", organizationId: organization.id },
        organization: { id: organization.id, segment: "vip" },
        message: { text: "Het werkt niet", kind: "customer", channel: "email" },
        triage,
      });
      expect(await recentTicketsForRules(db, 1)).toHaveLength(1);
    });
  });

  describe("triage settings", () => {
    it("reads the defaults, then writes lists over them under the version", async () => {
      const db = get().db;
      expect(await getTriageSettings(db)).toEqual({ threshold: FRUSTRATION_THRESHOLD, alarms: DEFAULT_ALARMS, version: 0 });
      const first = await putTriageSettings(db, { alarms: { churn: { en: ["cancel my plan"] } } }, NOW, 0);
      expect(first.version).toBe(1);
      expect(first.alarms.churn.en).toEqual(["cancel my plan"]);
      expect(first.alarms.churn.fr).toEqual(DEFAULT_ALARMS.churn.fr);
      const second = await putTriageSettings(db, { threshold: 0.8, alarms: { churn: { fr: ["je résilie"] } } }, NOW);
      expect(second).toMatchObject({ threshold: 0.8, version: 2 });
      expect(second.alarms.churn.en).toEqual(["cancel my plan"]);
      expect(await getTriageSettings(db)).toEqual(second);
      await expect(putTriageSettings(db, { threshold: 0.1 }, NOW, 1)).rejects.toBeInstanceOf(VersionConflictError);
    });
  });
});
