import { describe, expect, it } from "vitest";
import { TurnGate } from "./pgliteTurns.js";

describe("the turn gate", () => {
  it("runs work one at a time in call order, a failure not blocking the next", async () => {
    const gate = new TurnGate();
    const log: string[] = [];
    const work =
      (name: string, fail = false) =>
      async () => {
        log.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([gate.run(work("a")), gate.run(work("b", true)), gate.run(work("c"))]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(log).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
  });

  it("hands over only after the event loop has turned, so waiting I/O is read in between", async () => {
    const gate = new TurnGate();
    const log: string[] = [];
    const first = gate.run(async () => {
      // Something that arrives while the first holder works (an incoming request, say).
      setImmediate(() => log.push("i/o"));
      log.push("first");
    });
    const second = gate.run(async () => log.push("second"));
    await Promise.all([first, second]);
    expect(log).toEqual(["first", "i/o", "second"]);
  });
});
