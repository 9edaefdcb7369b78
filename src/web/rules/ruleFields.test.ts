import { describe, expect, it } from "vitest";
import { defaultValue, fieldSpec, operatorsFor, reshapeValue, valueShape } from "./ruleFields.js";

describe("the fields a condition reads", () => {
  it("offers the comparisons each field takes, the changed ones only where a ticket change reaches", () => {
    expect(operatorsFor(fieldSpec("ticket.priority"))).toEqual(["is", "is_not", "in", "greater_than", "less_than", "changed", "changed_from", "changed_to"]);
    expect(operatorsFor(fieldSpec("customer.language"))).toEqual(["is", "is_not", "in"]);
    expect(operatorsFor(fieldSpec("triage.frustrated"))).toEqual(["is"]);
    expect(operatorsFor(fieldSpec("ticket.tags"))).toContain("matches_words");
    expect(operatorsFor(fieldSpec("triage.alarms"))).not.toContain("matches_words");
    expect(operatorsFor(fieldSpec("now"))).toEqual(["within_business_hours"]);
    expect(operatorsFor(fieldSpec("ticket.customFields.plan"))).toContain("changed");
  });

  it("gives each operator the value shape it wants and keeps what was typed across them", () => {
    expect(valueShape("changed")).toBe("none");
    expect(valueShape("matches_words")).toBe("many");
    expect(valueShape("is")).toBe("one");
    expect(reshapeValue("urgent", "many")).toEqual(["urgent"]);
    expect(reshapeValue(["high", "urgent"], "one")).toBe("high");
    expect(reshapeValue("x", "none")).toBeUndefined();
    expect(defaultValue(fieldSpec("triage.frustration"), "greater_than")).toBe(0.5);
    expect(defaultValue(fieldSpec("ticket.priority"), "is")).toBe("low");
  });
});
