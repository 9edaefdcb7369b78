import { describe, expect, it } from "vitest";
import { isMessageKey, translate, type MessageKey, type Params } from "../i18n/messages.js";
import type { DryRunMatch } from "../api/rules.js";
import { changeText, effectText, matchedText, matchesMany } from "./dryRunText.js";
import type { SummaryWords } from "./ruleSummary.js";

const words = (locale: "en" | "fr" | "nl"): SummaryWords => ({
  locale,
  t: (key: MessageKey, params?: Params) => translate(locale, key, params),
  tx: (key: string, fallback: string) => (isMessageKey(key) ? translate(locale, key) : fallback),
  agentName: (id) => (id === "a1" ? "Thomas Lefebvre" : undefined),
  teamName: (id) => (id === "t1" ? "Facturation" : undefined),
});

const match = (ticketNumber: number): DryRunMatch => ({ ticketNumber, subject: "", trigger: "ticket_created", matched: [], changes: {}, actions: [] });

describe("the dry run in words", () => {
  it("asks before saving a rule that would act on ten tickets or on half of a small sample", () => {
    expect(matchesMany({ examined: 200, matched: Array.from({ length: 9 }, (_, i) => match(i)) })).toBe(false);
    expect(matchesMany({ examined: 200, matched: Array.from({ length: 10 }, (_, i) => match(i)) })).toBe(true);
    expect(matchesMany({ examined: 4, matched: [match(1), match(2)] })).toBe(true);
    // One ticket matched on two triggers counts once.
    expect(matchesMany({ examined: 200, matched: [match(1), { ...match(1), trigger: "customer_message" }] })).toBe(false);
  });

  it("says which words were found, in the reader's language", () => {
    const held = { field: "ticket.subject", op: "matches_words" as const, value: ["ne marche pas"], actual: "ÇA NE MARCHE PAS !!", found: ["ne marche pas"] };
    expect(matchedText(held, words("en"))).toBe("Subject contains the words “ne marche pas” (found: “ne marche pas”)");
    expect(matchedText(held, words("fr"))).toBe("Objet contient les mots «\u00a0ne marche pas\u00a0» (trouvé\u00a0: «\u00a0ne marche pas\u00a0»)");
  });

  it("tells a change with the fields' and values' names", () => {
    expect(changeText("priority", ["normal", "urgent"], words("en"))).toBe("Priority: Normal → Urgent");
    expect(changeText("teamId", [null, "t1"], words("nl"))).toBe("Team: — → Facturation");
    expect(changeText("assigneeId", [null, "a1"], words("fr"))).toBe("Agent assigné\u00a0: — → Thomas Lefebvre");
  });

  it("tells what else would happen, naming people and teams and never their ids", () => {
    expect(effectText({ type: "notify", summary: "agent:a1, team:t1, team_lead" }, words("en"))).toBe(
      "notify Thomas Lefebvre, team Facturation, and the team lead",
    );
    expect(effectText({ type: "reply", summary: "fr: Bonjour {{customer.name}}" }, words("en"))).toBe(
      "send a canned reply in French: “Bonjour {{customer.name}}”",
    );
    expect(effectText({ type: "note", summary: "Rappeler le client" }, words("nl"))).toBe("een interne notitie toevoegen: ‘Rappeler le client’");
    expect(effectText({ type: "webhook", summary: "https://hooks.example/x" }, words("fr"))).toBe("appeler un webhook sur hooks.example");
  });
});
