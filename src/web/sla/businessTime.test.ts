// Durations that say which time they count: calendar time, or business time in business hours
// and the calendar's working days.

import { describe, expect, it } from "vitest";
import { translate } from "../i18n/messages.js";
import { basisOf, timeText, workingDaySeconds } from "./businessTime.js";

const words = (locale: "en" | "fr" | "nl") => ({
  locale,
  t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params),
});
const weekdays = {
  mon: [["09:00", "17:00"]],
  tue: [["09:00", "17:00"]],
  wed: [
    ["09:00", "12:00"],
    ["13:00", "18:00"],
  ],
  thu: [["09:00", "17:00"]],
  fri: [["09:00", "17:00"]],
} as const;

describe("business and calendar time in words", () => {
  it("knows the working day of a calendar whose open days all last as long", () => {
    expect(workingDaySeconds({ hours: weekdays as never })).toBe(8 * 3600);
    expect(workingDaySeconds({ hours: { ...weekdays, sat: [["10:00", "14:00"]] } as never })).toBeNull();
    expect(workingDaySeconds({ hours: {} })).toBeNull();
  });

  it("says 1,920 business minutes are 32 business hours, 4 working days of 8 hours", () => {
    const basis = basisOf("cal-1", { hours: weekdays as never });
    expect(timeText(1920 * 60, basis, words("en"))).toBe("32h of business time (4 working days of 8h)");
    expect(timeText(30 * 3600, basis, words("en"))).toBe("30h of business time (3 working days of 8h + 6h)");
    expect(timeText(6 * 3600, basis, words("en"))).toBe("6h of business time");
    expect(timeText(1920 * 60, basis, words("fr"))).toBe("32h de temps ouvré (4 jours ouvrés de 8h)");
    expect(timeText(8 * 3600, basis, words("nl"))).toBe("8 u werktijd (1 werkdag van 8 u)");
  });

  it("says calendar time for a policy around the clock, in days", () => {
    const basis = basisOf(null, null);
    expect(timeText((5 * 24 + 4) * 3600, basis, words("en"))).toBe("5d 4h (calendar time)");
    expect(timeText(3600 + 5, basis, words("fr"), true)).toBe("1h 0min (temps calendaire)");
  });

  it("counts business hours without a working day when the calendar's days differ", () => {
    expect(timeText(1920 * 60, { kind: "business", daySeconds: null }, words("en"))).toBe("32h of business time");
  });

  it("says the bare duration while the policy's basis is not yet known", () => {
    expect(timeText(3600 + 5, { kind: "unknown" }, words("en"), true)).toBe("1h 0m");
    expect(timeText(8 * 3600, { kind: "unknown" }, words("nl"))).toBe("8 u");
  });
});
