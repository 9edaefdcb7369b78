// The `palier calendar` request/answer contract, run in process: answers, per-op errors,
// refused requests and exit codes.
import { describe, expect, it } from "vitest";
import { type CalendarOutcome, type OpResult, runCalendarRequest } from "./calendarRequest.js";

const SPLIT = [
  ["09:00", "12:30"],
  ["13:30", "18:00"],
];
/** Paris, Monday to Friday 09:00–12:30 and 13:30–18:00 (8 h a day), with holidays and an override. */
const office = {
  timezone: "Europe/Paris",
  hours: { mon: SPLIT, tue: SPLIT, wed: SPLIT, thu: SPLIT, fri: SPLIT },
  holidays: ["2026-12-25", "01-01"],
  overrides: { "2026-12-24": [["09:00", "12:00"]] },
};
// Known dates: 2026-11-20 is a Friday, 2026-11-23 a Monday, 2026-12-24 a Thursday (override),
// 2026-12-25 a Friday (holiday), 2027-01-01 a Friday (yearly holiday), 2027-01-04 a Monday.
// Paris changes to summer time on Sunday 2026-03-29.

function request(ops: unknown[], calendar: unknown = office): CalendarOutcome {
  return runCalendarRequest(JSON.stringify({ calendar, ops }));
}

/** The results of a request that was not refused. */
function results(outcome: CalendarOutcome): OpResult[] {
  expect(outcome.stderr).toBe("");
  expect(outcome.stdout.endsWith("\n")).toBe(true);
  return (JSON.parse(outcome.stdout) as { results: OpResult[] }).results;
}

/** The single result of one op, with the exit code it gives. */
function answer(op: unknown, calendar: unknown = office): { code: number; result: OpResult } {
  const outcome = request([op], calendar);
  const all = results(outcome);
  expect(all).toHaveLength(1);
  return { code: outcome.code, result: all[0] as OpResult };
}

/** The error of one op that fails, checking it gives code 1. */
function opError(op: unknown, calendar: unknown = office): string {
  const { code, result } = answer(op, calendar);
  expect(result).toHaveProperty("error");
  expect(code).toBe(1);
  return (result as { error: string }).error;
}

/** The stderr of a refused request, checking code 2 and an empty stdout. */
function refusal(text: string): string {
  const outcome = runCalendarRequest(text);
  expect(outcome.code).toBe(2);
  expect(outcome.stdout).toBe("");
  return outcome.stderr;
}

const OP_NAMES = "add, subtract, elapsed, is_open, next_open, prev_close";

