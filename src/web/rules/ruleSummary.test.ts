import { describe, expect, it } from "vitest";
import type { RuleDefinition } from "../../core/rules/rule.js";
import { isMessageKey, translate, type MessageKey, type Params } from "../i18n/messages.js";
import { ruleSummary, triggerText, type SummaryWords } from "./ruleSummary.js";

const words = (locale: "en" | "fr" | "nl"): SummaryWords => ({
  locale,
  t: (key: MessageKey, params?: Params) => translate(locale, key, params),
  tx: (key: string, fallback: string) => (isMessageKey(key) ? translate(locale, key) : fallback),
  agentName: (id) => (id === "a1" ? "Thomas Lefebvre" : undefined),
  teamName: (id) => (id === "t1" ? "Facturation" : undefined),
});

const rule = (part: Partial<RuleDefinition>): RuleDefinition => ({
  name: "r",
  enabled: true,
  triggers: ["ticket_created"],
  conditions: { all: [] },
  actions: [],
  stop: false,
  ...part,
});

describe("a rule in one line", () => {
  it("says the conditions and what the rule does, in each language", () => {
    const urgent = rule({
      conditions: { all: [{ field: "ticket.subject", op: "matches_words", value: ["ne marche pas", "werkt niet"] }] },
      actions: [{ type: "set_priority", priority: "urgent" }],
    });
    expect(ruleSummary(urgent, words("en"))).toBe("If Subject contains the words “ne marche pas” or “werkt niet”: set the priority to Urgent");
    expect(ruleSummary(urgent, words("fr"))).toBe(
      "Si Objet contient les mots «\u00a0ne marche pas\u00a0» ou «\u00a0werkt niet\u00a0»\u00a0: mettre la priorité à Urgente",
    );
    expect(ruleSummary(urgent, words("nl"))).toBe("Als Onderwerp bevat de woorden ‘ne marche pas’ of ‘werkt niet’: prioriteit op Dringend zetten");
  });

  it("nests groups, negations and names the people and teams by name", () => {
    const nested = rule({
      conditions: {
        any: [
          { field: "triage.frustrated", op: "is", value: true },
          { all: [{ field: "triage.alarms", op: "contains", value: "legal" }, { not: { any: [{ field: "ticket.teamId", op: "is", value: "t1" }] } }] },
        ],
      },
      actions: [
        { type: "assign", agentId: "a1" },
        { type: "notify", recipients: [{ kind: "team_lead" }, { kind: "team", teamId: "t1" }] },
      ],
    });
    expect(ruleSummary(nested, words("en"))).toBe(
      "If Frustrated is yes or (Alarm kinds contains Legal and none of (Team is Facturation)): assign to Thomas Lefebvre and notify the team lead and team Facturation",
    );
  });

  it("says 'always' without conditions and a time rule's moment", () => {
    const later = rule({
      triggers: ["time"],
      time: { since: "last_customer_message", amount: 2, unit: "business_days" },
      actions: [{ type: "add_note", text: "x" }],
    });
    expect(ruleSummary(later, words("en"))).toBe("Always: add an internal note");
    expect(triggerText(later, words("en"))).toEqual(["2 business days after the customer’s last message"]);
    expect(triggerText(later, words("nl"))).toEqual(["2 werkdagen na het laatste bericht van de klant"]);
  });
});
