import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/index.js";
import { EscalationInvalid } from "./escalationInvalid.js";
import { DEFAULT_ROOT_CAUSES } from "./handoff.js";
import { reminderDue } from "./reminder.js";
import { validateRootCause } from "./rootCause.js";

const codes = (run: () => unknown) => {
  try {
    run();
    return [];
  } catch (error) {
    if (error instanceof EscalationInvalid) return error.problems.map((p) => `${p.path} ${p.code}`);
    throw error;
  }
};

describe("a root cause", () => {
  it("is one of the list, with words only required for other", () => {
    expect(validateRootCause({ rootCause: "product_defect" }, DEFAULT_ROOT_CAUSES)).toEqual({ rootCause: "product_defect", text: null });
    expect(validateRootCause({ rootCause: "other", rootCauseText: " Legal hold " }, DEFAULT_ROOT_CAUSES)).toEqual({ rootCause: "other", text: "Legal hold" });
    expect(codes(() => validateRootCause({ rootCause: "other" }, DEFAULT_ROOT_CAUSES))).toEqual(["rootCauseText required"]);
    expect(codes(() => validateRootCause({}, DEFAULT_ROOT_CAUSES))).toEqual(["rootCause root_cause_required"]);
    expect(codes(() => validateRootCause({ rootCause: "bad_luck" }, DEFAULT_ROOT_CAUSES))).toEqual(["rootCause not_allowed_value"]);
  });

  it("follows a workspace's own list", () => {
    expect(codes(() => validateRootCause({ rootCause: "product_defect" }, ["training", "other"]))).toEqual(["rootCause not_allowed_value"]);
    expect(validateRootCause({ rootCause: "training" }, ["training", "other"]).rootCause).toBe("training");
  });
});

describe("the escalate-and-forget reminder", () => {
  const office = BusinessCalendar.fromSpec({ timezone: "UTC", hours: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] } });
  const lastActivityAt = new Date("2026-11-23T15:00:00Z");

  it("is due after the business hours without activity, not the wall-clock ones", () => {
    const due = (now: string, remindedAt: Date | null = null) => reminderDue({ lastActivityAt, remindedAt, now: new Date(now), calendar: office, hours: 4 });
    expect(due("2026-11-23T23:00:00Z")).toBe(false);
    expect(due("2026-11-24T10:59:00Z")).toBe(false);
    expect(due("2026-11-24T11:00:00Z")).toBe(true);
    expect(due("2026-11-24T12:00:00Z", new Date("2026-11-24T11:00:00Z"))).toBe(false);
  });

  it("counts wall-clock hours without a calendar", () => {
    expect(reminderDue({ lastActivityAt, remindedAt: null, now: new Date("2026-11-23T19:00:00Z"), calendar: null, hours: 4 })).toBe(true);
  });
});