describe("answers to each operation", () => {
  it("adds business time over a weekend", () => {
    // Friday 16:30 + 2 h: 1.5 h until 18:00, then 0.5 h on Monday from 09:00.
    expect(answer({ op: "add", start: "2026-11-20T16:30:00+01:00", seconds: 7200 })).toEqual({ code: 0, result: { at: "2026-11-23T09:30:00+01:00" } });
  });

  it("adds across the lunch break", () => {
    expect(answer({ op: "add", start: "2026-11-23T12:00:00+01:00", seconds: 3600 }).result).toEqual({ at: "2026-11-23T14:00:00+01:00" });
  });

  it("gives the next opening when an addition runs out exactly at a closing", () => {
    expect(answer({ op: "add", start: "2026-11-23T12:00:00+01:00", seconds: 1800 }).result).toEqual({ at: "2026-11-23T13:30:00+01:00" });
  });

  it("adds across a holiday and an override", () => {
    // Thu 24 Dec is open 09:00–12:00 only: 1 h; Fri 25 is a holiday, then the weekend; 1 h on Monday 28.
    expect(answer({ op: "add", start: "2026-12-24T11:00:00+01:00", seconds: 7200 }).result).toEqual({ at: "2026-12-28T10:00:00+01:00" });
  });

  it("answers in the calendar's offset after a daylight-saving change", () => {
    // Friday 27 March 17:00 + 2 h: 1 h on Friday, 1 h on Monday 30 March, now at +02:00.
    expect(answer({ op: "add", start: "2026-03-27T17:00:00+01:00", seconds: 7200 }).result).toEqual({ at: "2026-03-30T10:00:00+02:00" });
  });

  it("answers in the calendar's time zone whatever the offset of the request", () => {
    expect(answer({ op: "add", start: "2026-11-23T08:00:00Z", seconds: 3600 }).result).toEqual({ at: "2026-11-23T10:00:00+01:00" });
    expect(answer({ op: "add", start: "2026-11-23T03:00:00-05:00", seconds: 3600 }).result).toEqual({ at: "2026-11-23T10:00:00+01:00" });
  });

  it("adds fractions of a second, shown with milliseconds", () => {
    expect(answer({ op: "add", start: "2026-11-23T09:00:00+01:00", seconds: 0.5 }).result).toEqual({ at: "2026-11-23T09:00:00.500+01:00" });
  });

  it("adds zero as the next opening", () => {
    expect(answer({ op: "add", start: "2026-11-21T10:00:00+01:00", seconds: 0 }).result).toEqual({ at: "2026-11-23T09:00:00+01:00" });
  });

  it("adds with a pause that stops the clock", () => {
    // Monday 09:00 + 2 h with 10:00–11:00 paused: 1 h, the pause, 1 h → 12:00.
    const op = { op: "add", start: "2026-11-23T09:00:00+01:00", seconds: 7200, pauses: [["2026-11-23T10:00:00+01:00", "2026-11-23T11:00:00+01:00"]] };
    expect(answer(op).result).toEqual({ at: "2026-11-23T12:00:00+01:00" });
  });

  it("subtracts business time back over a weekend", () => {
    expect(answer({ op: "subtract", start: "2026-11-23T09:30:00+01:00", seconds: 7200 })).toEqual({ code: 0, result: { at: "2026-11-20T16:30:00+01:00" } });
  });

  it("gives the opening when a subtraction runs out exactly at an opening", () => {
    expect(answer({ op: "subtract", start: "2026-11-23T14:00:00+01:00", seconds: 1800 }).result).toEqual({ at: "2026-11-23T13:30:00+01:00" });
  });

  it("subtracts with a pause", () => {
    // Back from 14:00: 10 min to 13:50, pause 13:45–13:50, 15 min to 13:30, lunch, 35 min from 12:30 → 11:55.
    const op = { op: "subtract", start: "2026-11-23T14:00:00+01:00", seconds: 3600, pauses: [["2026-11-23T13:45:00+01:00", "2026-11-23T13:50:00+01:00"]] };
    expect(answer(op).result).toEqual({ at: "2026-11-23T11:55:00+01:00" });
  });

  it("answers elapsed business seconds as a number", () => {
    expect(answer({ op: "elapsed", start: "2026-11-20T16:30:00+01:00", end: "2026-11-23T09:30:00+01:00" })).toEqual({ code: 0, result: { seconds: 7200 } });
    expect(answer({ op: "elapsed", start: "2026-11-23T00:00:00+01:00", end: "2026-11-30T00:00:00+01:00" }).result).toEqual({ seconds: 5 * 8 * 3600 });
  });

  it("answers a negative elapsed time when the end is before the start", () => {
    expect(answer({ op: "elapsed", start: "2026-11-23T09:30:00+01:00", end: "2026-11-20T16:30:00+01:00" }).result).toEqual({ seconds: -7200 });
  });

  it("leaves paused time out of elapsed", () => {
    const op = {
      op: "elapsed",
      start: "2026-11-23T09:00:00+01:00",
      end: "2026-11-23T18:00:00+01:00",
      pauses: [["2026-11-23T10:00:00+01:00", "2026-11-23T11:00:00+01:00"]],
    };
    expect(answer(op).result).toEqual({ seconds: 7 * 3600 });
  });

  it("tells whether the calendar is open", () => {
    expect(answer({ op: "is_open", at: "2026-11-23T12:45:00+01:00" })).toEqual({ code: 0, result: { open: false } });
    expect(answer({ op: "is_open", at: "2026-11-23T10:00:00Z" }).result).toEqual({ open: true });
    expect(answer({ op: "is_open", at: "2026-11-23T09:00:00+01:00" }).result).toEqual({ open: true });
    expect(answer({ op: "is_open", at: "2026-11-23T18:00:00+01:00" }).result).toEqual({ open: false });
    expect(answer({ op: "is_open", at: "2026-12-25T10:00:00+01:00" }).result).toEqual({ open: false });
    expect(answer({ op: "is_open", at: "2026-12-24T12:30:00+01:00" }).result).toEqual({ open: false });
  });

  it("finds the next opening after a weekend, and the instant itself when open", () => {
    expect(answer({ op: "next_open", at: "2026-11-21T10:00:00+01:00" })).toEqual({ code: 0, result: { at: "2026-11-23T09:00:00+01:00" } });
    expect(answer({ op: "next_open", at: "2026-11-23T10:00:00+01:00" }).result).toEqual({ at: "2026-11-23T10:00:00+01:00" });
  });

  it("skips a yearly holiday when finding the next opening", () => {
    // Thursday 31 December at closing: Friday 1 January is a holiday, then the weekend.
    expect(answer({ op: "next_open", at: "2026-12-31T18:00:00+01:00" }).result).toEqual({ at: "2027-01-04T09:00:00+01:00" });
  });

  it("finds the previous closing before a weekend, and the instant itself when open", () => {
    expect(answer({ op: "prev_close", at: "2026-11-21T10:00:00+01:00" })).toEqual({ code: 0, result: { at: "2026-11-20T18:00:00+01:00" } });
    expect(answer({ op: "prev_close", at: "2026-11-23T10:00:00+01:00" }).result).toEqual({ at: "2026-11-23T10:00:00+01:00" });
    expect(answer({ op: "prev_close", at: "2026-11-23T13:00:00+01:00" }).result).toEqual({ at: "2026-11-23T12:30:00+01:00" });
  });

  it("works with a range ending at 24:00 that continues the next day", () => {
    const night = { timezone: "Europe/Paris", hours: { mon: [["22:00", "24:00"]], tue: [["00:00", "02:00"]] } };
    expect(answer({ op: "add", start: "2026-11-23T23:00:00+01:00", seconds: 7200 }, night).result).toEqual({ at: "2026-11-24T01:00:00+01:00" });
    expect(answer({ op: "is_open", at: "2026-11-23T23:59:59+01:00" }, night).result).toEqual({ open: true });
  });
});

