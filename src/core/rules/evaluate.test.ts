import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/index.js";
import { evaluateCondition, evaluateRules } from "./evaluate.js";
import type { Condition } from "./rule.js";
import { testFacts, testRule, testTicket } from "./testFacts.js";

const holds = (condition: Condition, facts = testFacts()) => evaluateCondition(condition, facts).holds;

const PARIS_OFFICE = BusinessCalendar.fromSpec({
  timezone: "Europe/Paris",
  hours: { mon: [["09:00", "18:00"]], tue: [["09:00", "18:00"]], wed: [["09:00", "18:00"]], thu: [["09:00", "18:00"]], fri: [["09:00", "18:00"]] },
});

describe("matches_words", () => {
  it("matches a phrase whatever its case, accents and punctuation", () => {
    const facts = testFacts({ message: { text: "ÇA NE MARCHE PAS!!", kind: "customer", channel: "email" } });
    const result = evaluateCondition({ field: "message.text", op: "matches_words", value: "ne marche pas" }, facts);
    expect(result.holds).toBe(true);
    expect(result.matched).toEqual([
      { field: "message.text", op: "matches_words", value: "ne marche pas", actual: "ÇA NE MARCHE PAS!!", found: ["ne marche pas"] },
    ]);
  });

  it("matches a phrase written with accents in a text written without", () => {
    const facts = testFacts({ message: { text: "le systeme est EN PANNE, deja 2 jours", kind: "customer", channel: "email" } });
    expect(holds({ field: "message.text", op: "matches_words", value: "système en panne" }, facts)).toBe(false);
    expect(holds({ field: "message.text", op: "matches_words", value: "est en panne" }, facts)).toBe(true);
    expect(holds({ field: "message.text", op: "matches_words", value: "déjà" }, facts)).toBe(true);
  });

  it("matches whole words only", () => {
    const facts = testFacts({ message: { text: "ne marche passablement", kind: "customer", channel: "email" } });
    expect(holds({ field: "message.text", op: "matches_words", value: "ne marche pas" }, facts)).toBe(false);
  });

  it("lists every phrase of the list that it found, as the rule wrote them", () => {
    const facts = testFacts({ message: { text: "Het werkt niet. Ça ne marche pas.", kind: "customer", channel: "email" } });
    const result = evaluateCondition({ field: "message.text", op: "matches_words", value: ["Ne marche pas", "werkt niet", "doesn't work"] }, facts);
    expect(result.matched[0]?.found).toEqual(["Ne marche pas", "werkt niet"]);
  });

  it("matches any element of a list of texts", () => {
    const facts = testFacts({
      triage: { language: "fr", frustration: 0.2, frustrated: false, alarms: [{ kind: "legal", phrase: "mise en demeure" }], reasons: [] },
    });
    expect(holds({ field: "triage.alarmPhrases", op: "matches_words", value: "demeure" }, facts)).toBe(true);
  });

  it("does not match a message that is absent", () => {
    expect(holds({ field: "message.text", op: "matches_words", value: "panne" }, testFacts({ message: null }))).toBe(false);
  });
});

describe("text operators", () => {
  it("compares with is without case or accents", () => {
    expect(holds({ field: "customer.name", op: "is", value: "ELODIE MARTIN" })).toBe(true);
    expect(holds({ field: "customer.name", op: "is", value: "Elodie" })).toBe(false);
    expect(holds({ field: "customer.name", op: "is_not", value: "Elodie" })).toBe(true);
  });

  it("finds a piece of text with contains, punctuation kept", () => {
    expect(holds({ field: "customer.email", op: "contains", value: "@ACME.example" })).toBe(true);
    expect(holds({ field: "customer.email", op: "contains", value: "acme example" })).toBe(false);
    expect(holds({ field: "ticket.subject", op: "contains_any", value: ["remboursement", "FACTURE"] })).toBe(true);
  });

  it("checks the start of a text with starts_with", () => {
    expect(holds({ field: "ticket.subject", op: "starts_with", value: "facture" })).toBe(true);
    expect(holds({ field: "ticket.subject", op: "starts_with", value: "novembre" })).toBe(false);
  });

  it("tests one of several values with in", () => {
    expect(holds({ field: "organization.segment", op: "in", value: ["smb", "Enterprise"] })).toBe(true);
    expect(holds({ field: "organization.segment", op: "in", value: ["smb"] })).toBe(false);
  });
});

