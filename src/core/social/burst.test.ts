import { describe, expect, it } from "vitest";
import { detectBurst, type Mention } from "./burst.js";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 10, minute));
const negative = (minute: number): Mention => ({ at: at(minute), negative: true });
const calm = (minute: number): Mention => ({ at: at(minute), negative: false });
const rule = { threshold: 3, windowMs: 10 * 60_000 };

describe("detectBurst", () => {
  it("raises a burst when enough negative mentions fall within the window", () => {
    expect(detectBurst([negative(1), negative(4), negative(8)], at(9), rule)).toEqual({ count: 3, since: at(1), until: at(8) });
  });

  it("does not count calm mentions", () => {
    expect(detectBurst([negative(1), calm(4), calm(5), negative(8)], at(9), rule)).toBeNull();
  });

  it("leaves out a mention exactly as old as the window, and one dated after now", () => {
    expect(detectBurst([negative(0), negative(4), negative(8)], at(10), rule)).toBeNull();
    expect(detectBurst([negative(4), negative(8), negative(12)], at(10), rule)).toBeNull();
    expect(detectBurst([negative(1), negative(4), negative(8)], at(10), rule)?.count).toBe(3);
  });

  it("counts only what came after an incident still open, so one burst raises one incident", () => {
    const mentions = [negative(1), negative(2), negative(3), negative(4)];
    expect(detectBurst(mentions, at(5), rule, at(3))).toBeNull();
    expect(detectBurst([...mentions, negative(5), negative(6)], at(6), rule, at(3))).toEqual({ count: 3, since: at(4), until: at(6) });
  });

  it("reads mentions in any order", () => {
    expect(detectBurst([negative(8), negative(1), negative(4)], at(9), rule)?.since).toEqual(at(1));
  });
});
