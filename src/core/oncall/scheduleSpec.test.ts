import { describe, expect, it } from "vitest";
import { translate } from "../i18n/translate.js";
import { compileSchedule, InvalidScheduleError } from "./scheduleSpec.js";

const layer = { rotation: { participants: ["ann", "bob"], start: "2026-11-02T09:00:00+01:00", length: { weeks: 1 } } };

/** The problems compileSchedule finds in `input`, as `path: message`; fails the test when it compiles. */
function problems(input: unknown): string[] {
  try {
    compileSchedule(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidScheduleError);
    return (error as InvalidScheduleError).problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  }
  throw new Error("the schedule compiled");
}

describe("schedule validation", () => {
  it("accepts a schedule with layers, restrictions and overrides", () => {
    const schedule = compileSchedule({
      timezone: "Europe/Brussels",
      layers: [{ ...layer, name: "nights", restrictions: [{ days: ["mon", "fri"], from: "18:00", to: "08:00" }] }],
      overrides: [{ start: "2026-11-03T00:00:00Z", end: "2026-11-04T00:00:00Z", who: "cem" }],
    });
    expect(schedule.zone.name).toBe("Europe/Brussels");
    expect(schedule.layers[0]!.restrictions).toEqual([{ days: new Set([1, 5]), from: 1080, to: 480 }]);
    expect(schedule.overrides).toHaveLength(1);
  });

  it("accepts a schedule with no layers, a whole-day window ending at 24:00", () => {
    expect(() => compileSchedule({ timezone: "UTC", layers: [] })).not.toThrow();
    expect(() => compileSchedule({ timezone: "UTC", layers: [{ ...layer, restrictions: [{ days: ["sat"], from: "00:00", to: "24:00" }] }] })).not.toThrow();
  });

  it("refuses a time zone that is not IANA, naming the field", () => {
    expect(problems({ timezone: "Mars/Olympus", layers: [] })).toEqual([`timezone: "Mars/Olympus" is not an IANA time zone (for example Europe/Brussels)`]);
    expect(problems({ layers: [] })).toEqual(["timezone: is required"]);
  });

  it("refuses a rotation without participants or with a blank one", () => {
    expect(problems({ timezone: "UTC", layers: [{ rotation: { ...layer.rotation, participants: [] } }] })).toEqual([
      "layers[0].rotation.participants: a rotation needs at least one participant",
    ]);
    expect(problems({ timezone: "UTC", layers: [{ rotation: { ...layer.rotation, participants: ["ann", " ", 3] } }] })).toEqual([
      "layers[0].rotation.participants[1]: must not be empty",
      "layers[0].rotation.participants[2]: must be text",
    ]);
  });

  it("refuses a start without an offset or that is no instant", () => {
    expect(problems({ timezone: "UTC", layers: [{ rotation: { ...layer.rotation, start: "2026-11-02T09:00" } }] })).toEqual([
      `layers[0].rotation.start: "2026-11-02T09:00" is not an ISO 8601 instant with an offset (for example 2026-11-20T08:00:00+01:00)`,
    ]);
  });

  it("refuses a length that is not exactly one unit, or not a positive whole number", () => {
    const withLength = (length: unknown) => ({ timezone: "UTC", layers: [{ rotation: { ...layer.rotation, length } }] });
    expect(problems(withLength({ days: 1, hours: 2 }))).toEqual(["layers[0].rotation.length: a length is exactly one of hours, days or weeks"]);
    expect(problems(withLength({ months: 1 }))).toEqual(["layers[0].rotation.length: a length is exactly one of hours, days or weeks"]);
    expect(problems(withLength({}))).toEqual(["layers[0].rotation.length: a length is exactly one of hours, days or weeks"]);
    expect(problems(withLength({ days: 1.5 }))).toEqual(["layers[0].rotation.length.days: must be a whole number from 1 to 366"]);
    expect(problems(withLength({ hours: 0 }))).toEqual(["layers[0].rotation.length.hours: must be a whole number from 1 to 8784"]);
    expect(problems(withLength({ weeks: "2" }))).toEqual(["layers[0].rotation.length.weeks: must be a whole number from 1 to 52"]);
  });

  it("refuses restrictions with unknown days, repeated days, bad times or an empty window", () => {
    const withRestriction = (restriction: unknown) => ({ timezone: "UTC", layers: [{ ...layer, restrictions: [restriction] }] });
    expect(problems(withRestriction({ days: [], from: "09:00", to: "17:00" }))).toEqual([
      "layers[0].restrictions[0].days: a restriction needs at least one day of the week",
    ]);
    expect(problems(withRestriction({ days: ["monday", "tue", "tue"], from: "09:00", to: "17:00" }))).toEqual([
      `layers[0].restrictions[0].days[0]: "monday" is not a day of the week (mon, tue, wed, thu, fri, sat, sun)`,
      "layers[0].restrictions[0].days[2]: tue is listed twice",
    ]);
    expect(problems(withRestriction({ days: ["mon"], from: "25:00", to: "9:00" }))).toEqual([
      `layers[0].restrictions[0].from: "25:00" is not a time (HH:MM from 00:00 to 23:59, or 24:00 to end a window)`,
      `layers[0].restrictions[0].to: "9:00" is not a time (HH:MM from 00:00 to 23:59, or 24:00 to end a window)`,
    ]);
    expect(problems(withRestriction({ days: ["mon"], from: "24:00", to: "08:00" }))).toEqual(["layers[0].restrictions[0].from: 24:00 can only end a window"]);
    expect(problems(withRestriction({ days: ["mon"], from: "08:00", to: "08:00" }))).toEqual([
      "layers[0].restrictions[0]: the window 08:00–08:00 is empty (a window past midnight ends before it starts, such as 18:00–08:00)",
    ]);
  });

  it("refuses an override that ends at or before its start, or names nobody", () => {
    expect(problems({ timezone: "UTC", layers: [], overrides: [{ start: "2026-11-03T10:00:00Z", end: "2026-11-03T10:00:00Z", who: "" }] })).toEqual([
      "overrides[0].end: ends at or before its start",
      "overrides[0].who: must not be empty",
    ]);
  });

  it("refuses unknown fields and lists every problem at once", () => {
    expect(problems({ timezone: "Nowhere", layers: [{ ...layer, color: "red" }], extra: 1 })).toEqual([
      "extra: is not a known field here (timezone, layers, overrides)",
      `timezone: "Nowhere" is not an IANA time zone (for example Europe/Brussels)`,
      "layers[0].color: is not a known field here (name, rotation, restrictions)",
    ]);
    expect(problems("nope")).toEqual(["must be an object"]);
    expect(problems({ timezone: "UTC", layers: {} })).toEqual(["layers: must be a list"]);
  });

  it("has each problem's sentence in French and Dutch too", () => {
    expect(translate("fr", "oncall.problem.no_participants")).toBe("une rotation a besoin d’au moins un participant");
    expect(translate("nl", "oncall.problem.override_not_after")).toBe("eindigt op of vóór het begin");
  });
});