describe("lists", () => {
  const facts = testFacts({ ticket: testTicket({ tags: ["billing", "vip"] }) });

  it("says a list contains an element, and is one when it carries it", () => {
    expect(holds({ field: "ticket.tags", op: "contains", value: "vip" }, facts)).toBe(true);
    expect(holds({ field: "ticket.tags", op: "contains", value: "vi" }, facts)).toBe(false);
    expect(holds({ field: "ticket.tags", op: "is", value: "billing" }, facts)).toBe(true);
    expect(holds({ field: "ticket.tags", op: "is_not", value: "billing" }, facts)).toBe(false);
  });

  it("holds with in and contains_any when the list carries one of the values", () => {
    expect(holds({ field: "ticket.tags", op: "in", value: ["gold", "vip"] }, facts)).toBe(true);
    expect(holds({ field: "ticket.tags", op: "contains_any", value: ["gold", "silver"] }, facts)).toBe(false);
  });

  it("reads the kinds of the alarms found", () => {
    expect(holds({ field: "triage.alarms", op: "contains", value: "legal" })).toBe(true);
    expect(holds({ field: "triage.alarms", op: "contains", value: "churn" })).toBe(false);
  });
});

describe("ordered values, numbers and instants", () => {
  it("compares priorities and tiers by their order", () => {
    const facts = testFacts({ ticket: testTicket({ priority: "high", tier: "L2" }) });
    expect(holds({ field: "ticket.priority", op: "greater_than", value: "normal" }, facts)).toBe(true);
    expect(holds({ field: "ticket.priority", op: "greater_than", value: "high" }, facts)).toBe(false);
    expect(holds({ field: "ticket.priority", op: "less_than", value: "urgent" }, facts)).toBe(true);
    expect(holds({ field: "ticket.tier", op: "greater_than", value: "L1" }, facts)).toBe(true);
  });

  it("compares numbers", () => {
    expect(holds({ field: "triage.frustration", op: "greater_than", value: 0.7 })).toBe(true);
    expect(holds({ field: "triage.frustration", op: "less_than", value: 0.7 })).toBe(false);
    expect(holds({ field: "triage.frustration", op: "greater_than", value: 0 }, testFacts({ triage: null }))).toBe(false);
  });

  it("compares instants with an ISO 8601 instant", () => {
    expect(holds({ field: "ticket.createdAt", op: "less_than", value: "2026-11-23T10:30:00+01:00" })).toBe(true);
    expect(holds({ field: "ticket.createdAt", op: "greater_than", value: "2026-11-23T10:30:00+01:00" })).toBe(false);
    const result = evaluateCondition({ field: "ticket.createdAt", op: "less_than", value: "2026-12-01T00:00:00Z" }, testFacts());
    expect(result.matched[0]?.actual).toBe("2026-11-23T09:00:00.000Z");
  });

  it("compares booleans and empty fields", () => {
    expect(holds({ field: "triage.frustrated", op: "is", value: true })).toBe(true);
    expect(holds({ field: "ticket.assigneeId", op: "is", value: null })).toBe(true);
    expect(holds({ field: "ticket.assigneeId", op: "is_not", value: null })).toBe(false);
  });

  it("reads custom fields of any type", () => {
    const facts = testFacts({ ticket: testTicket({ customFields: { contract: "Gold Plus", seats: 120 } }) });
    expect(holds({ field: "ticket.customFields.contract", op: "starts_with", value: "gold" }, facts)).toBe(true);
    expect(holds({ field: "ticket.customFields.seats", op: "greater_than", value: 100 }, facts)).toBe(true);
    expect(holds({ field: "ticket.customFields.seats", op: "is", value: 120 }, facts)).toBe(true);
    expect(holds({ field: "ticket.customFields.missing", op: "is", value: null }, facts)).toBe(true);
  });

  it("never holds on a field it does not know", () => {
    expect(holds({ field: "ticket.mood", op: "is", value: null })).toBe(false);
  });
});

