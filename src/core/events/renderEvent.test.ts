// Events in the reader's language, from their data: ids named, instants in the reader's zone,
// plurals and selects per language, and rows written before causes were data read sensibly.

import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "../i18n/index.js";
import type { EscalationData } from "./escalationData.js";
import type { EventNames } from "./renderContext.js";
import { renderEvent, type RenderableEvent, type RenderedEvent } from "./renderEvent.js";

const LEA = "1f0e8c52-7a3b-4c1d-9e2f-3a4b5c6d7e8f";
const SAM = "2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
const GONE = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
const TECH = "3b2c1d0e-9f8a-4b7c-8d6e-5f4a3b2c1d0e";
const POLICY = "4c3d2e1f-0a9b-4c8d-9e7f-6a5b4c3d2e1f";
const CUSTOMER = "5d4e3f2a-1b0c-4d9e-8f7a-6b5c4d3e2f1a";

const names: EventNames = {
  agent: (id) => ({ [LEA]: "Léa Martin", [SAM]: "Sam Peeters" })[id],
  team: (id) => (id === TECH ? "Technique" : undefined),
  policy: (id) => (id === POLICY ? "VIP Belgique" : undefined),
  customer: (id) => (id === CUSTOMER ? "Brasserie Dupont" : undefined),
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const render = (event: RenderableEvent, locale: Locale, timeZone = "Europe/Brussels") => renderEvent(event, { locale, timeZone, names });
const text = (r: RenderedEvent) => [r.title, r.actor, ...r.details, r.why ?? ""].join("\n");

const escalation: EscalationData = {
  timerId: 1,
  policyId: POLICY,
  policyName: "VIP (old name)",
  target: "first_response",
  cycle: 1,
  stepId: "level-2",
  kind: "level",
  level: 2,
  dueAt: "2026-11-24T15:30:00.000Z",
  deadline: "2026-11-24T14:30:00.000Z",
  firedAt: "2026-11-24T15:35:00.000Z",
  lagMs: 300_000,
  late: true,
  breached: true,
  recipients: [
    { kind: "assignee", agentId: LEA, name: "Léa" },
    { kind: "team_lead", agentId: GONE, name: "Former lead" },
  ],
  outcomes: [
    { type: "notified", agentId: LEA, channels: ["inapp", "email"] },
    { type: "reassigned", teamId: TECH },
    { type: "followers_added", agentIds: [SAM], names: ["Sam"] },
    { type: "followers_added", agentIds: [SAM, LEA] },
  ],
  skips: [
    { recipient: "assignee_manager", why: "no_manager", agentId: LEA },
    { action: "raise_priority", why: "already_priority", priority: "urgent" },
  ],
  worker: "w1",
};

const events: RenderableEvent[] = [
  {
    type: "created",
    actor: { type: "customer", id: CUSTOMER },
    reason: null,
    changes: { status: [null, "new"], customerId: [null, CUSTOMER], teamId: [null, TECH], tags: [null, ["facture"]] },
    data: {},
  },
  {
    type: "updated",
    actor: { type: "agent", id: SAM },
    reason: "first reply",
    changes: { status: ["new", "open"] },
    data: { cause: { cause: "first_reply" } },
  },
  {
    type: "updated",
    actor: { type: "system" },
    reason: null,
    changes: { assigneeId: [LEA, null], teamId: [null, TECH] },
    data: { cause: { cause: "escalation", ...escalation, lateByMs: 300_000 } },
  },
  { type: "message", actor: { type: "customer", id: CUSTOMER }, reason: null, changes: {}, data: { messageId: "m1", kind: "customer" } },
  {
    type: "sla_policy",
    actor: { type: "system" },
    reason: null,
    changes: {},
    data: {
      policyId: POLICY,
      policyName: "VIP",
      match: {
        cause: "conditions",
        all: [{ field: "customer", op: "is", value: CUSTOMER }],
        any: [{ field: "channel", op: "in", value: ["twitter", "phone"] }],
      },
    },
  },
  {
    type: "sla",
    actor: { type: "system" },
    reason: null,
    changes: {},
    data: {
      cause: { cause: "status_changed", from: "open", to: "pending" },
      changes: [{ target: "resolution", cycle: 1, change: "paused", dueAt: "2026-11-24T15:30:00.000Z" }],
    },
  },
  { type: "escalation", actor: { type: "system" }, reason: null, changes: {}, data: escalation },
];

describe("renderEvent", () => {
  it.each(LOCALES)("never shows a raw id in %s, even for an agent the directory no longer knows", (locale) => {
    for (const event of events) expect(text(render(event, locale))).not.toMatch(UUID);
  });

  it("says each event in the reader's language", () => {
    for (const event of events) {
      const [en, fr, nl] = LOCALES.map((locale) => render(event, locale).title);
      expect(new Set([en, fr, nl]).size, `${event.type}: ${en} / ${fr} / ${nl}`).toBe(3);
    }
    expect(render(events[1] as RenderableEvent, "fr").why).toBe("Première réponse");
    expect(render(events[1] as RenderableEvent, "nl").why).toBe("Eerste antwoord");
    expect(render(events[1] as RenderableEvent, "en").why).toBe("First reply");
  });

  it("says who was reached on call, and who was on call nobody, in French", () => {
    const onCall: RenderableEvent = {
      type: "escalation",
      actor: { type: "system" },
      reason: null,
      changes: {},
      data: {
        ...escalation,
        outcomes: [{ type: "notified", agentId: "a-sam", name: "Sam Peeters", channels: ["inapp"], outsideHours: true, onCall: true }],
        skips: [{ recipient: "on_call", why: "nobody_on_call", scheduleId: "s1", name: "Nuits" }],
      },
    };
    const details = render(onCall, "fr").details.join("\n");
    expect(details).toContain("d’astreinte : envoyé hors des heures de travail");
    expect(details).toContain("personne n’est d’astreinte dans Nuits");
  });

  it("names agents, teams, customers and policies, preferring the directory to the name recorded", () => {
    const created = render(events[0] as RenderableEvent, "fr");
    expect(created.details.join("\n")).toContain("Brasserie Dupont");
    expect(created.details.join("\n")).toContain("Technique");
    expect(created.details.join("\n")).toContain("Nouveau");
    expect(render(events[1] as RenderableEvent, "en").actor).toBe("Sam Peeters");
    const step = render(events[6] as RenderableEvent, "en");
    expect(step.why).toContain("VIP Belgique");
    expect(step.details.join("\n")).toContain("Former lead");
    expect(step.details.join("\n")).toContain("Léa Martin");
    const matched = render(events[4] as RenderableEvent, "nl");
    expect(matched.why).toContain("Brasserie Dupont");
    expect(matched.why).toContain("Telefoon");
  });

  it("shows instants in the reader's time zone", () => {
    // 15:30 UTC is 16:30 in Brussels in November, 10:30 in New York.
    expect(render(events[5] as RenderableEvent, "fr", "Europe/Brussels").details[0]).toContain("16:30");
    expect(render(events[5] as RenderableEvent, "nl", "America/New_York").details[0]).toContain("10:30");
    expect(render(events[5] as RenderableEvent, "en", "America/New_York").details[0]).toContain("10:30 AM");
    // An unknown zone reads UTC rather than failing the whole timeline.
    expect(render(events[5] as RenderableEvent, "fr", "Not/AZone").details[0]).toContain("15:30");
  });

  it("uses plural forms for counts", () => {
    const actions = render(events[6] as RenderableEvent, "en").details.find((d) => d.startsWith("Actions")) ?? "";
    expect(actions).toContain("follower added: Sam Peeters,");
    expect(actions).toContain("followers added: Sam Peeters and Léa Martin");
    expect(render(events[6] as RenderableEvent, "fr").details[0]).toContain("2 personnes");
    const closed: RenderableEvent = {
      type: "updated",
      actor: { type: "system" },
      reason: null,
      changes: { status: ["solved", "closed"] },
      data: { cause: { cause: "auto_closed", afterDays: 1 } },
    };
    expect(render(closed, "nl").why).toContain("1 dag ");
    expect(render({ ...closed, data: { cause: { cause: "auto_closed", afterDays: 4 } } }, "nl").why).toContain("4 dagen");
  });

  it("says why a step fired, how late, and what it skipped", () => {
    const fr = render(events[6] as RenderableEvent, "fr");
    expect(fr.title).toBe("Escalade à l’échelon 2 : Première réponse");
    expect(fr.why).toBe("Échelon 2 de VIP Belgique : Première réponse dépassée de 1 h 05; déclenché avec 5 min de retard");
    expect(fr.details.some((d) => d.includes("déjà Urgente"))).toBe(true);
    expect(fr.details.some((d) => d.includes("L’objectif a été dépassé."))).toBe(true);
  });
});

describe("rows written before causes were data", () => {
  it("translates the sentences Palier wrote and keeps a person's words, ids named", () => {
    const old = (reason: string, type: "updated" | "sla" = "updated"): RenderableEvent =>
      type === "sla"
        ? { type, actor: { type: "system" }, reason, changes: {}, data: { changes: [] } }
        : { type, actor: { type: "agent", id: LEA }, reason, changes: { status: ["pending", "open"] }, data: {} };
    expect(render(old("the customer wrote"), "fr").why).toBe("Le client a écrit");
    expect(render(old("status open → pending", "sla"), "nl").why).toBe("Status Open → In afwachting");
    expect(render(old("waiting on a third party"), "fr").why).toBe("waiting on a third party");
    const policy: RenderableEvent = {
      type: "sla_policy",
      actor: { type: "system" },
      reason: `customer is ${CUSTOMER}`,
      changes: {},
      data: { policyId: POLICY, policyName: "VIP", reason: `customer is ${CUSTOMER}` },
    };
    expect(render(policy, "en").why).toBe("customer is Brasserie Dupont");
    expect(render({ ...policy, reason: "default policy: no other policy matched", data: { policyId: POLICY, policyName: "VIP" } }, "fr").why).toBe(
      "Politique par défaut : aucune autre ne correspond",
    );
  });

  it("reads an old escalation's English actions and skips", () => {
    const { outcomes: _outcomes, skips: _skips, ...rest } = escalation;
    const old: RenderableEvent = {
      type: "escalation",
      actor: { type: "system" },
      reason: "Level 2 of VIP: first response overdue by 1 h 05",
      changes: {},
      data: {
        ...rest,
        actions: ["notified Léa Martin (in-app, e-mail)", "raised priority normal → high", "something new"],
        skipped: ["assignee: the ticket has no assignee"],
      },
    };
    const nl = render(old, "nl");
    expect(nl.details.join("\n")).toContain("Léa Martin verwittigd (in de app en per e-mail)");
    expect(nl.details.join("\n")).toContain("prioriteit verhoogd van Normaal naar Hoog");
    expect(nl.details.join("\n")).toContain("something new");
    expect(nl.details.join("\n")).toContain("assignee: the ticket has no assignee");
  });

  it("renders a kind the catalogue does not know by its name and reason", () => {
    const future = { type: "merged_into", actor: { type: "system" }, reason: "merged", changes: {}, data: {} } as unknown as RenderableEvent;
    expect(render(future, "fr")).toMatchObject({ title: "merged into", why: "merged" });
  });
});
