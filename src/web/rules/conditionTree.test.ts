import { describe, expect, it } from "vitest";
import type { Condition } from "../../core/rules/rule.js";
import { conditionOf, groupOf, itemsPath, predicatesOf } from "./conditionTree.js";

const subject = { field: "ticket.subject", op: "matches_words" as const, value: ["ne marche pas"] };
const urgent = { field: "ticket.priority", op: "is" as const, value: "urgent" };

describe("the conditions as the editor shows them", () => {
  it("gives back the same conditions it read, nested groups and negations included", () => {
    const conditions: Condition[] = [{ all: [] }, { any: [subject, { all: [urgent, { not: { any: [subject] } }] }] }, { not: { all: [subject, urgent] } }];
    for (const condition of conditions) expect(conditionOf(groupOf(condition))).toEqual(condition);
  });

  it("reads a lone comparison as a group of one and a negated comparison as 'none of' it", () => {
    expect(groupOf(subject)).toEqual({ kind: "all", items: [subject] });
    expect(groupOf({ not: urgent })).toEqual({ kind: "none", items: [urgent] });
    expect(conditionOf(groupOf({ not: urgent }))).toEqual({ not: { any: [urgent] } });
  });

  it("names the path of a group's members as the server does", () => {
    expect(itemsPath("conditions", "all")).toBe("conditions.all");
    expect(itemsPath("conditions.all[1]", "none")).toBe("conditions.all[1].not.any");
  });

  it("lists every comparison however deep", () => {
    expect(predicatesOf(groupOf({ any: [subject, { all: [urgent] }] }))).toEqual([subject, urgent]);
  });
});
