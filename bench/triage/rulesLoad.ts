// Fifty rules of the kinds a team writes, to time rule evaluation beside triage: conditions on the
// triage signals, the message's words, the ticket and the customer.

import type { Condition, Rule } from "../../src/core/rules/rule.js";

const WORDS = [
  ["ne marche pas", "werkt niet", "does not work"],
  ["facture", "factuur", "invoice"],
  ["mot de passe", "wachtwoord", "password"],
  ["livraison", "levering", "delivery"],
  ["urgent", "dringend", "asap"],
];

/** `count` enabled rules on customer messages, none stopping the others, cycling through ten shapes. */
export function generatedRules(count = 50): Rule[] {
  const shapes: ((i: number) => Condition)[] = [
    () => ({ field: "triage.frustrated", op: "is", value: true }),
    (i) => ({ field: "triage.frustration", op: "greater_than", value: 0.3 + (i % 6) / 10 }),
    (i) => ({ field: "triage.alarms", op: "contains_any", value: [["legal", "churn", "money", "outage", "sales"][i % 5]] }),
    (i) => ({ field: "message.text", op: "matches_words", value: WORDS[i % WORDS.length] }),
    (i) => ({
      all: [
        { field: "triage.language", op: "is", value: ["fr", "nl", "en"][i % 3] },
        { field: "triage.frustrated", op: "is", value: true },
      ],
    }),
    () => ({
      any: [
        { field: "ticket.priority", op: "in", value: ["high", "urgent"] },
        { field: "triage.alarms", op: "contains", value: "legal" },
      ],
    }),
    (i) => ({ field: "ticket.subject", op: "matches_words", value: WORDS[(i + 2) % WORDS.length] }),
    () => ({ not: { field: "ticket.status", op: "is", value: "solved" } }),
    () => ({
      all: [
        { field: "organization.segment", op: "is", value: "enterprise" },
        { field: "triage.frustration", op: "greater_than", value: 0.5 },
      ],
    }),
    (i) => ({ field: "ticket.tags", op: "contains_any", value: [`tag-${i}`, "billing"] }),
  ];
  return Array.from({ length: count }, (_, i) => ({
    id: `rule-${String(i).padStart(3, "0")}`,
    name: `Rule ${i}`,
    position: i,
    version: 1,
    enabled: true,
    triggers: ["customer_message"],
    conditions: (shapes[i % shapes.length] as (i: number) => Condition)(i),
    actions: [{ type: "add_tags", tags: [`rule-${i}`] }],
    stop: false,
  }));
}
