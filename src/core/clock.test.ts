import { describe, expect, it } from "vitest";
import { ManualClock } from "./clock.js";

describe("manual clock", () => {
  it("tells its listeners every move until they unsubscribe", () => {
    const clock = new ManualClock(new Date("2026-11-23T09:00:00Z"));
    const seen: string[] = [];
    const unsubscribe = clock.onChange((now) => seen.push(now.toISOString()));
    clock.advance(60_000);
    clock.set(new Date("2026-11-24T08:00:00Z"));
    unsubscribe();
    clock.advance(1);
    expect(seen).toEqual(["2026-11-23T09:01:00.000Z", "2026-11-24T08:00:00.000Z"]);
  });

  it("never moves backwards by advancing", () => {
    expect(() => new ManualClock(new Date(0)).advance(-1)).toThrow(RangeError);
  });
});
