// The workers' turn-taking and their wakeable sleep.

import { describe, expect, it } from "vitest";
import { sleeper, turns } from "./workerLoop.js";

describe("turns", () => {
  it("runs work one piece after another, a failure not stopping the next", async () => {
    const turn = turns();
    const order: string[] = [];
    const slow = turn.run(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push("slow");
    });
    const failing = turn.run(async () => {
      order.push("failing");
      throw new Error("no");
    });
    const last = turn.run(async () => order.push("last"));
    await expect(failing).rejects.toThrow("no");
    await Promise.all([slow, last, turn.idle()]);
    expect(order).toEqual(["slow", "failing", "last"]);
  });
});

describe("a sleeper", () => {
  it("is woken early, and a wake while awake makes the next sleep return at once until reset", async () => {
    const { sleep, wake, reset } = sleeper();
    const sleeping = sleep(60_000);
    wake();
    await sleeping;
    await sleep(60_000);
    reset();
    let slept = false;
    const later = sleep(10).then(() => (slept = true));
    expect(slept).toBe(false);
    await later;
    expect(slept).toBe(true);
  });
});
