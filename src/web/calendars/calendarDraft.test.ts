// The calendar editor's draft round-trips the API's spec, leaving closed days out.

import { describe, expect, it } from "vitest";
import type { CalendarSpec } from "../api/slaTypes.js";
import { draftOf, newDraft, specOf, timeZones } from "./calendarDraft.js";

describe("the calendar draft", () => {
  it("round-trips a spec with split shifts, holidays and overrides", () => {
    const spec: CalendarSpec = {
      timezone: "Europe/Brussels",
      hours: {
        mon: [
          ["09:00", "12:30"],
          ["13:30", "18:00"],
        ],
        sat: [["10:00", "14:00"]],
      },
      holidays: ["2026-12-25", "01-01"],
      overrides: { "2026-12-24": [["09:00", "12:00"]], "2026-08-15": [] },
    };
    const draft = draftOf("Bruxelles", spec);
    expect(draft.hours.tue).toEqual([]);
    expect(draft.overrides).toEqual([
      { date: "2026-12-24", ranges: [["09:00", "12:00"]] },
      { date: "2026-08-15", ranges: [] },
    ]);
    expect(specOf(draft)).toEqual(spec);
  });

  it("starts a new calendar on weekdays nine to five, with no empty lists", () => {
    expect(specOf(newDraft("Europe/Paris"))).toEqual({
      timezone: "Europe/Paris",
      hours: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]], thu: [["09:00", "17:00"]], fri: [["09:00", "17:00"]] },
    });
  });

  it("offers the current zone even when the runtime does not know it", () => {
    expect(timeZones("Europe/Brussels")).toContain("Europe/Brussels");
    expect(timeZones("Mars/Olympus")[0]).toBe("Mars/Olympus");
  });
});
