import { describe, expect, it } from "vitest";
import { eventReason } from "./eventReason.js";
import { renderEvent, type RenderableEvent } from "./renderEvent.js";
import type { AssignmentEventData, QueuedEventData } from "./routingData.js";

const SANNE = "1f0e8c52-7a3b-4c1d-9e2f-3a4b5c6d7e8f";
const LEAD = "2a0e8c52-7a3b-4c1d-9e2f-3a4b5c6d7e8f";
const TEAM = "3b2c1d0e-9f8a-4b7c-8d6e-5f4a3b2c1d0e";
const system = { type: "system" } as const;

const assignment: AssignmentEventData = {
  strategy: "load_balanced",
  agentId: SANNE,
  name: "Sanne",
  teamId: TEAM,
  teamName: "Billing",
  load: 3,
  capacity: 10,
  matched: { language: "nl", product: { code: "billing", name: "Billing" }, tags: [] },
};
const queued: QueuedEventData = {
  strategy: "round_robin",
  teamId: TEAM,
  teamName: "Billing",
  needs: { language: "fr", tags: ["api"] },
  members: 4,
  passedOver: { out_of_office: 1, at_capacity: 3 },
  leadId: LEAD,
};

const names = { agent: (id: string) => (id === LEAD ? "Lou" : undefined) };
const render = (event: RenderableEvent, locale: "en" | "fr" | "nl") => renderEvent(event, { locale, timeZone: "Europe/Brussels", names });
const asEvent = (body: { type: "assignment"; data: AssignmentEventData } | { type: "queued"; data: QueuedEventData }) =>
  ({ ...body, actor: system, reason: null, changes: {} }) as RenderableEvent;

describe("routing events", () => {
  it("say who took the ticket and why, in the reader's language", () => {
    const event = asEvent({ type: "assignment", data: assignment });
    expect(render(event, "en")).toEqual({
      title: "Assigned to Sanne by routing",
      actor: expect.any(String),
      details: ["Team: Billing"],
      why: "Load-balanced: Sanne has 3 of 10, speaks Dutch, knows Billing",
    });
    expect(render(event, "fr").why).toBe("Selon la charge : Sanne a 3 sur 10, parle néerlandais, connaît Billing");
    expect(render(event, "nl").why).toBe("Werklastverdeling: Sanne heeft 3 van 10, spreekt Nederlands, kent Billing");
    expect(eventReason({ ticketNumber: 1, at: new Date(0), actor: system, type: "assignment", data: assignment })).toBe(
      "load-balanced: Sanne has 3 of 10, speaks nl, knows Billing",
    );
  });

  it("say why a ticket waits in the queue and that the lead was told", () => {
    const event = asEvent({ type: "queued", data: queued });
    expect(render(event, "en")).toMatchObject({
      title: "Waiting in the queue of Billing",
      details: ["1 agent out of office", "3 agents at capacity", "Needs: speaks French and has api", "Lou, the team lead, was told"],
      why: "Nobody of the team available for round-robin assignment",
    });
    expect(render(event, "fr").details.slice(0, 2)).toEqual(["1 agent absent", "3 agents à pleine charge"]);
    expect(render(event, "nl").title).toBe("Wacht in de wachtrij van Billing");
  });

  it("say that an urgent ticket went to the person on call and why, in the reader's language", () => {
    const data: AssignmentEventData = {
      ...assignment,
      strategy: "on_call",
      load: 1,
      capacity: 8,
      matched: { tags: [] },
      onCall: { scheduleId: TEAM, scheduleName: "Billing nights", why: "outside_hours" },
    };
    const event = asEvent({ type: "assignment", data });
    expect(render(event, "en")).toMatchObject({
      title: "Assigned to Sanne, on call",
      details: ["Team: Billing", "Had 1 of 8 open tickets"],
      why: "On call: Sanne is on call in Billing nights; the ticket is urgent and the team is outside its business hours",
    });
    expect(render(event, "fr").why).toBe(
      "De garde : Sanne est de garde dans Billing nights ; le ticket est urgent et l’équipe est hors de ses heures d’ouverture",
    );
    expect(render(asEvent({ type: "assignment", data: { ...data, onCall: { ...data.onCall!, why: "nobody_available" } } }), "nl").why).toBe(
      "Van wacht: Sanne is van wacht in Billing nights; het ticket is dringend en niemand van het team is beschikbaar",
    );
    expect(eventReason({ ticketNumber: 1, at: new Date(0), actor: system, type: "assignment", data })).toBe(
      "on call: Sanne is on call in Billing nights, urgent and the team is outside its business hours; has 1 of 8",
    );
    const waiting = asEvent({ type: "queued", data: { ...queued, onCall: { skip: "nobody_on_call" } } });
    expect(render(waiting, "en").details).toContain("Nobody on call took it: nobody is on call now");
    expect(render(waiting, "fr").details).toContain("Personne de garde ne l’a pris : personne n’est de garde en ce moment");
  });
});
