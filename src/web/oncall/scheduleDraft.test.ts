import { describe, expect, it } from "vitest";
import { isoOfLocalInput, lengthOf, localInputOf, newLayer, previewOf } from "./scheduleDraft.js";

describe("the schedule editor's draft", () => {
  it("shows an instant as a local date-time in the schedule's zone and reads it back with the zone's offset", () => {
    expect(localInputOf("2026-03-29T01:30:00Z", "Europe/Brussels")).toBe("2026-03-29T03:30");
    expect(isoOfLocalInput("2026-11-23T09:00", "Europe/Brussels")).toBe("2026-11-23T09:00:00+01:00");
    expect(isoOfLocalInput("2026-07-01T09:00", "America/New_York")).toBe("2026-07-01T09:00:00-04:00");
    // 02:30 does not exist on the spring-forward night: it moves on by the gap.
    expect(isoOfLocalInput("2026-03-29T02:30", "Europe/Brussels")).toBe("2026-03-29T03:30:00+02:00");
    expect(isoOfLocalInput("", "Europe/Brussels")).toBe("");
    expect(localInputOf("not an instant", "UTC")).toBe("");
  });

  it("starts a new layer weekly on the next Monday at 09:00 local", () => {
    // Wednesday 25 November 2026.
    const layer = newLayer(["ann"], "Europe/Brussels", Date.UTC(2026, 10, 25, 12));
    expect(layer.rotation).toEqual({ participants: ["ann"], start: "2026-11-30T09:00:00+01:00", length: { weeks: 1 } });
    expect(lengthOf(layer)).toEqual({ unit: "weeks", count: 1 });
    expect(newLayer([], "UTC", Date.UTC(2026, 10, 30, 12)).rotation.start).toBe("2026-12-07T09:00:00Z");
  });

  it("previews the draft's final schedule, or says what keeps it from being computed", () => {
    const now = Date.UTC(2026, 10, 23, 9);
    // The layer starts on the Monday after a week ago: today, 09:00.
    const draft = { timezone: "UTC", layers: [newLayer(["ann", "bob"], "UTC", now - 7 * 86_400_000)], overrides: [] };
    expect(previewOf(draft, now, 7)).toEqual({ shifts: [{ start: now, end: now + 7 * 86_400_000, who: ["ann"] }] });
    expect(previewOf({ ...draft, layers: [newLayer([], "UTC", now)] }, now)).toEqual({
      problem: "layers[0].rotation.participants: a rotation needs at least one participant",
    });
  });
});
