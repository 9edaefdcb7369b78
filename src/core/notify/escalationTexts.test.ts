import { describe, expect, it } from "vitest";
import { escalationReason, escalationText, formatDuration, notifyLocale } from "./escalationTexts.js";

const at = (iso: string) => Date.parse(iso);
const ticket = { number: 1042, subject: "Facture en double" };

describe("escalation texts", () => {
  it("reminds in French with the deadline in the recipient's time zone", () => {
    const text = escalationText({
      locale: "fr",
      timeZone: "Europe/Paris",
      ticket,
      kind: "reminder",
      level: 0,
      target: "first_response",
      policyName: "Standard",
      deadline: at("2026-11-23T15:30:00Z"),
      now: at("2026-11-23T15:00:00Z"),
    });
    expect(text.body).toBe("Rappel : le ticket #1042 « Facture en double » doit recevoir une première réponse avant 16:30.\nPolitique SLA : Standard.");
    expect(text.title).toBe("Rappel : #1042 Facture en double");
    expect(text.locale).toBe("fr");
  });

  it("says the level, the target and how late, in Dutch", () => {
    const text = escalationText({
      locale: "nl",
      timeZone: "Europe/Brussels",
      ticket,
      kind: "level",
      level: 2,
      target: "resolution",
      policyName: "VIP",
      deadline: at("2026-11-23T15:30:00Z"),
      now: at("2026-11-23T16:35:00Z"),
    });
    expect(text.title).toBe("Escalatieniveau 2: #1042 Facture en double");
    expect(text.body).toContain('Ticket #1042 "Facture en double" heeft zijn oplostermijn met 1 u 05 overschreden (deadline 16:30).');
  });

  it("says the level in English and names another day's deadline by its date", () => {
    const text = escalationText({
      locale: "en",
      timeZone: "America/Montreal",
      ticket,
      kind: "level",
      level: 1,
      target: "first_response",
      policyName: "Standard",
      deadline: at("2026-11-23T15:30:00Z"),
      now: at("2026-11-25T16:00:00Z"),
    });
    expect(text.title).toBe("Level 1: #1042 Facture en double");
    expect(text.body).toContain("is 2 d past its first response deadline (due 10:30 on 23 Nov)");
  });

  it("says a level fired at the deadline has reached it", () => {
    const text = escalationText({
      locale: "en",
      timeZone: "UTC",
      ticket,
      kind: "level",
      level: 1,
      target: "next_response",
      policyName: "Standard",
      deadline: at("2026-11-23T15:30:00Z"),
      now: at("2026-11-23T15:30:00Z"),
    });
    expect(text.body).toContain("has reached its next response deadline (due 15:30)");
  });

  it("writes English for a language Palier does not speak, and UTC for an unknown zone", () => {
    expect(notifyLocale("de")).toBe("en");
    expect(notifyLocale("fr-BE")).toBe("fr");
    const text = escalationText({
      locale: "de",
      timeZone: "Mars/Olympus",
      ticket,
      kind: "reminder",
      level: 0,
      target: "resolution",
      policyName: "S",
      deadline: at("2026-11-23T15:30:00Z"),
      now: at("2026-11-23T15:00:00Z"),
    });
    expect(text.body).toContain("must be resolved by 15:30");
  });

  it("keeps each zone's time apart, for more zones than it keeps formatters, and after evicting them", () => {
    const deadline = at("2026-11-23T15:30:00Z");
    const zones = Intl.supportedValuesOf("timeZone");
    expect(zones.length).toBeGreaterThan(300);
    const expected = (zone: string) =>
      new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(deadline);
    for (const round of [1, 2]) {
      for (const zone of zones) {
        const text = escalationText({
          locale: round === 1 ? "en" : "fr",
          timeZone: zone,
          ticket,
          kind: "reminder",
          level: 0,
          target: "resolution",
          policyName: "S",
          deadline,
          now: deadline - 60_000,
        });
        expect(text.body, zone).toContain(round === 1 ? `by ${expected(zone)}` : `avant ${expected(zone)}`);
      }
    }
    const paris = escalationText({
      locale: "nl",
      timeZone: "Europe/Paris",
      ticket,
      kind: "level",
      level: 1,
      target: "resolution",
      policyName: "S",
      deadline,
      now: deadline + 2 * 86_400_000,
    });
    expect(paris.body).toContain("(deadline 23 nov om 16:30)");
  });

  it("formats durations as people read them", () => {
    expect(formatDuration(25 * 60_000 + 59_000)).toBe("25 min");
    expect(formatDuration(65 * 60_000)).toBe("1 h 05");
    expect(formatDuration(65 * 60_000, "nl")).toBe("1 u 05");
    expect(formatDuration((51 * 60 + 3) * 60_000, "fr")).toBe("2 j 3 h");
  });

  it("explains a firing in the timeline", () => {
    const deadline = at("2026-11-23T15:30:00Z");
    expect(escalationReason({ policyName: "Standard", kind: "level", level: 2, target: "first_response", deadline, now: deadline + 65 * 60_000 })).toBe(
      "Level 2 of Standard: first response overdue by 1 h 05",
    );
    expect(escalationReason({ policyName: "Standard", kind: "reminder", level: 0, target: "resolution", deadline, now: deadline - 30 * 60_000 })).toBe(
      "Reminder of Standard: resolution due in 30 min",
    );
    expect(
      escalationReason({
        policyName: "Standard",
        kind: "level",
        level: 1,
        target: "first_response",
        deadline,
        now: deadline + 10 * 3_600_000,
        lateByMs: 10 * 3_600_000,
      }),
    ).toBe("Level 1 of Standard: first response overdue by 10 h 00; fired 10 h 00 late");
  });
});
