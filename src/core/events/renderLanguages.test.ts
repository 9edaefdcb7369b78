// A whole timeline read in French and in Dutch: rows written from data and old rows holding the
// English sentences Palier used to write alike show no English word, no uuid and no ISO instant.

import { describe, expect, it } from "vitest";
import type { EventNames } from "./renderContext.js";
import { renderEvent, type RenderableEvent } from "./renderEvent.js";

const LEA = "1f0e8c52-7a3b-4c1d-9e2f-3a4b5c6d7e8f";
const TEAM = "3b2c1d0e-9f8a-4b7c-8d6e-5f4a3b2c1d0e";
const POLICY = "4c3d2e1f-0a9b-4c8d-9e7f-6a5b4c3d2e1f";
const CUSTOMER = "5d4e3f2a-1b0c-4d9e-8f7a-6b5c4d3e2f1a";
const PRODUCT = "8264239a-0b1c-4d2e-8f3a-4b5c6d7e8f90";
const ORGANIZATION = "6e5f4a3b-2c1d-4e0f-9a8b-7c6d5e4f3a2b";
const CALENDAR = "7f6a5b4c-3d2e-4f1a-8b9c-0d1e2f3a4b5c";

const names: EventNames = {
  agent: (id) => (id === LEA ? "Léa Martin" : undefined),
  team: (id) => (id === TEAM ? "Facturation / Billing" : undefined),
  policy: (id) => (id === POLICY ? "Standard" : undefined),
  customer: (id) => (id === CUSTOMER ? "Marie Dubois" : undefined),
  product: (id) => (id === PRODUCT ? "Lumio Box" : undefined),
  organization: (id) => (id === ORGANIZATION ? "Banque Delvaux" : undefined),
  calendar: (id) => (id === CALENDAR ? "Bureau de Bruxelles" : undefined),
};

const system = { type: "system" } as const;
const agent = { type: "agent", id: LEA } as const;

/** A ticket's history as the demo writes it, then old rows whose causes are English sentences. */
const timeline: RenderableEvent[] = [
  {
    type: "created",
    actor: { type: "customer", id: CUSTOMER },
    reason: null,
    changes: {
      status: [null, "new"],
      priority: [null, "normal"],
      tier: [null, "L1"],
      channel: [null, "email"],
      language: [null, "fr"],
      customerId: [null, CUSTOMER],
      productId: [null, PRODUCT],
      teamId: [null, TEAM],
    },
    data: {},
  },
  {
    type: "sla_policy",
    actor: system,
    reason: null,
    changes: {},
    data: {
      policyId: POLICY,
      policyName: "Standard",
      match: { cause: "conditions", all: [{ field: "organization", op: "is", value: ORGANIZATION }], any: [{ field: "product", op: "in", value: [PRODUCT] }] },
    },
  },
  {
    type: "sla",
    actor: system,
    reason: null,
    changes: {},
    data: { cause: { cause: "ticket_created" }, changes: [{ target: "first_response", cycle: 1, change: "started", dueAt: "2026-12-02T08:00:00.000Z" }] },
  },
  { type: "updated", actor: agent, reason: null, changes: { calendarId: [null, CALENDAR] } as never, data: {} },
  {
    type: "escalation",
    actor: system,
    reason: "Level 2 of Standard: resolution overdue by 1 h 05",
    changes: {},
    data: {
      timerId: 1,
      policyId: POLICY,
      policyName: "Standard",
      target: "resolution",
      cycle: 1,
      stepId: "l2",
      kind: "level",
      level: 2,
      dueAt: "2026-12-01T16:35:00.000Z",
      deadline: "2026-12-01T15:30:00.000Z",
      firedAt: "2026-12-01T16:35:00.000Z",
      lagMs: 0,
      late: false,
      breached: true,
      recipients: [{ kind: "assignee", agentId: LEA, name: "Léa" }],
      outcomes: [
        { type: "notified", agentId: LEA, channels: ["inapp", "email"], heldUntil: "2026-12-02T08:00:00.000Z" },
        { type: "tier_set", from: "L1", to: "L2" },
      ],
      skips: [{ recipient: "team_lead", why: "no_lead", teamId: TEAM }],
      worker: "w1",
    },
  },
  // Rows written before causes were data: the sentences Palier wrote, read back.
  { type: "updated", actor: agent, reason: "first reply", changes: { status: ["new", "open"] }, data: {} },
  { type: "updated", actor: { type: "rule" }, reason: "routed to an agent of the team who speaks en", changes: { assigneeId: [null, LEA] }, data: {} },
  { type: "sla", actor: system, reason: "ticket or policy changed", changes: {}, data: { changes: [] } },
  { type: "sla", actor: system, reason: "status open → pending", changes: {}, data: { changes: [] } },
  { type: "sla_policy", actor: system, reason: "default policy: no other policy matched", changes: {}, data: { policyId: POLICY, policyName: "Standard" } },
  {
    type: "escalation",
    actor: system,
    reason: "Level 2 of Standard: resolution overdue by 1 h 05",
    changes: {},
    data: {
      timerId: 2,
      policyId: POLICY,
      policyName: "Standard",
      target: "resolution",
      cycle: 1,
      stepId: "l2",
      kind: "level",
      level: 2,
      dueAt: "2026-12-01T16:35:00.000Z",
      deadline: "2026-12-01T15:30:00.000Z",
      firedAt: "2026-12-01T16:35:00.000Z",
      lagMs: 0,
      late: false,
      recipients: [{ kind: "assignee", agentId: LEA, name: "Léa Martin" }],
      actions: ["notified Léa Martin (in-app, e-mail; held until 2026-12-02T08:00:00.000Z, outside working hours)", "set tier L1 → L2"],
      worker: "w1",
    } as never,
  },
];

