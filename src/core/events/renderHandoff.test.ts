import { describe, expect, it } from "vitest";
import { eventReason } from "./eventReason.js";
import { renderEvent, type RenderableEvent } from "./renderEvent.js";

const LEA = "1f0e8c52-7a3b-4c1d-9e2f-3a4b5c6d7e8f";
const TEAM = "3b2c1d0e-9f8a-4b7c-8d6e-5f4a3b2c1d0e";
const names = { agent: (id: string) => (id === LEA ? "Léa Martin" : undefined), team: (id: string) => (id === TEAM ? "Facturation" : undefined) };
const actor = { type: "agent", id: LEA } as const;

const handoff: RenderableEvent = {
  type: "handoff",
  actor,
  reason: null,
  changes: {},
  data: {
    escalationId: "e1",
    kind: "functional",
    toTeamId: TEAM,
    toAgentId: null,
    vendor: null,
    vendorReference: null,
    urgency: "high",
    etaAt: "2026-11-30T14:00:00.000Z",
    noticeSent: true,
    from: { teamId: null, assigneeId: LEA, tier: "L1" },
  },
};
const bounced: RenderableEvent = {
  type: "handoff_bounced",
  actor,
  reason: "sent back: contract question",
  changes: {},
  data: { escalationId: "e1", reason: "contract question", suggestedTeamId: TEAM, bounces: 2 },
};
const rootCause: RenderableEvent = {
  type: "root_cause",
  actor,
  reason: null,
  changes: {},
  data: { escalationId: "e1", rootCause: "product_defect", text: null },
};

describe("the human escalation's events", () => {
  it("read in French with names, the ETA in the reader's zone and the bounce count", () => {
    const options = { locale: "fr" as const, timeZone: "Europe/Paris", names };
    const shown = renderEvent(handoff, options);
    expect(shown.title).toBe("Escaladé vers Facturation");
    expect(shown.details).toEqual(["Type : Fonctionnelle", "Urgence : Haute", expect.stringContaining("Réponse attendue : 30 nov. 2026"), "Client prévenu"]);
    const back = renderEvent(bounced, options);
    expect(back).toMatchObject({ title: "Escalade renvoyée", why: "contract question", details: ["Meilleure équipe : Facturation", "Renvoyé 2 fois"] });
    expect(renderEvent(rootCause, { ...options, locale: "nl" }).title).toBe("Grondoorzaak: Productfout");
  });

  it("say who took the ticket over from whom, and why, in each language", () => {
    const TOM = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";
    const takeOver: RenderableEvent = { type: "take_over", actor, reason: null, changes: {}, data: { fromAgentId: TOM, toAgentId: LEA, reason: "VIP" } };
    const withTom = { agent: (id: string) => (id === TOM ? "Tom Peeters" : names.agent(id)), team: names.team };
    expect(renderEvent(takeOver, { locale: "en", timeZone: "UTC", names: withTom })).toMatchObject({
      title: "Léa Martin took the ticket over from Tom Peeters",
      why: "VIP",
    });
    expect(renderEvent(takeOver, { locale: "fr", timeZone: "UTC", names: withTom }).title).toBe("Léa Martin a repris le ticket à Tom Peeters");
    expect(renderEvent(takeOver, { locale: "nl", timeZone: "UTC", names: withTom }).title).toBe("Léa Martin heeft het ticket overgenomen van Tom Peeters");
    const unheld = { ...takeOver, data: { fromAgentId: null, toAgentId: LEA, reason: null } } as RenderableEvent;
    expect(renderEvent(unheld, { locale: "en", timeZone: "UTC", names: withTom })).toMatchObject({ title: "Léa Martin took the ticket over", why: null });
  });

  it("name a workspace's own root cause in the reader's language, as it was recorded", () => {
    const own = {
      ...rootCause,
      data: { escalationId: "e1", rootCause: "vendor_outage", text: null, labels: { fr: "Panne fournisseur", nl: "Storing leverancier", en: "Vendor outage" } },
    } as RenderableEvent;
    expect(renderEvent(own, { locale: "nl", timeZone: "UTC", names }).title).toBe("Grondoorzaak: Storing leverancier");
    expect(renderEvent(own, { locale: "fr", timeZone: "UTC", names }).title).toBe("Cause racine : Panne fournisseur");
  });

  it("keep an English reason for integrators", () => {
    expect(
      eventReason({
        ticketNumber: 1,
        at: new Date(0),
        actor,
        type: "handoff_bounced",
        data: { escalationId: "e1", reason: "not ours", suggestedTeamId: null, bounces: 1 },
      }),
    ).toBe("sent back: not ours");
  });
});
