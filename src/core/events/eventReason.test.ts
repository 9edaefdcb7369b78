// The English `reason` a row keeps is derived from the typed cause and says exactly what the
// writers said before causes were data, so integrators and old queries read the same words.

import { describe, expect, it } from "vitest";
import { escalationReason } from "../notify/escalationTexts.js";
import { matchPolicy } from "../sla/conditions.js";
import type { SlaPolicy, TicketFacts } from "../sla/policy.js";
import { clockCauseOf, type PolicyMatchCause, policyMatchCause } from "./causes.js";
import type { EscalationData, StepOutcome } from "./escalationData.js";
import { changeReason, clockReason, eventReason, matchReason, outcomeSentence, skipSentence } from "./eventReason.js";
import { legacyChangeCause, legacyClockCause, legacyMatchCause, legacyOutcome } from "./legacyReasons.js";

const facts = (extra: Partial<TicketFacts> = {}): TicketFacts => ({
  priority: "normal",
  channel: "twitter",
  language: "fr",
  tags: ["facture"],
  productId: null,
  teamId: null,
  customerId: "5d0f4a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6",
  organizationId: null,
  segment: "vip",
  customFields: { regions: ["BE"] },
  ...extra,
});

const policy = (name: string, extra: Partial<SlaPolicy> = {}): SlaPolicy => ({
  id: `policy-${name}`,
  name,
  position: 1,
  active: true,
  isDefault: false,
  conditions: {},
  calendarId: null,
  targets: {},
  pauseStatuses: ["pending"],
  noteCountsAsResponse: false,
  matrix: { steps: [] },
  ...extra,
});

describe("the English reason of a typed cause", () => {
  it("says what the message and update writers said", () => {
    expect(changeReason({ cause: "first_reply" })).toBe("first reply");
    expect(changeReason({ cause: "customer_wrote" })).toBe("the customer wrote");
    expect(changeReason({ cause: "comment", text: "client VIP" })).toBe("client VIP");
    expect(changeReason(undefined)).toBeNull();
  });

  it("says what the clock sync said for every happening", () => {
    expect(clockReason(clockCauseOf({ type: "created" }, "new"))).toBe("ticket created");
    expect(clockReason(clockCauseOf({ type: "agent_message", kind: "reply" }, "open"))).toBe("agent replied");
    expect(clockReason(clockCauseOf({ type: "agent_message", kind: "note" }, "open"))).toBe("internal note");
    expect(clockReason(clockCauseOf({ type: "customer_message" }, "open"))).toBe("customer wrote");
    expect(clockReason(clockCauseOf({ type: "changed", statusFrom: "open" }, "pending"))).toBe("status open → pending");
    expect(clockReason(clockCauseOf({ type: "changed", statusFrom: "open" }, "open"))).toBe("ticket or policy changed");
    expect(clockReason({ cause: "clocks_rebuilt" })).toBe("clocks rebuilt from history");
  });

  it("gives the policy match the reason matchPolicy gives", () => {
    const vip = policy("VIP", {
      conditions: {
        all: [{ field: "segment", op: "is", value: "vip" }],
        any: [
          { field: "channel", op: "in", value: ["twitter", "facebook"] },
          { field: "language", op: "is", value: "nl" },
        ],
      },
    });
    const everyone = policy("Everyone");
    const standard = policy("Standard", { isDefault: true });
    const cases: [SlaPolicy[], TicketFacts][] = [
      [[vip, standard], facts()],
      [[vip, standard], facts({ segment: "standard" })],
      [[everyone], facts()],
      [[policy("Customer", { conditions: { all: [{ field: "customer", op: "is", value: facts().customerId }] } })], facts()],
    ];
    for (const [policies, ticket] of cases) {
      const match = matchPolicy(policies, ticket);
      expect(matchReason(policyMatchCause(match, ticket))).toBe(match?.reason);
    }
    expect(matchReason(policyMatchCause(undefined, facts()))).toBe("no policy applies");
  });

  const step: EscalationData = {
    timerId: 1,
    policyId: "p1",
    policyName: "Standard",
    target: "first_response",
    cycle: 1,
    stepId: "level-3",
    kind: "level",
    level: 3,
    dueAt: "2026-11-23T13:00:00.000Z",
    deadline: "2026-11-23T09:00:00.000Z",
    firedAt: "2026-11-23T18:00:00.000Z",
    lagMs: 5 * 3_600_000,
    late: true,
    recipients: [],
    outcomes: [],
    worker: "w1",
  };

  it("gives an escalation the sentence of escalationReason, lateness included", () => {
    const event = { ticketNumber: 1, at: new Date(step.firedAt), actor: { type: "system" as const }, type: "escalation" as const, data: step };
    const expected = escalationReason({
      policyName: "Standard",
      kind: "level",
      level: 3,
      target: "first_response",
      deadline: Date.parse(step.deadline),
      now: Date.parse(step.firedAt),
      lateByMs: step.lagMs,
    });
    expect(eventReason(event)).toBe(expected);
    expect(eventReason(event)).toBe("Level 3 of Standard: first response overdue by 9 h 00; fired 5 h 00 late");
  });

  it("lists a step's outcomes and skips in the English the engine wrote", () => {
    expect(outcomeSentence({ type: "notified", agentId: "a", name: "Sam", channels: ["inapp", "email"], heldUntil: "2026-11-23T14:00:00.000Z" })).toBe(
      "notified Sam (in-app, e-mail; held until 2026-11-23T14:00:00.000Z, outside working hours)",
    );
    expect(outcomeSentence({ type: "notified", agentId: "a", name: "Sam", channels: ["inapp"], outsideHours: true })).toBe(
      "notified Sam (in-app; urgent: sent outside working hours)",
    );
    expect(outcomeSentence({ type: "notified", agentId: "a", name: "Sam", channels: ["inapp"], outsideHours: true, onCall: true })).toBe(
      "notified Sam (in-app; on call: sent outside working hours)",
    );
    expect(outcomeSentence({ type: "reassigned", teamId: "t", name: "Technique" })).toBe("reassigned to team Technique");
    expect(outcomeSentence({ type: "priority_raised", from: "normal", to: "high" })).toBe("raised priority normal → high");
    expect(outcomeSentence({ type: "tier_set", from: "L1", to: "L2" })).toBe("set tier L1 → L2");
    expect(outcomeSentence({ type: "followers_added", agentIds: ["j"], names: ["Joost"] })).toBe("added followers Joost");
    expect(skipSentence({ recipient: "on_call", why: "no_schedule" })).toBe("on_call: the ticket's team has no on-call schedule");
    expect(skipSentence({ recipient: "on_call", why: "nobody_on_call", scheduleId: "s1", name: "Nights" })).toBe("on_call: nobody is on call in Nights");
    expect(skipSentence({ recipient: "assignee", why: "no_assignee" })).toBe("assignee: the ticket has no assignee");
    expect(skipSentence({ action: "notify", why: "nobody_to_notify" })).toBe("notify: nobody to notify");
    expect(skipSentence({ action: "raise_priority", why: "already_priority", priority: "urgent" })).toBe("raise_priority: already urgent");
  });
});

