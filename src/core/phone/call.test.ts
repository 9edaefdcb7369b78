import { describe, expect, it } from "vitest";
import { CallInvalid, callAnswersCustomer, checkCall, normalizePhoneNumber } from "./call.js";

function problem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CallInvalid) return error.path;
    throw error;
  }
  throw new Error("accepted");
}

describe("phone calls", () => {
  it("normalises a number written the usual ways", () => {
    expect(normalizePhoneNumber("+32 (0)2 555.12.34")).toBe("+32025551234");
    expect(normalizePhoneNumber("0033 1 23 45 67 89")).toBe("+33123456789");
    expect(normalizePhoneNumber("04-71 12 34 56")).toBe("0471123456");
  });

  it("names the field that is wrong", () => {
    expect(problem(() => normalizePhoneNumber("call me"))).toBe("number");
    expect(problem(() => checkCall({ direction: "in", number: "0471123456", durationSeconds: -1, outcome: "answered" }))).toBe("durationSeconds");
    expect(problem(() => checkCall({ direction: "out", number: "0471123456", durationSeconds: 90, outcome: "no_answer" }))).toBe("durationSeconds");
    expect(problem(() => checkCall({ direction: "sideways" as "in", number: "0471123456", durationSeconds: 0, outcome: "answered" }))).toBe("direction");
  });

  it("counts only an answered outbound call as reaching the customer", () => {
    expect(callAnswersCustomer({ direction: "out", outcome: "answered" })).toBe(true);
    expect(callAnswersCustomer({ direction: "out", outcome: "voicemail" })).toBe(false);
    expect(callAnswersCustomer({ direction: "in", outcome: "answered" })).toBe(false);
  });
});