describe("the answer as a whole", () => {
  it("answers every op in the order of the request, with code 0 and nothing on stderr", () => {
    const outcome = request([
      { op: "is_open", at: "2026-11-23T12:45:00+01:00" },
      { op: "add", start: "2026-11-20T16:30:00+01:00", seconds: 7200 },
      { op: "elapsed", start: "2026-11-20T16:30:00+01:00", end: "2026-11-23T09:30:00+01:00" },
      { op: "next_open", at: "2026-11-21T10:00:00+01:00" },
      { op: "subtract", start: "2026-11-23T09:30:00+01:00", seconds: 7200 },
      { op: "prev_close", at: "2026-11-21T10:00:00+01:00" },
      { op: "is_open", at: "2026-11-23T10:00:00+01:00" },
    ]);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toBe("");
    expect(outcome.stdout).toBe(
      `${JSON.stringify({
        results: [
          { open: false },
          { at: "2026-11-23T09:30:00+01:00" },
          { seconds: 7200 },
          { at: "2026-11-23T09:00:00+01:00" },
          { at: "2026-11-20T16:30:00+01:00" },
          { at: "2026-11-20T18:00:00+01:00" },
          { open: true },
        ],
      })}\n`,
    );
  });

  it("answers the README example", () => {
    const outcome = runCalendarRequest(`{"calendar": {"timezone": "Europe/Paris",
                    "hours": {"mon": [["09:00","12:30"],["13:30","18:00"]],
                              "fri": [["09:00","18:00"]]},
                    "holidays": ["2026-12-25", "01-01"]},
       "ops": [{"op": "add", "start": "2026-11-20T16:30:00+01:00", "seconds": 7200},
               {"op": "is_open", "at": "2026-11-23T12:45:00+01:00"}]}`);
    expect(outcome).toEqual({ code: 0, stdout: `{"results":[{"at":"2026-11-23T09:30:00+01:00"},{"open":false}]}\n`, stderr: "" });
  });

  it("answers an empty list of ops with an empty list of results", () => {
    expect(request([])).toEqual({ code: 0, stdout: `{"results":[]}\n`, stderr: "" });
  });

  it("answers the other ops when one fails, with code 1", () => {
    const outcome = request([
      { op: "add", start: "2026-11-20T16:30:00+01:00", seconds: 7200 },
      { op: "add", start: "2026-11-20T16:30:00", seconds: 7200 },
      { op: "is_open", at: "2026-11-23T12:45:00+01:00" },
      { op: "teleport" },
      { op: "elapsed", start: "2026-11-20T16:30:00+01:00", end: "2026-11-23T09:30:00+01:00" },
    ]);
    expect(outcome.code).toBe(1);
    expect(results(outcome)).toEqual([
      { at: "2026-11-23T09:30:00+01:00" },
      { error: `start: "2026-11-20T16:30:00" has no UTC offset (add Z or an offset such as +01:00)` },
      { open: false },
      { error: `op: "teleport" is not an operation (${OP_NAMES})` },
      { seconds: 7200 },
    ]);
  });
});