describe("changes", () => {
  const before = testTicket({ priority: "normal", tags: ["billing"] });
  const after = testTicket({ priority: "urgent", tags: ["billing", "vip"] });
  const facts = testFacts({ ticket: after, before });

  it("sees a field that changed, with its values before and after", () => {
    const result = evaluateCondition({ field: "ticket.priority", op: "changed" }, facts);
    expect(result).toEqual({ holds: true, matched: [{ field: "ticket.priority", op: "changed", actual: ["normal", "urgent"] }] });
    expect(holds({ field: "ticket.status", op: "changed" }, facts)).toBe(false);
  });

  it("tells where a value changed from and to", () => {
    expect(holds({ field: "ticket.priority", op: "changed_from", value: "normal" }, facts)).toBe(true);
    expect(holds({ field: "ticket.priority", op: "changed_from", value: "high" }, facts)).toBe(false);
    expect(holds({ field: "ticket.priority", op: "changed_to", value: ["high", "urgent"] }, facts)).toBe(true);
    expect(holds({ field: "ticket.priority", op: "changed_to", value: "normal" }, facts)).toBe(false);
  });

  it("reads a tag added as changed to it, and one removed as changed from it", () => {
    expect(holds({ field: "ticket.tags", op: "changed_to", value: "vip" }, facts)).toBe(true);
    expect(holds({ field: "ticket.tags", op: "changed_to", value: "billing" }, facts)).toBe(false);
    const reversed = testFacts({ ticket: before, before: after });
    expect(holds({ field: "ticket.tags", op: "changed_from", value: "vip" }, reversed)).toBe(true);
    expect(holds({ field: "ticket.tags", op: "changed_from", value: "billing" }, reversed)).toBe(false);
  });

  it("sees no change without a before", () => {
    expect(holds({ field: "ticket.priority", op: "changed" }, testFacts({ ticket: after }))).toBe(false);
  });
});

describe("within_business_hours", () => {
  it("holds when the calendar is open at the instant of the evaluation", () => {
    // Monday 10:00 UTC is 11:00 in Paris; 18:30 UTC is 19:30.
    expect(holds({ field: "now", op: "within_business_hours" }, testFacts({ calendar: PARIS_OFFICE }))).toBe(true);
    expect(holds({ field: "now", op: "within_business_hours" }, testFacts({ calendar: PARIS_OFFICE, now: new Date("2026-11-23T18:30:00Z") }))).toBe(false);
  });

  it("reads a calendar named by id, and another instant when given a field", () => {
    const facts = testFacts({ calendar: null, calendars: new Map([["paris", PARIS_OFFICE]]), now: new Date("2026-11-28T10:00:00Z") });
    expect(holds({ field: "now", op: "within_business_hours", value: "paris" }, facts)).toBe(false);
    expect(holds({ field: "ticket.createdAt", op: "within_business_hours", value: "paris" }, facts)).toBe(true);
  });

  it("is always within without a calendar", () => {
    expect(holds({ field: "now", op: "within_business_hours" }, testFacts({ now: new Date("2026-11-29T03:00:00Z") }))).toBe(true);
  });
});

