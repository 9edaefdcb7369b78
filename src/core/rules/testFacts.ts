// Facts and rules for the rules' unit tests: a ticket with every field set, changed by overrides.

import type { Ticket } from "../ticket/ticketRecord.js";
import type { RuleFacts } from "./facts.js";
import type { Rule } from "./rule.js";

/** A normal-priority e-mail ticket opened on Monday 23 November 2026 at 09:00 UTC. */
export function testTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    number: 1042,
    subject: "Facture de novembre",
    status: "open",
    priority: "normal",
    tier: "L1",
    language: "fr",
    productId: null,
    customerId: "00000000-0000-4000-8000-000000000001",
    teamId: null,
    assigneeId: null,
    slaPolicyId: null,
    tags: ["billing"],
    customFields: {},
    followers: [],
    channel: "email",
    firstResponseAt: null,
    lastCustomerMessageAt: new Date("2026-11-23T09:00:00Z"),
    lastAgentMessageAt: null,
    solvedAt: null,
    closedAt: null,
    createdAt: new Date("2026-11-23T09:00:00Z"),
    updatedAt: new Date("2026-11-23T09:00:00Z"),
    version: 1,
    ...overrides,
  };
}

/** The facts of a customer message on {@link testTicket}, changed by overrides. */
export function testFacts(overrides: Partial<RuleFacts> = {}): RuleFacts {
  return {
    ticket: testTicket(),
    customer: { name: "Élodie Martin", email: "elodie@acme.example", language: "fr" },
    organization: { name: "Acme", segment: "enterprise", domains: ["acme.example"] },
    message: { text: "Bonjour, ÇA NE MARCHE PAS!! Merci de regarder.", kind: "customer", channel: "email" },
    actor: { type: "customer", id: "00000000-0000-4000-8000-000000000001" },
    triage: {
      language: "fr",
      frustration: 0.72,
      frustrated: true,
      alarms: [{ kind: "legal", phrase: "avocat" }],
      reasons: [],
    },
    now: new Date("2026-11-23T10:00:00Z"),
    calendar: null,
    ...overrides,
  };
}

let counter = 0;

/** An enabled rule on customer messages whose conditions always hold, changed by overrides. */
export function testRule(overrides: Partial<Rule> = {}): Rule {
  counter += 1;
  return {
    id: `rule-${counter}`,
    name: `Rule ${counter}`,
    position: counter,
    version: 1,
    enabled: true,
    triggers: ["customer_message"],
    conditions: { all: [] },
    actions: [{ type: "add_tags", tags: ["seen"] }],
    stop: false,
    ...overrides,
  };
}
