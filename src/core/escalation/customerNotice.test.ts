import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/index.js";
import { customerNotice } from "./customerNotice.js";
import { DEFAULT_ESCALATION_SETTINGS } from "./handoff.js";
import { escalationEta } from "./eta.js";

const BRUSSELS = BusinessCalendar.fromSpec({
  timezone: "Europe/Brussels",
  hours: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]], thu: [["09:00", "17:00"]], fri: [["09:00", "17:00"]] },
});
const settings = DEFAULT_ESCALATION_SETTINGS;

describe("the ETA of an escalation", () => {
  it("counts the urgency's target in the receiving team's business hours", () => {
    // Friday 15:00 in Brussels; 8 business hours (high) run out on Monday at 15:00.
    const now = new Date("2026-11-27T14:00:00Z");
    expect(escalationEta({ calendar: BRUSSELS, now, urgency: "high", settings })?.toISOString()).toBe("2026-11-30T14:00:00.000Z");
    // Critical: 2 business hours, Friday 17:00 closing reached exactly, so Monday's opening.
    expect(escalationEta({ calendar: BRUSSELS, now, urgency: "critical", settings })?.toISOString()).toBe("2026-11-30T08:00:00.000Z");
  });

  it("counts wall-clock minutes without a calendar, and takes a vendor's promised date as it is", () => {
    const now = new Date("2026-11-27T14:00:00Z");
    expect(escalationEta({ calendar: null, now, urgency: "critical", settings })?.toISOString()).toBe("2026-11-27T16:00:00.000Z");
    const promisedAt = new Date("2026-12-02T10:00:00Z");
    expect(escalationEta({ calendar: BRUSSELS, now, urgency: "low", settings, promisedAt })).toBe(promisedAt);
  });

  it("gives no date when the calendar never opens", () => {
    const closed = BusinessCalendar.fromSpec({ timezone: "UTC", hours: {} });
    expect(escalationEta({ calendar: closed, now: new Date("2026-11-27T14:00:00Z"), urgency: "high", settings })).toBeNull();
  });
});

describe("the customer notice", () => {
  const base = { kind: "functional" as const, customerName: "Marie", ticketNumber: 1042, teamName: "Facturation", eta: new Date("2026-11-30T14:00:00Z") };

  it("tells the transfer and the ETA in the customer's language and zone", () => {
    const fr = customerNotice({ ...base, language: "fr", timeZone: "Europe/Brussels" });
    expect(fr.locale).toBe("fr");
    expect(fr.text).toContain("Bonjour Marie,");
    expect(fr.text).toContain("notre équipe Facturation");
    expect(fr.text).toContain("lundi 30 novembre à 15:00");
    const nl = customerNotice({ ...base, language: "nl", timeZone: "Europe/Brussels" });
    expect(nl.text).toContain("maandag 30 november");
    expect(nl.text).toContain("ons team Facturation");
    const en = customerNotice({ ...base, language: null, timeZone: "America/New_York" });
    expect(en.text).toContain("Monday, November 30");
    expect(en.text).toContain("09:00 AM");
  });

  it("names no vendor to the customer, and promises no date it does not have", () => {
    const text = customerNotice({ ...base, kind: "external", teamName: null, eta: null, language: "en", timeZone: "UTC" }).text;
    expect(text).toContain("one of our partners");
    expect(text).toContain("as soon as we can");
  });
});
