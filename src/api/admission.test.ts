import { describe, expect, it } from "vitest";
import { AdmissionGate } from "./admission.js";

describe("the admission gate", () => {
  it("lets `limit` holders in at once and the others in arrival order as slots free", async () => {
    const gate = new AdmissionGate(2);
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const entering = [1, 2, 3, 4, 5].map((n) =>
      gate.enter().then((release) => {
        order.push(n);
        releases.push(release);
      }),
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual([1, 2]);
    expect(gate.queued).toBe(3);
    releases[1]?.();
    releases[1]?.(); // a second release of the same slot frees nothing more
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([1, 2, 3]);
    releases[0]?.();
    releases[2]?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([1, 2, 3, 4, 5]);
    releases[3]?.();
    releases[4]?.();
    await Promise.all(entering);
    // Every slot is free again: two enter at once.
    const both = await Promise.all([gate.enter(), gate.enter()]);
    expect(gate.queued).toBe(0);
    both.forEach((release) => release());
  });
});
