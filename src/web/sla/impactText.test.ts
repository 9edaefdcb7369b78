// The confirm dialog's words from a dry run's answer, in the three languages with their plurals,
// and the answer read from the API's shape.

import { describe, expect, it } from "vitest";
import { dryRunOf } from "../api/slaApi.js";
import type { Impact } from "../api/slaTypes.js";
import { translate, type Locale } from "../i18n/messages.js";
import { exampleLine, impactLines } from "./impactText.js";

const words = (locale: Locale) => ({
  t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params),
  formatInstant: (iso: string) => iso.slice(11, 16),
});
const answer = {
  dryRun: true,
  impact: {
    openTickets: 40,
    retargeted: 12,
    breachedNow: 3,
    stepsNow: 5,
    notificationsNow: 4,
    examples: [{ number: 1042, subject: "Facture introuvable", clock: "first_response", dueBefore: "2026-12-02T14:00:00Z", dueAfter: "2026-12-03T09:00:00Z" }],
  },
  truncated: true,
};

describe("the impact of an edit before it is saved", () => {
  it("reads the dry run's answer, and any other answer as a save by a server without dry runs", () => {
    const read = dryRunOf(answer, "policy");
    expect(read.kind).toBe("impact");
    if (read.kind === "impact")
      expect(read.impact).toMatchObject({ retargeted: 12, breachedNow: 3, truncated: true, examples: [{ number: 1042, clock: "first_response" }] });
    expect(dryRunOf({ policy: { id: "p1", version: 4 }, job: { id: "j1" } }, "policy")).toEqual({
      kind: "saved",
      saved: { item: { id: "p1", version: 4 }, jobId: "j1" },
    });
  });

  it("says who gets a new due time, who breaches at once and what goes out now, with plurals", () => {
    const impact = (dryRunOf(answer, "policy") as { impact: Impact }).impact;
    expect(impactLines(impact, words("en"))).toEqual([
      "12 open tickets get a new due time (of 40 checked).",
      "3 become breached at once.",
      "5 escalation steps and 4 notifications go out now.",
    ]);
    expect(impactLines({ ...impact, retargeted: 1, breachedNow: 1, stepsNow: 1, notificationsNow: 0 }, words("fr"))).toEqual([
      "1 ticket ouvert reçoit une nouvelle échéance (sur 40 vérifiés).",
      "1 passe aussitôt en dépassement.",
      "1 étape d’escalade et aucune notification partent maintenant.",
    ]);
    expect(impactLines(impact, words("nl"))[0]).toBe("12 open tickets krijgen een nieuwe deadline (van 40 gecontroleerd).");
  });

  it("says when nothing changes", () => {
    const none: Impact = { openTickets: 7, retargeted: 0, breachedNow: 0, stepsNow: 0, notificationsNow: 0, examples: [], truncated: false };
    expect(impactLines(none, words("en"))).toEqual(["7 open tickets checked: their due times stay, and nothing goes out."]);
  });

  it("tells each example's move of its due time", () => {
    const impact = (dryRunOf(answer, "policy") as { impact: Impact }).impact;
    const example = impact.examples[0];
    if (!example) throw new Error("no example");
    expect(exampleLine(example, words("en"))).toBe("#1042 Facture introuvable — First response: 14:00 → 09:00");
    expect(exampleLine({ ...example, dueAfter: null }, words("fr"))).toBe("n° 1042 Facture introuvable — Première réponse\u00a0: 14:00 → pas d’échéance");
  });
});
