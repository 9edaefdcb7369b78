import { describe, expect, it } from "vitest";
import { DEFAULT_APPROVAL_LIMITS, validateApproval, withinAuthority } from "./approval.js";
import { EscalationInvalid } from "./escalationInvalid.js";

describe("an approval request", () => {
  it("grants within a role's limit, and asks beyond it", () => {
    expect(withinAuthority("agent", 50_00, DEFAULT_APPROVAL_LIMITS)).toBe(true);
    expect(withinAuthority("agent", 50_01, DEFAULT_APPROVAL_LIMITS)).toBe(false);
    expect(withinAuthority("team_lead", 150_00, DEFAULT_APPROVAL_LIMITS)).toBe(true);
    expect(withinAuthority("manager", 10_000_00, DEFAULT_APPROVAL_LIMITS)).toBe(true);
    expect(withinAuthority("viewer", 1, DEFAULT_APPROVAL_LIMITS)).toBe(false);
  });

  it("names every problem: kind, a positive whole amount, a reason, a currency code", () => {
    try {
      validateApproval({ kind: "discount", amountCents: 12.5, currency: "euro", reason: " " });
      expect.unreachable();
    } catch (error) {
      expect((error as EscalationInvalid).problems.map((p) => `${p.path} ${p.code}`)).toEqual([
        "kind not_allowed_value",
        "amountCents not_positive",
        "reason required",
        "currency wrong_currency",
      ]);
    }
    expect(validateApproval({ kind: "refund", amountCents: 120_00, reason: "Double invoice" })).toEqual({
      kind: "refund",
      amountCents: 120_00,
      currency: "EUR",
      reason: "Double invoice",
    });
  });
});