describe("errors in one op", () => {
  it("refuses an unknown op, listing the operations", () => {
    expect(opError({ op: "multiply", start: "2026-11-23T09:00:00+01:00", seconds: 1 })).toBe(`op: "multiply" is not an operation (${OP_NAMES})`);
    expect(opError({ op: 7 })).toBe(`op: 7 is not an operation (${OP_NAMES})`);
    expect(opError({ op: "ADD", start: "2026-11-23T09:00:00+01:00", seconds: 1 })).toBe(`op: "ADD" is not an operation (${OP_NAMES})`);
  });

  it("requires the op name", () => {
    expect(opError({ at: "2026-11-23T09:00:00+01:00" })).toBe(`op: is required (${OP_NAMES})`);
  });

  it("refuses an op that is not an object", () => {
    const expected = `expected an operation such as {"op": "add", "start": "…", "seconds": 3600}`;
    expect(opError(42)).toBe(expected);
    expect(opError(null)).toBe(expected);
    expect(opError("add")).toBe(expected);
    expect(opError([])).toBe(expected);
  });

  it.each([
    [{ op: "add", start: "2026-11-23T09:00:00+01:00" }, "seconds: is required for add"],
    [{ op: "add", seconds: 60 }, "start: is required for add"],
    [{ op: "subtract", start: "2026-11-23T09:00:00+01:00" }, "seconds: is required for subtract"],
    [{ op: "elapsed", start: "2026-11-23T09:00:00+01:00" }, "end: is required for elapsed"],
    [{ op: "elapsed", end: "2026-11-23T09:00:00+01:00" }, "start: is required for elapsed"],
    [{ op: "is_open" }, "at: is required for is_open"],
    [{ op: "next_open" }, "at: is required for next_open"],
    [{ op: "prev_close" }, "at: is required for prev_close"],
  ])("refuses an op missing a field: %j", (op, message) => {
    expect(opError(op)).toBe(message);
  });

  it.each([
    [{ op: "is_open", at: "2026-11-23T09:00:00+01:00", timezone: "UTC" }, "timezone: unknown field for is_open (at)"],
    [{ op: "add", start: "2026-11-23T09:00:00+01:00", seconds: 60, end: "2026-11-23T10:00:00+01:00" }, "end: unknown field for add (start, seconds, pauses)"],
    [
      { op: "elapsed", start: "2026-11-23T09:00:00+01:00", end: "2026-11-23T10:00:00+01:00", seconds: 1 },
      "seconds: unknown field for elapsed (start, end, pauses)",
    ],
    [{ op: "next_open", at: "2026-11-23T09:00:00+01:00", pauses: [] }, "pauses: unknown field for next_open (at)"],
  ])("refuses an op with an unknown field: %j", (op, message) => {
    expect(opError(op)).toBe(message);
  });

  it("refuses negative seconds", () => {
    expect(opError({ op: "add", start: "2026-11-23T09:00:00+01:00", seconds: -1 })).toBe("seconds: expected a number of seconds ≥ 0, got -1");
    expect(opError({ op: "subtract", start: "2026-11-23T09:00:00+01:00", seconds: -0.5 })).toBe("seconds: expected a number of seconds ≥ 0, got -0.5");
  });

  it("refuses seconds given as a string or null", () => {
    expect(opError({ op: "add", start: "2026-11-23T09:00:00+01:00", seconds: "3600" })).toBe(`seconds: expected a number of seconds ≥ 0, got "3600"`);
    expect(opError({ op: "add", start: "2026-11-23T09:00:00+01:00", seconds: null })).toBe("seconds: expected a number of seconds ≥ 0, got null");
  });

  it("refuses NaN seconds as invalid JSON, since JSON has no NaN", () => {
    const text = `{"calendar": {"timezone": "UTC", "hours": {}}, "ops": [{"op": "add", "start": "2026-11-23T09:00:00Z", "seconds": NaN}]}`;
    expect(refusal(text)).toMatch(/^palier calendar: the request is not valid JSON: .+\n$/);
  });

  it("refuses an instant without an offset", () => {
    expect(opError({ op: "is_open", at: "2026-11-23T10:00:00" })).toBe(`at: "2026-11-23T10:00:00" has no UTC offset (add Z or an offset such as +01:00)`);
    expect(opError({ op: "elapsed", start: "2026-11-23T10:00:00Z", end: "2026-11-24" })).toBe(
      `end: "2026-11-24" has no UTC offset (add Z or an offset such as +01:00)`,
    );
  });

  it("refuses an instant that is not ISO 8601 or not a string", () => {
    expect(opError({ op: "next_open", at: "tomorrow" })).toBe(`at: "tomorrow" is not an ISO 8601 instant (e.g. 2026-11-20T16:30:00+01:00)`);
    expect(opError({ op: "next_open", at: "2026-02-30T10:00:00Z" })).toBe(`at: "2026-02-30T10:00:00Z" is not a valid date and time`);
    expect(opError({ op: "is_open", at: 1795192200000 })).toBe("at: expected an ISO 8601 instant string, got 1795192200000");
    expect(opError({ op: "is_open", at: null })).toBe("at: expected an ISO 8601 instant string, got null");
  });

  it("refuses an instant outside the years 1000 to 9999", () => {
    expect(opError({ op: "is_open", at: "0999-12-31T23:59:59Z" })).toBe("at: 0999-12-31T23:59:59.000Z is outside the years 1000 to 9999");
  });

  it("refuses pauses that are not a list of pairs", () => {
    const base = { op: "add", start: "2026-11-23T09:00:00+01:00", seconds: 60 };
    expect(opError({ ...base, pauses: "lunch" })).toBe("pauses: expected a list of [start, end] pairs");
    expect(opError({ ...base, pauses: null })).toBe("pauses: expected a list of [start, end] pairs");
    expect(opError({ ...base, pauses: [["2026-11-23T10:00:00+01:00"]] })).toBe("pauses[0]: expected a [start, end] pair of instants");
    expect(opError({ ...base, pauses: [{ start: "2026-11-23T10:00:00+01:00", end: "2026-11-23T11:00:00+01:00" }] })).toBe(
      "pauses[0]: expected a [start, end] pair of instants",
    );
  });

  it("refuses a pause instant without an offset, naming its place", () => {
    const op = {
      op: "elapsed",
      start: "2026-11-23T09:00:00+01:00",
      end: "2026-11-23T18:00:00+01:00",
      pauses: [
        ["2026-11-23T10:00:00+01:00", "2026-11-23T10:30:00+01:00"],
        ["2026-11-23T11:00:00+01:00", "2026-11-23T11:30:00"],
      ],
    };
    expect(opError(op)).toBe(`pauses[1][1]: "2026-11-23T11:30:00" has no UTC offset (add Z or an offset such as +01:00)`);
  });

  it("refuses a pause that ends before it starts", () => {
    const op = {
      op: "elapsed",
      start: "2026-11-23T09:00:00+01:00",
      end: "2026-11-23T18:00:00+01:00",
      pauses: [["2026-11-23T10:00:00+01:00", "2026-11-23T09:30:00+01:00"]],
    };
    expect(opError(op)).toBe("pauses[0]: ends before it starts");
  });

  it("accepts an empty pause and an empty list of pauses", () => {
    const base = { op: "add", start: "2026-11-23T09:00:00+01:00", seconds: 3600 };
    expect(answer({ ...base, pauses: [] })).toEqual({ code: 0, result: { at: "2026-11-23T10:00:00+01:00" } });
    expect(answer({ ...base, pauses: [["2026-11-23T09:30:00+01:00", "2026-11-23T09:30:00+01:00"]] }).result).toEqual({ at: "2026-11-23T10:00:00+01:00" });
  });
});

