import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/index.js";
import { journeySummary, phoneShown, selfServiceRatio, teamSlug } from "./journey.js";

const OFFICE = BusinessCalendar.fromSpec({ timezone: "Europe/Brussels", hours: { mon: [["09:00", "17:00"]] } });

describe("self-care journeys", () => {
  it("gives the self-service ratio as deflected over deflected and requests, and none without either", () => {
    expect(selfServiceRatio(3, 1)).toBe(0.75);
    expect(selfServiceRatio(0, 4)).toBe(0);
    expect(selfServiceRatio(0, 0)).toBeNull();
    expect(() => selfServiceRatio(-1, 2)).toThrow(RangeError);
  });

  it("shows the phone only while the team's calendar is open, and never without a number or a calendar", () => {
    const mondayMorning = new Date("2026-11-23T09:30:00Z"); // 10:30 in Brussels
    const mondayEvening = new Date("2026-11-23T17:00:00Z"); // 18:00 in Brussels
    expect(phoneShown("+32 2 808 42 42", OFFICE, mondayMorning)).toBe(true);
    expect(phoneShown("+32 2 808 42 42", OFFICE, mondayEvening)).toBe(false);
    expect(phoneShown(null, OFFICE, mondayMorning)).toBe(false);
    expect(phoneShown("  ", OFFICE, mondayMorning)).toBe(false);
    expect(phoneShown("+32 2 808 42 42", null, mondayMorning)).toBe(false);
  });

  it("names a team by its folded name", () => {
    expect(teamSlug("Support technique")).toBe("support-technique");
    expect(teamSlug("Facturation / Billing")).toBe("facturation-billing");
    expect(teamSlug("Équipe Élite")).toBe("equipe-elite");
  });

  it("sums a journey up: searches, articles read, and whether any article helped", () => {
    const at = new Date(0);
    expect(journeySummary([])).toEqual({ searches: 0, articles: 0, helped: null });
    expect(
      journeySummary([
        { kind: "search", at, query: "facture", results: 2 },
        { kind: "article", at, slug: "a", title: "A" },
        { kind: "answered", at, slug: "a", title: "A", helpful: false },
        { kind: "article", at, slug: "b", title: "B" },
        { kind: "answered", at, slug: "b", title: "B", helpful: true },
        { kind: "request", at, ticketNumber: 1001 },
      ]),
    ).toEqual({ searches: 1, articles: 2, helped: true });
    expect(journeySummary([{ kind: "answered", at, slug: "a", title: "A", helpful: false }]).helped).toBe(false);
  });
});
