// The matrix step's one-line summary, in English, French and Dutch.

import { describe, expect, it } from "vitest";
import type { MatrixStep } from "../api/slaTypes.js";
import { translate, type Locale } from "../i18n/messages.js";
import { stepSummary, type SummaryWords } from "./stepSummary.js";

const words = (locale: Locale): SummaryWords => ({
  locale,
  t: (key, params) => translate(locale, key, params),
  agentName: (id) => (id === "a1" ? "Sophie Martin" : undefined),
  teamName: (id) => (id === "t1" ? "Facturation" : undefined),
});

const level: MatrixStep = {
  id: "l1",
  kind: "level",
  level: 1,
  offsetMinutes: 60,
  clock: "wall",
  recipients: [{ kind: "assignee_manager" }],
  actions: [{ type: "notify" }],
};

describe("a matrix step in one line", () => {
  it("says when and whom, as managers read it", () => {
    expect(stepSummary(level, words("en"))).toBe("+1h after due: notify the assignee's manager");
    expect(stepSummary({ ...level, kind: "reminder", level: 0, offsetMinutes: 30, clock: "business", recipients: [{ kind: "assignee" }] }, words("en"))).toBe(
      "30m of business time before due: notify the assignee",
    );
    expect(stepSummary({ ...level, offsetMinutes: 0 }, words("en"))).toBe("At due: notify the assignee's manager");
  });

  it("lists several recipients and actions, its limits and urgency", () => {
    const step: MatrixStep = {
      ...level,
      level: 2,
      offsetMinutes: 240,
      recipients: [{ kind: "team_lead" }, { kind: "agent", agentId: "a1" }, { kind: "team", teamId: "t1" }],
      actions: [{ type: "notify" }, { type: "raise_priority", to: "urgent" }, { type: "webhook", url: "https://hooks.example.org/palier", secret: "s" }],
      targets: ["resolution"],
      priorities: ["high", "urgent"],
      urgent: true,
    };
    expect(stepSummary(step, words("en"))).toBe(
      "+4h after due: notify the team lead, Sophie Martin, and team Facturation, raise the priority to Urgent, and call the webhook at hooks.example.org (Resolution · High and Urgent) — urgent, even outside working hours",
    );
  });

  it("speaks French and Dutch", () => {
    expect(stepSummary(level, words("fr"))).toBe("+1h après l’échéance\u00a0: prévenir le responsable de l’agent assigné");
    expect(stepSummary(level, words("nl"))).toBe("+1 u na de deadline: de leidinggevende van de toegewezen medewerker verwittigen");
  });
});