describe("a calendar with no open time", () => {
  const closed = { timezone: "Europe/Paris", hours: {} };

  it("fails add with a clear error instead of looping", () => {
    expect(opError({ op: "add", start: "2026-11-23T09:00:00+01:00", seconds: 3600 }, closed)).toMatch(/no open time/);
  });

  it("fails subtract, next_open and prev_close the same way", () => {
    expect(opError({ op: "subtract", start: "2026-11-23T09:00:00+01:00", seconds: 3600 }, closed)).toMatch(/no open time/);
    expect(opError({ op: "next_open", at: "2026-11-23T09:00:00+01:00" }, closed)).toMatch(/no open time/);
    expect(opError({ op: "prev_close", at: "2026-11-23T09:00:00+01:00" }, closed)).toMatch(/no open time/);
  });

  it("is never open and has no elapsed time", () => {
    expect(answer({ op: "is_open", at: "2026-11-23T10:00:00+01:00" }, closed)).toEqual({ code: 0, result: { open: false } });
    expect(answer({ op: "elapsed", start: "2026-11-23T00:00:00+01:00", end: "2027-11-23T00:00:00+01:00" }, closed)).toEqual({
      code: 0,
      result: { seconds: 0 },
    });
  });

  it("fails add past the last override of a calendar open only on overrides", () => {
    const onlyChristmasEve = { timezone: "Europe/Paris", hours: {}, overrides: { "2026-12-24": [["09:00", "11:00"]] } };
    expect(answer({ op: "add", start: "2026-11-23T09:00:00+01:00", seconds: 3600 }, onlyChristmasEve).result).toEqual({ at: "2026-12-24T10:00:00+01:00" });
    expect(opError({ op: "add", start: "2026-11-23T09:00:00+01:00", seconds: 3 * 3600 }, onlyChristmasEve)).toMatch(/no open time/);
  });
});

