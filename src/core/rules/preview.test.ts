import { describe, expect, it } from "vitest";
import { previewActions } from "./preview.js";
import { testTicket } from "./testFacts.js";

const TEAM_A = "10000000-0000-4000-8000-00000000000a";
const TEAM_B = "10000000-0000-4000-8000-00000000000b";
const AGENT_A = "20000000-0000-4000-8000-00000000000a";
const AGENT_B = "20000000-0000-4000-8000-00000000000b";
const directory = {
  agentTeams: new Map([
    [AGENT_A, TEAM_A],
    [AGENT_B, TEAM_B],
  ]),
};

describe("previewActions", () => {
  it("gives each field that would change with its value before and after", () => {
    const ticket = testTicket({ priority: "normal", tier: "L1", tags: ["billing"] });
    const preview = previewActions(
      [{ type: "set_priority", priority: "urgent" }, { type: "add_tags", tags: ["Outage"] }, { type: "remove_tags", tags: ["billing"] }, { type: "escalate" }],
      ticket,
    );
    expect(preview.changes).toEqual({ priority: ["normal", "urgent"], tags: [["billing"], ["outage"]], tier: ["L1", "L2"] });
    expect(preview.effects).toEqual([{ type: "notify", recipients: [{ kind: "team_lead" }] }]);
  });

  it("leaves out what would not change", () => {
    const ticket = testTicket({ priority: "high", tags: ["vip"] });
    expect(
      previewActions(
        [
          { type: "raise_priority", to: "normal" },
          { type: "add_tags", tags: ["VIP"] },
          { type: "set_tier", tier: "L1" },
        ],
        ticket,
      ).changes,
    ).toEqual({});
  });

  it("lets an assignee of another team go when the ticket moves, as the actions do", () => {
    const ticket = testTicket({ teamId: TEAM_A, assigneeId: AGENT_A });
    expect(previewActions([{ type: "set_team", teamId: TEAM_B }], ticket, directory).changes).toEqual({
      teamId: [TEAM_A, TEAM_B],
      assigneeId: [AGENT_A, null],
    });
    expect(previewActions([{ type: "assign", agentId: AGENT_B }], ticket, directory).changes).toEqual({
      teamId: [TEAM_A, TEAM_B],
      assigneeId: [AGENT_A, AGENT_B],
    });
  });

  it("lists notices, notes, replies in the ticket's language and webhooks without their secret", () => {
    const ticket = testTicket({ language: "nl" });
    const preview = previewActions(
      [
        { type: "notify", recipients: [{ kind: "assignee" }] },
        { type: "add_note", text: "Check the contract" },
        { type: "canned_reply", templates: { fr: "Bonjour {{customer.name}}", nl: "Hallo {{customer.name}}" } },
        { type: "webhook", url: "https://hooks.example/rules", secret: "0123456789abcdef" },
      ],
      ticket,
    );
    expect(preview.changes).toEqual({});
    expect(preview.effects).toEqual([
      { type: "notify", recipients: [{ kind: "assignee" }] },
      { type: "note", text: "Check the contract" },
      { type: "reply", language: "nl", template: "Hallo {{customer.name}}" },
      { type: "webhook", url: "https://hooks.example/rules" },
    ]);
  });
});
