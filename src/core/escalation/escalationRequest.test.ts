import { describe, expect, it } from "vitest";
import { EscalationInvalid, problemField, problemMessage } from "./escalationInvalid.js";
import { type EscalationFacts, type EscalationInput, validateEscalation } from "./escalationRequest.js";

const TEAM = "11111111-1111-4111-8111-111111111111";
const OTHER_TEAM = "22222222-2222-4222-8222-222222222222";
const LEAD = "33333333-3333-4333-8333-333333333333";
const AGENT = "44444444-4444-4444-8444-444444444444";
const GONE = "55555555-5555-4555-8555-555555555555";

const created = new Date("2026-11-23T09:00:00Z");
const facts = (more: Partial<EscalationFacts> = {}): EscalationFacts => ({
  agent: (id) =>
    ({
      [LEAD]: { role: "team_lead", teamId: OTHER_TEAM, active: true },
      [AGENT]: { role: "agent", teamId: OTHER_TEAM, active: true },
      [GONE]: { role: "manager", teamId: null, active: false },
    })[id],
  teamExists: (id) => id === TEAM || id === OTHER_TEAM,
  ticket: { createdAt: created, teamId: TEAM, assigneeId: AGENT.replace("4444", "9999") },
  agentActivity: true,
  now: new Date("2026-11-23T11:00:00Z"),
  settings: { tryFirstMinutes: 10 },
  ...more,
});
const handoff = { summary: "Invoices are doubled", tried: "Cleared the cache", impact: "One customer, 40 invoices", urgency: "high" };

function problems(input: EscalationInput, more?: Partial<EscalationFacts>) {
  try {
    validateEscalation(input, facts(more));
  } catch (error) {
    if (error instanceof EscalationInvalid) return error.problems.map((p) => `${p.path} ${p.code}`);
    throw error;
  }
  return [];
}

describe("an escalation request", () => {
  it("names every missing field of the hand-off at once", () => {
    expect(problems({ kind: "functional", toTeamId: OTHER_TEAM, handoff: { summary: "  ", urgency: "high" } })).toEqual([
      "handoff.summary required",
      "handoff.tried required",
      "handoff.impact required",
    ]);
    expect(problems({ kind: "functional", toTeamId: OTHER_TEAM })).toHaveLength(4);
  });

  it("refuses an urgency outside the list and a kind it does not know", () => {
    expect(problems({ kind: "sideways", handoff: { ...handoff, urgency: "asap" } })).toEqual(["kind not_allowed_value", "handoff.urgency not_allowed_value"]);
  });

  it("sends a functional escalation to a team, or to a specialist's own team", () => {
    expect(validateEscalation({ kind: "functional", toTeamId: OTHER_TEAM, handoff }, facts())).toMatchObject({ toTeamId: OTHER_TEAM, toAgentId: null });
    expect(validateEscalation({ kind: "functional", toAgentId: AGENT, handoff }, facts())).toMatchObject({ toTeamId: OTHER_TEAM, toAgentId: AGENT });
    expect(problems({ kind: "functional", handoff })).toEqual(["toTeamId required"]);
    expect(problems({ kind: "functional", toTeamId: "66666666-6666-4666-8666-666666666666", handoff })).toEqual(["toTeamId unknown_team"]);
  });

  it("refuses a functional escalation to the team that already holds the ticket unassigned", () => {
    expect(problems({ kind: "functional", toTeamId: TEAM, handoff }, { ticket: { createdAt: created, teamId: TEAM, assigneeId: null } })).toEqual([
      "toTeamId already_there",
    ]);
  });

  it("sends a hierarchical escalation to an active lead or manager only", () => {
    expect(validateEscalation({ kind: "hierarchical", toAgentId: LEAD, handoff }, facts())).toMatchObject({ toAgentId: LEAD, toTeamId: OTHER_TEAM });
    expect(problems({ kind: "hierarchical", toAgentId: AGENT, handoff })).toEqual(["toAgentId not_a_lead"]);
    expect(problems({ kind: "hierarchical", toAgentId: GONE, handoff })).toEqual(["toAgentId inactive_agent"]);
    expect(problems({ kind: "hierarchical", handoff })).toEqual(["toAgentId required"]);
  });

  it("needs the vendor, their reference and the date they promised for an external escalation", () => {
    expect(problems({ kind: "external", handoff })).toEqual(["vendor required", "vendorReference required", "promisedAt required"]);
    expect(problems({ kind: "external", vendor: "Acme", vendorReference: "AC-1", promisedAt: "tomorrow", handoff })).toEqual(["promisedAt wrong_date"]);
    const request = validateEscalation(
      { kind: "external", vendor: "Acme", vendorReference: "AC-1", promisedAt: "2026-11-25T17:00:00+01:00", handoff },
      facts(),
    );
    expect(request).toMatchObject({ vendor: "Acme", toTeamId: null, promisedAt: new Date("2026-11-25T16:00:00Z") });
  });

  it("asks for a reason when escalating minutes after creation without any reply or note", () => {
    const soon = { now: new Date(created.getTime() + 5 * 60_000), agentActivity: false };
    expect(problems({ kind: "functional", toTeamId: OTHER_TEAM, handoff }, soon)).toEqual(["reason tried_nothing"]);
    expect(problems({ kind: "functional", toTeamId: OTHER_TEAM, handoff, reason: "Outage: billing is down" }, soon)).toEqual([]);
    expect(problems({ kind: "functional", toTeamId: OTHER_TEAM, handoff }, { ...soon, agentActivity: true })).toEqual([]);
    expect(problems({ kind: "functional", toTeamId: OTHER_TEAM, handoff }, { agentActivity: false })).toEqual([]);
  });

  it("says each problem in French, Dutch and English with the field in words", () => {
    const problem = { path: "handoff.tried", code: "required" as const };
    expect(`${problemField("fr", problem.path)} : ${problemMessage("fr", problem)}`).toBe("Ce qui a déjà été essayé : est obligatoire");
    expect(`${problemField("nl", problem.path)}: ${problemMessage("nl", problem)}`).toBe("Wat al geprobeerd is: is verplicht");
    expect(problemMessage("en", { path: "reason", code: "tried_nothing", params: { minutes: 10 } })).toContain("less than 10 minutes");
    expect(new EscalationInvalid([problem]).message).toBe("handoff.tried: is required");
  });
});