describe("results at the ends of the supported years", () => {
  const utcOffice = { timezone: "UTC", hours: { mon: SPLIT, tue: SPLIT, wed: SPLIT, thu: SPLIT, fri: SPLIT } };

  it("fails an addition whose result would fall after year 9999", () => {
    expect(opError({ op: "add", start: "9990-01-01T09:00:00Z", seconds: 1e9 }, utcOffice)).toBe("the result falls after year 9999");
  });

  it("fails next_open and add instead of answering an instant in year 10000", () => {
    // Friday 9999-12-31 at 23:59:59: the next opening would be Monday 10000-01-03.
    expect(opError({ op: "next_open", at: "9999-12-31T23:59:59.999Z" }, utcOffice)).toMatch(/9999/);
    expect(opError({ op: "add", start: "9999-12-31T17:00:00Z", seconds: 7200 }, utcOffice)).toMatch(/9999/);
  });

  it("fails prev_close and subtract instead of answering an instant in year 999", () => {
    // Wednesday 1000-01-01 at 00:00: the previous closing would be Tuesday 0999-12-31 at 18:00.
    expect(opError({ op: "prev_close", at: "1000-01-01T00:00:00Z" }, utcOffice)).toMatch(/1000/);
    expect(opError({ op: "subtract", start: "1000-01-01T10:00:00Z", seconds: 7200 }, utcOffice)).toMatch(/1000/);
  });
});