describe("reading old rows back into causes", () => {
  it("recovers every cause whose English sentence it wrote", () => {
    for (const cause of [
      { cause: "first_reply" },
      { cause: "customer_wrote" },
      { cause: "auto_closed", afterDays: 4 },
      { cause: "routed", by: "language", language: "nl" },
    ] as const) {
      expect(legacyChangeCause(changeReason(cause))).toEqual(cause);
    }
    const clocks = ["ticket_created", "agent_replied", "internal_note", "customer_wrote", "ticket_changed", "clocks_rebuilt"] as const;
    for (const cause of [...clocks.map((c) => ({ cause: c })), { cause: "status_changed" as const, from: "open" as const, to: "solved" as const }]) {
      expect(legacyClockCause(clockReason(cause))).toEqual(cause);
    }
    const matches: PolicyMatchCause[] = [{ cause: "none" }, { cause: "default" }, { cause: "conditions", all: [], any: [] }];
    for (const match of matches) {
      expect(legacyMatchCause(matchReason(match))).toEqual(match);
    }
  });

  it("keeps a person's words as a comment, and parses the engine's English outcomes", () => {
    expect(legacyChangeCause("waiting on a third party")).toEqual({ cause: "comment", text: "waiting on a third party" });
    expect(legacyChangeCause(null)).toBeUndefined();
    const outcomes: StepOutcome[] = [
      { type: "notified", agentId: "", name: "Léa Martin", channels: ["inapp", "email"], heldUntil: "2026-11-23T14:00:00.000Z" },
      { type: "reassigned", agentId: "", name: "Sam" },
      { type: "reassigned", teamId: "", name: "Technique" },
      { type: "priority_raised", from: "normal", to: "urgent" },
      { type: "tier_set", from: "L1", to: "external" },
      { type: "followers_added", agentIds: ["", ""], names: ["Joost", "Anna"] },
      { type: "note_added" },
      { type: "webhook_queued", url: "https://example.test/hook" },
    ];
    for (const outcome of outcomes) expect(legacyOutcome(outcomeSentence(outcome))).toEqual(outcome);
    expect(legacyOutcome("something else")).toBeUndefined();
  });
});
