import { describe, expect, it } from "vitest";
import { newRule, newRuleAction, RULE_ACTION_TYPES, toDefinition } from "./ruleDraft.js";

describe("a rule as it is sent", () => {
  it("keeps the time only on a time rule, with a default moment when none was chosen", () => {
    const draft = { ...newRule(), name: "  Relance  ", time: { since: "updated" as const, amount: 2, unit: "days" as const } };
    expect(toDefinition(draft).time).toBeUndefined();
    expect(toDefinition(draft).name).toBe("Relance");
    expect(toDefinition({ ...draft, triggers: ["time"] }).time).toEqual({ since: "updated", amount: 2, unit: "days" });
    expect(toDefinition({ ...newRule(), triggers: ["time"] }).time).toEqual({ since: "created", amount: 1, unit: "hours" });
  });

  it("leaves out the languages of a canned reply that have no text", () => {
    const draft = { ...newRule(), actions: [{ type: "canned_reply" as const, templates: { fr: "Bonjour {{customer.name}}", nl: " ", en: "" } }] };
    expect(toDefinition(draft).actions).toEqual([{ type: "canned_reply", templates: { fr: "Bonjour {{customer.name}}" } }]);
  });

  it("starts every action of the menu with its own type", () => {
    for (const type of RULE_ACTION_TYPES) expect(newRuleAction(type).type).toBe(type);
  });
});