/** Words of the English sentences that used to leak into French and Dutch timelines ("status" and "product" are Dutch too). */
const ENGLISH = [
  "first",
  "reply",
  "routed",
  "speaks",
  "changed",
  "policy",
  "level",
  "overdue",
  "resolution",
  "held",
  "until",
  "notified",
  "tier",
  "unknown",
  "ticket or",
  "of standard",
];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe("a timeline read in French and in Dutch", () => {
  it.each(["fr", "nl"] as const)("in %s, shows no English word, no uuid and no ISO instant", (locale) => {
    for (const event of timeline) {
      const r = renderEvent(event, { locale, timeZone: "Europe/Brussels", names });
      const text = [r.title, r.actor, ...r.details, r.why ?? ""].join("\n");
      expect(text, text).not.toMatch(UUID);
      expect(text, text).not.toMatch(ISO);
      for (const word of ENGLISH) expect(text.toLowerCase(), `"${word}" in ${text}`).not.toMatch(new RegExp(`\\b${word}\\b`));
    }
  });

  it("names products, organizations and calendars, and gives instants in the reader's zone", () => {
    const created = renderEvent(timeline[0]!, { locale: "fr", timeZone: "Europe/Brussels", names });
    expect(created.details).toContain("Produit : Lumio Box");
    const matched = renderEvent(timeline[1]!, { locale: "nl", timeZone: "Europe/Brussels", names });
    expect(matched.why).toContain("Banque Delvaux");
    expect(matched.why).toContain("Lumio Box");
    const calendar = renderEvent(timeline[3]!, { locale: "fr", timeZone: "Europe/Brussels", names });
    expect(calendar.details).toEqual(["Calendrier : aucun → Bureau de Bruxelles"]);
    const held = renderEvent(timeline[10]!, { locale: "fr", timeZone: "Europe/Brussels", names });
    expect(held.details.join("\n")).toContain("retenu jusqu’au 2 déc. 2026, 09:00");
  });

  it("tells the ticket's support tier and the escalation level apart in French and Dutch", () => {
    const fr = renderEvent(timeline[4]!, { locale: "fr", timeZone: "Europe/Brussels", names });
    expect(fr.title).toBe("Escalade à l’échelon 2 : Résolution");
    expect(fr.details.join("\n")).toContain("niveau de support passé de Support N1 à Support N2");
    const nl = renderEvent(timeline[4]!, { locale: "nl", timeZone: "Europe/Brussels", names });
    expect(nl.title).toBe("Geëscaleerd naar escalatieniveau 2: Oplossing");
    expect(nl.details.join("\n")).toContain("ondersteuningsniveau gewijzigd van Eerste lijn naar Tweede lijn");
  });
});
