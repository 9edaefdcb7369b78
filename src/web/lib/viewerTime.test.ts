// Instants shown in the viewer's zone, the zone said.

import { afterEach, describe, expect, it } from "vitest";
import { formatInstant, setViewerTimeZone, viewerTimeZone } from "./viewerTime.js";

describe("instants in the viewer's time zone", () => {
  afterEach(() => setViewerTimeZone(null));

  it("shows the date and time in the zone with its offset", () => {
    expect(formatInstant("2026-12-02T13:00:00Z", "en", "Europe/Brussels")).toBe("Dec 2, 2026, 2:00 PM (GMT+1)");
    expect(formatInstant("2026-07-02T13:00:00Z", "fr", "Europe/Brussels")).toBe("2 juil. 2026, 15:00 (UTC+2)");
  });

  it("follows the zone chosen for the viewer, and ignores an unknown one", () => {
    setViewerTimeZone("America/New_York");
    expect(viewerTimeZone()).toBe("America/New_York");
    expect(formatInstant("2026-12-02T13:00:00Z", "en")).toBe("Dec 2, 2026, 8:00 AM (GMT-5)");
    setViewerTimeZone("Mars/Olympus");
    expect(viewerTimeZone()).toBe("America/New_York");
  });

  it("leaves a string that is no instant as it is", () => {
    expect(formatInstant("soon", "en", "UTC")).toBe("soon");
  });
});
