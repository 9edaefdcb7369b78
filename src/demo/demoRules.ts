// The demo's rules, in order: what a support team in Brussels and Paris writes on its first week.
// A request that says it does not work is urgent; payment words go to the billing team, urgent
// for VIP customers; a legal alarm reaches the head of support; a sales question is tagged for
// the people who can close it; an urgent ticket nobody answered in two business hours is
// raised to its team lead.

import type { Condition, RuleDefinition } from "../core/rules/rule.js";
import { HEAD_OF_SUPPORT_LOGIN } from "./demoPolicies.js";
import type { TeamKey } from "./workspace.js";

/** "It does not work" in the three languages, as customers write it. */
export const BROKEN_WORDS = [
  "ne marche pas",
  "ne marche plus",
  "ne fonctionne pas",
  "ne fonctionne plus",
  "werkt niet",
  "werkt niet meer",
  "doet het niet",
  "doesn't work",
  "does not work",
  "not working",
  "stopped working",
];

/** Payment and billing words in the three languages. */
export const BILLING_WORDS = [
  "facture",
  "facturation",
  "paiement",
  "prélèvement",
  "remboursement",
  "factuur",
  "facturatie",
  "betaling",
  "domiciliëring",
  "terugbetaling",
  "invoice",
  "billing",
  "payment",
  "direct debit",
  "refund",
  "charged twice",
];

/** The demo's rules in order, given the ids of the demo's teams and agents. */
export function demoRules(ids: { teams: ReadonlyMap<TeamKey, string>; agents: ReadonlyMap<string, string> }): RuleDefinition[] {
  const billing = ids.teams.get("billing");
  const head = ids.agents.get(HEAD_OF_SUPPORT_LOGIN);
  if (!billing || !head) throw new Error("the demo rules need the billing team and the head of support");
  const billingWords: Condition = {
    any: [
      { field: "ticket.subject", op: "matches_words", value: BILLING_WORDS },
      { field: "message.text", op: "matches_words", value: BILLING_WORDS },
    ],
  };
  return [
    {
      name: "Ça ne marche pas → urgent",
      enabled: true,
      triggers: ["ticket_created"],
      conditions: { all: [{ field: "ticket.subject", op: "matches_words", value: BROKEN_WORDS }] },
      actions: [{ type: "set_priority", priority: "urgent" }],
      stop: false,
    },
    {
      name: "Facturation / Billing: payment words",
      enabled: true,
      triggers: ["ticket_created"],
      conditions: { all: [billingWords, { not: { field: "ticket.teamId", op: "is", value: billing } }] },
      actions: [{ type: "set_team", teamId: billing }],
      stop: false,
    },
    {
      name: "VIP billing → urgent",
      enabled: true,
      triggers: ["ticket_created", "customer_message"],
      conditions: { all: [billingWords, { field: "organization.segment", op: "is", value: "vip" }] },
      actions: [{ type: "set_priority", priority: "urgent" }],
      stop: false,
    },
    {
      name: "Legal alarm → head of support",
      enabled: true,
      triggers: ["ticket_created", "customer_message"],
      conditions: {
        all: [{ field: "triage.alarms", op: "contains", value: "legal" }, { not: { field: "ticket.tags", op: "contains", value: "legal-alarm" } }],
      },
      actions: [
        { type: "add_tags", tags: ["legal-alarm"] },
        { type: "notify", recipients: [{ kind: "agent", agentId: head }] },
      ],
      stop: false,
    },
    {
      name: "Sales question → sales lead",
      enabled: true,
      triggers: ["ticket_created", "customer_message"],
      conditions: { all: [{ field: "triage.alarms", op: "contains", value: "sales" }] },
      actions: [{ type: "add_tags", tags: ["sales-lead"] }],
      stop: false,
    },
    {
      name: "Urgent without a reply for 2 business hours → team lead",
      enabled: true,
      triggers: ["time"],
      time: { since: "last_customer_message", amount: 2, unit: "business_hours" },
      conditions: {
        all: [
          { field: "ticket.priority", op: "is", value: "urgent" },
          { field: "ticket.status", op: "in", value: ["new", "open"] },
          // The latest message is still the customer's: nobody answered since.
          { field: "message.kind", op: "is", value: "customer" },
        ],
      },
      actions: [{ type: "notify", recipients: [{ kind: "team_lead" }] }],
      stop: false,
    },
  ];
}
