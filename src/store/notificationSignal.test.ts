// The notification signal's payload: what a sender writes, a listener reads back, and what it refuses.

import { describe, expect, it } from "vitest";
import { readSignal, signalPayload } from "./notificationSignal.js";

describe("notification signal", () => {
  it("reads back the id and recipient it was given", () => {
    const signal = { id: 9_007_199_254_740_991, agentId: "0f8e5c1a-3b7d-4e2f-9a6b-1c2d3e4f5a6b" };
    expect(readSignal(signalPayload(signal))).toEqual(signal);
  });

  it("reads a bare id, as earlier versions published, without a recipient", () => {
    expect(readSignal("42")).toEqual({ id: 42 });
  });

  it("refuses what is not an id, or has an empty recipient", () => {
    for (const payload of ["", "abc", "0", "-3", "1.5", "12:", ":abc", "99999999999999999999:x"]) expect(readSignal(payload), payload).toBeUndefined();
  });
});
