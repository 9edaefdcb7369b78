import { describe, expect, it } from "vitest";
import { type ClockTicket, factsOf, needsRebuild, planClocks, policyAnnouncement } from "./clockPlan.js";
import { ALWAYS_OPEN } from "./clocks.js";
import { matchPolicy } from "./conditions.js";
import type { SlaPolicy } from "./policy.js";

const POLICY: SlaPolicy = {
  id: "p",
  name: "Standard",
  position: 0,
  active: true,
  isDefault: true,
  conditions: {},
  calendarId: null,
  targets: { normal: { first_response: 60, resolution: 480 } },
  pauseStatuses: ["pending"],
  noteCountsAsResponse: false,
  matrix: { steps: [{ id: "level-1", kind: "level", level: 1, offsetMinutes: 0, clock: "wall", recipients: [{ kind: "team_lead" }], actions: [] }] },
};
const TICKET: ClockTicket = {
  number: 1000,
  status: "new",
  priority: "normal",
  channel: "email",
  language: "fr",
  tags: [],
  productId: null,
  teamId: null,
  customerId: "cu",
  customFields: {},
  slaPolicyId: null,
  createdAt: new Date(0),
  firstResponseAt: null,
  lastCustomerMessageAt: null,
  lastAgentMessageAt: null,
};
let ids = 0;
const input = (
  state = { clocks: [], timers: [] } as Parameters<typeof planClocks>[0]["state"],
  happening: Parameters<typeof planClocks>[0]["happening"] = { type: "created" },
  at = 0,
) => ({
  ticket: TICKET,
  state,
  match: matchPolicy([POLICY], factsOf(TICKET)),
  facts: factsOf(TICKET),
  policies: [POLICY],
  calendar: () => ALWAYS_OPEN,
  happening,
  at,
  newId: () => `clock-${++ids}`,
});

describe("planClocks", () => {
  it("starts the policy's clocks at creation, announces the policy and plans the matrix", () => {
    const { writes, after } = planClocks(input());
    expect(writes?.clocks.map((c) => [c.target, c.state])).toEqual([
      ["first_response", "running"],
      ["resolution", "running"],
    ]);
    expect(writes?.events.map((e) => e.type)).toEqual(["sla_policy", "sla"]);
    expect(writes?.timers.map((t) => t.stepId)).toEqual(["level-1", "level-1"]);
    expect(after.clocks.map((c) => c.id)).toEqual(writes?.clocks.map((c) => c.id));
  });

  it("writes nothing when a change leaves the clocks as they were", () => {
    const first = planClocks(input());
    expect(planClocks(input(first.after, { type: "changed" }, 60_000)).writes).toBeUndefined();
  });

  it("announces no policy for a ticket measured neither before nor after", () => {
    expect(policyAnnouncement([], [], undefined, { type: "changed" }, factsOf(TICKET))).toBeUndefined();
  });
});

describe("needsRebuild and factsOf", () => {
  it("rebuilds a ticket the policy measures but that carries no clock; never without a policy", () => {
    const match = matchPolicy([POLICY], factsOf(TICKET));
    expect(needsRebuild([], match, TICKET)).toBe(true);
    expect(needsRebuild(planClocks(input()).after.clocks, match, TICKET)).toBe(false);
    expect(needsRebuild([], undefined, TICKET)).toBe(false);
  });

  it("reads an unknown customer as one without organization or segment", () => {
    expect(factsOf(TICKET)).toMatchObject({ organizationId: null, segment: null, customerId: "cu" });
    expect(factsOf(TICKET, { organizationId: "o", segment: "vip" })).toMatchObject({ organizationId: "o", segment: "vip" });
  });
});