describe("nesting and explanation", () => {
  const condition: Condition = {
    all: [
      { field: "message.text", op: "matches_words", value: "ne marche pas" },
      {
        any: [
          { field: "ticket.priority", op: "is", value: "urgent" },
          { field: "organization.segment", op: "is", value: "enterprise" },
        ],
      },
      { not: { field: "ticket.tags", op: "contains", value: "spam" } },
    ],
  };

  it("records every comparison that made the condition hold, negations marked", () => {
    expect(evaluateCondition(condition, testFacts())).toEqual({
      holds: true,
      matched: [
        {
          field: "message.text",
          op: "matches_words",
          value: "ne marche pas",
          actual: "Bonjour, ÇA NE MARCHE PAS!! Merci de regarder.",
          found: ["ne marche pas"],
        },
        { field: "organization.segment", op: "is", value: "enterprise", actual: "enterprise" },
        { field: "ticket.tags", op: "contains", value: "spam", actual: ["billing"], negated: true },
      ],
    });
  });

  it("fails when any part of all fails, and records nothing", () => {
    const facts = testFacts({ ticket: testTicket({ tags: ["spam"] }) });
    expect(evaluateCondition(condition, facts)).toEqual({ holds: false, matched: [] });
  });

  it("holds an empty all, not an empty any, and a double negation as the condition", () => {
    expect(holds({ all: [] })).toBe(true);
    expect(holds({ any: [] })).toBe(false);
    expect(holds({ not: { not: { field: "ticket.status", op: "is", value: "open" } } })).toBe(true);
    const result = evaluateCondition({ not: { not: { field: "ticket.status", op: "is", value: "open" } } }, testFacts());
    expect(result.matched).toEqual([{ field: "ticket.status", op: "is", value: "open", actual: "open" }]);
  });

  it("explains a negated any by every branch that failed", () => {
    const result = evaluateCondition(
      {
        not: {
          any: [
            { field: "ticket.priority", op: "is", value: "urgent" },
            { field: "ticket.status", op: "is", value: "new" },
          ],
        },
      },
      testFacts(),
    );
    expect(result.matched).toEqual([
      { field: "ticket.priority", op: "is", value: "urgent", actual: "normal", negated: true },
      { field: "ticket.status", op: "is", value: "new", actual: "open", negated: true },
    ]);
  });

  it("shortens a long text it records", () => {
    const text = `panne ${"x".repeat(500)}`;
    const result = evaluateCondition(
      { field: "message.text", op: "matches_words", value: "panne" },
      testFacts({ message: { text, kind: "customer", channel: "email" } }),
    );
    expect(String(result.matched[0]?.actual)).toHaveLength(201);
  });
});

describe("evaluateRules", () => {
  it("returns the matching rules listening to the trigger, by position", () => {
    const late = testRule({ position: 20, name: "late" });
    const early = testRule({ position: 10, name: "early" });
    const other = testRule({ position: 5, triggers: ["ticket_created"] });
    const off = testRule({ position: 6, enabled: false });
    const failing = testRule({ position: 7, conditions: { field: "ticket.status", op: "is", value: "closed" } });
    const names = evaluateRules([late, early, other, off, failing], testFacts(), "customer_message").map((m) => m.ruleName);
    expect(names).toEqual(["early", "late"]);
  });

  it("stops after the first matching rule that says stop, not after one that did not match", () => {
    const first = testRule({ position: 1, stop: true, conditions: { field: "ticket.status", op: "is", value: "closed" } });
    const second = testRule({ position: 2, stop: true });
    const third = testRule({ position: 3 });
    expect(evaluateRules([third, second, first], testFacts(), "customer_message").map((m) => m.ruleId)).toEqual([second.id]);
  });

  it("skips the rules it is told to", () => {
    const first = testRule({ position: 1, stop: true });
    const second = testRule({ position: 2 });
    expect(evaluateRules([first, second], testFacts(), "customer_message", { skip: new Set([first.id]) }).map((m) => m.ruleId)).toEqual([second.id]);
  });

  it("names each match by its rule and the comparisons that held", () => {
    const rule = testRule({ name: "Legal threats", conditions: { field: "triage.alarms", op: "contains", value: "legal" } });
    expect(evaluateRules([rule], testFacts(), "customer_message")).toEqual([
      { ruleId: rule.id, ruleName: "Legal threats", matched: [{ field: "triage.alarms", op: "contains", value: "legal", actual: ["legal"] }] },
    ]);
  });

  it("gives the same answer on the same facts twice", () => {
    const rules = [testRule({ conditions: { field: "message.text", op: "matches_words", value: ["marche pas", "panne"] } })];
    const facts = testFacts();
    expect(evaluateRules(rules, facts, "customer_message")).toEqual(evaluateRules(rules, facts, "customer_message"));
  });
});
