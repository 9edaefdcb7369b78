import { describe, expect, it } from "vitest";
import { conditionHolds, conditionsHold, describeCondition, matchPolicy } from "./conditions.js";
import type { SlaPolicy, TicketFacts } from "./policy.js";

const facts = (extra: Partial<TicketFacts> = {}): TicketFacts => ({
  priority: "normal",
  channel: "email",
  language: "fr",
  tags: ["facture", "remboursement"],
  productId: null,
  teamId: "0b9c2f9e-6f1a-4b7e-9d55-3a1f8e2c7d10",
  customerId: "c1",
  organizationId: "o1",
  segment: "vip",
  customFields: { contract: "Gold", seats: 25, regions: ["BE", "FR"], onsite: true },
  ...extra,
});

let ids = 0;
const policy = (name: string, extra: Partial<SlaPolicy> = {}): SlaPolicy => ({
  id: `p${++ids}`,
  name,
  position: 10,
  active: true,
  isDefault: false,
  conditions: {},
  calendarId: null,
  targets: {},
  pauseStatuses: ["pending", "on_hold"],
  noteCountsAsResponse: false,
  matrix: { steps: [] },
  ...extra,
});

describe("matchPolicy", () => {
  it("takes the first active policy by position whose conditions hold, names breaking ties", () => {
    const vip = policy("VIP", { position: 2, conditions: { all: [{ field: "segment", op: "is", value: "vip" }] } });
    const social = policy("Social", { position: 1, conditions: { all: [{ field: "channel", op: "in", value: ["twitter", "facebook"] }] } });
    const alpha = policy("Alpha", { position: 2, conditions: { all: [{ field: "language", op: "is", value: "fr" }] } });
    expect(matchPolicy([vip, social, alpha], facts())?.policy.name).toBe("Alpha");
    expect(matchPolicy([vip, social, alpha], facts({ channel: "twitter" }))?.policy.name).toBe("Social");
  });

  it("falls back on the default policy, whatever its position or conditions, and says so", () => {
    const fallback = policy("Standard", { position: 0, isDefault: true, conditions: { all: [{ field: "segment", op: "is", value: "nobody" }] } });
    const vip = policy("VIP", { position: 5, conditions: { all: [{ field: "segment", op: "is", value: "vip" }] } });
    expect(matchPolicy([fallback, vip], facts())?.policy.name).toBe("VIP");
    expect(matchPolicy([fallback, vip], facts({ segment: "standard" }))).toEqual({ policy: fallback, reason: "default policy: no other policy matched" });
  });

  it("skips inactive policies, an inactive default too: then no policy applies", () => {
    const off = policy("Off", { position: 1, active: false });
    const offDefault = policy("Default off", { isDefault: true, active: false });
    expect(matchPolicy([off, offDefault], facts())).toBeUndefined();
    expect(matchPolicy([], facts())).toBeUndefined();
  });

  it("explains the match with every `all` condition and the `any` conditions that held", () => {
    const p = policy("Belgian VIP billing", {
      conditions: {
        all: [
          { field: "segment", op: "is", value: "vip" },
          { field: "tags", op: "in", value: ["facture", "paiement"] },
        ],
        any: [
          { field: "custom.regions", op: "is", value: "BE" },
          { field: "channel", op: "is", value: "phone" },
        ],
      },
    });
    expect(matchPolicy([p], facts())?.reason).toBe("segment is vip; tags in facture, paiement; any of: custom.regions is BE");
    expect(matchPolicy([policy("Everyone")], facts())?.reason).toBe("no conditions: every ticket");
  });
});

describe("conditions", () => {
  it("needs every `all` condition and one `any` condition when there are some", () => {
    const fr = { field: "language", op: "is", value: "fr" } as const;
    const nl = { field: "language", op: "is", value: "nl" } as const;
    const email = { field: "channel", op: "is", value: "email" } as const;
    expect(conditionsHold({ all: [fr, email] }, facts())).toBe(true);
    expect(conditionsHold({ all: [fr, nl] }, facts())).toBe(false);
    expect(conditionsHold({ any: [nl, email] }, facts())).toBe(true);
    expect(conditionsHold({ all: [fr], any: [nl] }, facts())).toBe(false);
    expect(conditionsHold({}, facts())).toBe(true);
  });

  it("reads tags as a set: `is` carries the tag, `in` one of them, `not_in` none of them", () => {
    expect(conditionHolds({ field: "tags", op: "is", value: "Facture" }, facts())).toBe(true);
    expect(conditionHolds({ field: "tags", op: "in", value: ["litige", "remboursement"] }, facts())).toBe(true);
    expect(conditionHolds({ field: "tags", op: "not_in", value: ["litige", "remboursement"] }, facts())).toBe(false);
    expect(conditionHolds({ field: "tags", op: "not_in", value: ["litige"] }, facts())).toBe(true);
    expect(conditionHolds({ field: "tags", op: "is_not", value: "litige" }, facts({ tags: [] }))).toBe(true);
  });

  it("tests custom fields: text without case, numbers, booleans and lists; a missing field holds no value", () => {
    expect(conditionHolds({ field: "custom.contract", op: "is", value: "gold" }, facts())).toBe(true);
    expect(conditionHolds({ field: "custom.seats", op: "in", value: [10, 25] }, facts())).toBe(true);
    expect(conditionHolds({ field: "custom.seats", op: "is", value: "25" }, facts())).toBe(false);
    expect(conditionHolds({ field: "custom.onsite", op: "is", value: true }, facts())).toBe(true);
    expect(conditionHolds({ field: "custom.regions", op: "in", value: ["NL", "FR"] }, facts())).toBe(true);
    expect(conditionHolds({ field: "custom.missing", op: "is", value: "x" }, facts())).toBe(false);
    expect(conditionHolds({ field: "custom.missing", op: "is_not", value: "x" }, facts())).toBe(true);
  });

  it("compares identifiers without case and treats an absent value as none", () => {
    expect(conditionHolds({ field: "team", op: "is", value: "0B9C2F9E-6F1A-4B7E-9D55-3A1F8E2C7D10" }, facts())).toBe(true);
    expect(conditionHolds({ field: "product", op: "is", value: "p1" }, facts())).toBe(false);
    expect(conditionHolds({ field: "product", op: "not_in", value: ["p1"] }, facts())).toBe(true);
    expect(conditionHolds({ field: "segment", op: "is_not", value: "vip" }, facts({ segment: null }))).toBe(true);
  });

  it("describes a condition in words", () => {
    expect(describeCondition({ field: "channel", op: "not_in", value: ["twitter", "facebook"] })).toBe("channel not in twitter, facebook");
    expect(describeCondition({ field: "custom.seats", op: "is_not", value: 3 })).toBe("custom.seats is not 3");
  });
});
