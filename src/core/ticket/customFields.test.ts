import { describe, expect, it } from "vitest";
import { customFieldsProblem, MAX_CUSTOM_FIELD_DEPTH, MAX_CUSTOM_FIELDS } from "./customFields.js";

/** A value nested `levels` deep: {a: {a: … 1}}. */
const nested = (levels: number): unknown => (levels === 0 ? 1 : { a: nested(levels - 1) });

describe("custom fields", () => {
  it("accept what a team keeps on a ticket", () => {
    expect(customFieldsProblem({ invoice: "F-2026-0042", amount: 129.5, lines: [{ sku: "FIB-1G", qty: 1 }], vip: true, note: null })).toBeUndefined();
    expect(customFieldsProblem({ deep: nested(MAX_CUSTOM_FIELD_DEPTH) })).toBeUndefined();
  });

  it("refuse values nested too deep, naming where", () => {
    expect(customFieldsProblem({ ok: 1, deep: nested(MAX_CUSTOM_FIELD_DEPTH + 1) })).toEqual({
      path: "customFields.deep.a.a.a.a.a",
      message: "nests deeper than 5 levels",
    });
    expect(customFieldsProblem({ list: [[[[[[1]]]]]] })).toEqual({ path: "customFields.list[0][0][0][0][0]", message: "nests deeper than 5 levels" });
  });

  it("refuse too many fields, and too many bytes", () => {
    const many = Object.fromEntries(Array.from({ length: MAX_CUSTOM_FIELDS + 1 }, (_, i) => [`f${i}`, i]));
    expect(customFieldsProblem(many)?.message).toBe("has 51 fields; at most 50");
    expect(customFieldsProblem({ big: "é".repeat(9000) })?.message).toMatch(/^takes 18\d\d\d bytes as JSON; at most 16384$/);
  });

  it("walk a value thousands of levels deep without overflowing", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(customFieldsProblem({ deep })?.message).toBe("nests deeper than 5 levels");
  });
});
