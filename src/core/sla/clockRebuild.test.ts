import { describe, expect, it } from "vitest";
import type { SlaClock } from "./clocks.js";
import { clocksCover, type OwedFacts } from "./clockRebuild.js";
import { clockHistoryOf } from "./clockTimeline.js";
import type { SlaPolicy } from "./policy.js";

const POLICY: SlaPolicy = {
  id: "p",
  name: "Standard",
  position: 1,
  active: true,
  isDefault: true,
  conditions: {},
  calendarId: null,
  targets: { normal: { first_response: 60, next_response: 120, resolution: 480 }, low: { resolution: 960 } },
  pauseStatuses: ["pending", "on_hold"],
  noteCountsAsResponse: false,
  matrix: { steps: [] },
};
const clock = (target: SlaClock["target"], state: SlaClock["state"]): SlaClock => ({
  target,
  cycle: 1,
  policyId: "p",
  calendarId: null,
  startedAt: 0,
  budgetSeconds: 3600,
  pauses: [],
  stoppedAt: null,
  state,
  dueAt: 3_600_000,
});
const facts = (extra: Partial<OwedFacts> = {}): OwedFacts => ({
  status: "open",
  priority: "normal",
  firstResponseAt: null,
  lastCustomerMessageAt: new Date(0),
  lastAgentMessageAt: null,
  ...extra,
});

describe("whether a ticket's clocks cover its policy", () => {
  it("does not without any clock while the policy measures the priority, and does when it measures nothing there", () => {
    expect(clocksCover([], POLICY, facts())).toBe(false);
    expect(clocksCover([], POLICY, facts({ status: "solved" }))).toBe(false);
    expect(clocksCover([], { ...POLICY, targets: {} }, facts())).toBe(true);
  });

  it("asks a live clock for each target still owed", () => {
    const live = [clock("first_response", "running"), clock("resolution", "paused")];
    expect(clocksCover(live, POLICY, facts())).toBe(true);
    expect(clocksCover([clock("first_response", "running"), clock("resolution", "cancelled")], POLICY, facts())).toBe(false);
    // Answered (or met by a note), the first response is owed no longer.
    expect(
      clocksCover(
        [clock("first_response", "cancelled"), clock("resolution", "running")],
        POLICY,
        facts({ firstResponseAt: new Date(1), lastAgentMessageAt: new Date(1) }),
      ),
    ).toBe(true);
    expect(clocksCover([clock("first_response", "met"), clock("resolution", "running")], POLICY, facts({ lastAgentMessageAt: new Date(1) }))).toBe(true);
    // The customer wrote after the last reply: a next response is owed.
    const answered = [clock("first_response", "met"), clock("resolution", "running")];
    expect(clocksCover(answered, POLICY, facts({ firstResponseAt: new Date(1), lastAgentMessageAt: new Date(1), lastCustomerMessageAt: new Date(2) }))).toBe(
      false,
    );
    expect(
      clocksCover(
        answered,
        POLICY,
        facts({ priority: "low", firstResponseAt: new Date(1), lastAgentMessageAt: new Date(1), lastCustomerMessageAt: new Date(2) }),
      ),
    ).toBe(true);
  });

  it("leaves a solved ticket's clocks as they are", () => {
    expect(clocksCover([clock("resolution", "met")], POLICY, facts({ status: "solved" }))).toBe(true);
  });
});

describe("a timeline as the clocks see it", () => {
  it("keeps the creation's status and priority, messages with their kind, and status or priority changes", () => {
    const history = clockHistoryOf(
      [
        { type: "created", at: 0, changes: { status: [null, "new"], priority: [null, "high"] } },
        { type: "message", at: 0, changes: {}, kind: "customer" },
        { type: "updated", at: 5, changes: {} },
        { type: "sla", at: 5, changes: {} },
        { type: "message", at: 6, changes: {}, kind: null },
        { type: "updated", at: 7, changes: { status: ["open", "pending"], priority: ["high", "normal"] } },
      ],
      { createdAt: new Date(0), priority: "normal" },
    );
    expect(history).toEqual({
      created: { at: 0, status: "new", priority: "high" },
      entries: [
        { type: "message", at: 0, kind: "customer" },
        { type: "message", at: 6, kind: "reply" },
        { type: "changed", at: 7, status: ["open", "pending"], priority: ["high", "normal"] },
      ],
    });
  });
});
