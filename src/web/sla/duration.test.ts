// Durations in words: two units at most, seconds only under an hour, per locale.

import { describe, expect, it } from "vitest";
import { formatDuration, formatMinutes } from "./duration.js";

describe("durations in words", () => {
  it("keeps the two largest units", () => {
    expect(formatDuration(2 * 3_600 + 5 * 60 + 9, "en")).toBe("2h 5m");
    expect(formatDuration(3 * 86_400 + 4 * 3_600 + 59, "en")).toBe("3d 4h");
    expect(formatDuration(86_400 + 30, "en")).toBe("1d 0h");
  });

  it("counts seconds under an hour, and never below zero", () => {
    expect(formatDuration(45 * 60 + 7, "en")).toBe("45m 7s");
    expect(formatDuration(42, "en")).toBe("42s");
    expect(formatDuration(0, "en")).toBe("0s");
    expect(formatDuration(-90, "en")).toBe("1m 30s");
  });

  it("speaks French and Dutch units", () => {
    expect(formatDuration(3 * 86_400 + 3_600, "fr")).toBe("3j 1h");
    expect(formatDuration(2 * 3_600 + 600, "nl")).toBe("2 u 10 m");
  });

  it("writes target minutes without seconds", () => {
    expect(formatMinutes(90, "en")).toBe("1h 30m");
    expect(formatMinutes(480, "en")).toBe("8h");
    expect(formatMinutes(0, "en")).toBe("0m");
  });
});