describe("refused requests (code 2)", () => {
  it("refuses text that is not JSON", () => {
    expect(refusal("{")).toMatch(/^palier calendar: the request is not valid JSON: .+\n$/);
    expect(refusal("")).toMatch(/^palier calendar: the request is not valid JSON: .+\n$/);
  });

  it.each(["[]", "null", `"calendar"`, "42"])("refuses %s as a request that is not an object", (text) => {
    expect(refusal(text)).toBe(`palier calendar: the request must be a JSON object {"calendar": {…}, "ops": […]}\n`);
  });

  it("requires a calendar", () => {
    expect(refusal(JSON.stringify({ ops: [] }))).toBe("palier calendar: calendar: is required\n");
  });

  it("requires ops, as a list", () => {
    expect(refusal(JSON.stringify({ calendar: office }))).toBe("palier calendar: ops: is required\n");
    expect(refusal(JSON.stringify({ calendar: office, ops: { op: "add" } }))).toBe("palier calendar: ops: expected a list of operations\n");
  });

  it("refuses an unknown top-level field", () => {
    expect(refusal(JSON.stringify({ calendar: office, ops: [], options: {} }))).toBe(
      "palier calendar: options: unknown field (a request has calendar and ops)\n",
    );
  });

  it("refuses an invalid calendar, listing every issue under calendar.", () => {
    const calendar = {
      timezone: "Europe/Pariss",
      hours: {
        mon: [
          ["09:00", "12:00"],
          ["25:00", "26:00"],
        ],
        tue: [
          ["09:00", "12:00"],
          ["11:00", "14:00"],
        ],
      },
      holidays: ["2026-12-25", "01-01", "2026-02-30"],
    };
    expect(refusal(JSON.stringify({ calendar, ops: [{ op: "is_open", at: "2026-11-23T10:00:00Z" }] }))).toBe(
      [
        "palier calendar: invalid calendar:",
        `  calendar.timezone: "Europe/Pariss" is not an IANA time zone`,
        `  calendar.hours.mon[1]: "25:00" is not a time (HH:MM from 00:00 to 24:00)`,
        "  calendar.hours.tue: ranges 09:00–12:00 and 11:00–14:00 overlap",
        `  calendar.holidays[2]: "2026-02-30" is not a date (YYYY-MM-DD, or MM-DD for every year)`,
        "",
      ].join("\n"),
    );
  });

  it("refuses a calendar that is not an object, with the path calendar", () => {
    expect(refusal(JSON.stringify({ calendar: null, ops: [] }))).toBe(
      "palier calendar: invalid calendar:\n  calendar: a calendar is a JSON object, got null\n",
    );
    expect(refusal(JSON.stringify({ calendar: "Europe/Paris", ops: [] }))).toBe(
      `palier calendar: invalid calendar:\n  calendar: a calendar is a JSON object, got "Europe/Paris"\n`,
    );
  });

  it("refuses an invalid calendar even when there are no ops", () => {
    expect(refusal(JSON.stringify({ calendar: { timezone: "UTC" }, ops: [] }))).toBe(
      "palier calendar: invalid calendar:\n  calendar.hours: is required (an object of weekday ranges; {} for a calendar open only on overrides)\n",
    );
  });
});
