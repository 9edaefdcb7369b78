import { describe, expect, it } from "vitest";
import { EscalationInvalid } from "./escalationInvalid.js";
import { checkMentions, type Mentionable } from "./supervision.js";

const A = "0c5e7b7e-1111-4a4a-8a8a-000000000001";
const B = "0c5e7b7e-1111-4a4a-8a8a-000000000002";
const known = new Map<string, Mentionable>([
  [A, { id: A, active: true }],
  [B, { id: B, active: false }],
]);
const problems = (run: () => unknown) => {
  try {
    run();
    return [];
  } catch (error) {
    if (error instanceof EscalationInvalid) return error.problems.map((p) => `${p.path} ${p.code}`);
    throw error;
  }
};

describe("a note's mentions", () => {
  it("keeps each agent once, by lower-case id, and a lead's suggestion", () => {
    expect(checkMentions({ kind: "note", mentions: [A.toUpperCase(), A], suggestion: true }, known, "team_lead")).toEqual({ mentions: [A], suggestion: true });
    expect(checkMentions({ kind: "reply" }, known, "agent")).toEqual({ mentions: [], suggestion: false });
  });

  it("names an unknown or inactive agent, a suggestion by an agent or without a mention, and mentions outside a note", () => {
    expect(problems(() => checkMentions({ kind: "note", mentions: ["x", B, 3] }, known, "agent"))).toEqual([
      "mentions[0] unknown_agent",
      "mentions[1] inactive_agent",
      "mentions[2] unknown_agent",
    ]);
    expect(problems(() => checkMentions({ kind: "note", suggestion: true }, known, "agent"))).toEqual(["suggestion mention_required", "suggestion not_a_lead"]);
    expect(problems(() => checkMentions({ kind: "reply", mentions: [A], suggestion: true }, known, "manager"))).toEqual([
      "mentions internal_only",
      "suggestion internal_only",
    ]);
  });
});
