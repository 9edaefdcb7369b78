// Which actions a matrix step runs, in which order (the step's firing itself runs end to end in
// test/engine/fireStep.test.ts).

import { describe, expect, it } from "vitest";
import { stepActions } from "./fireStep.js";

describe("a matrix step's actions", () => {
  it("notify when the step lists none", () => {
    expect(stepActions({ actions: [] })).toEqual([{ type: "notify" }]);
  });

  it("notify once, after the other actions, when the step lists notify anywhere", () => {
    const actions = stepActions({ actions: [{ type: "notify" }, { type: "set_tier", tier: "L2" }, { type: "notify" }] });
    expect(actions.map((a) => a.type)).toEqual(["set_tier", "notify"]);
  });

  it("do not notify when the step lists only other actions", () => {
    expect(stepActions({ actions: [{ type: "add_followers" }] })).toEqual([{ type: "add_followers" }]);
  });
});
