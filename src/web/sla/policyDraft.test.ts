// New matrix steps and recipient toggles in the policy editor.

import { describe, expect, it } from "vitest";
import { newStep, toggleRecipient } from "./policyDraft.js";

describe("the policy editor's matrix edits", () => {
  it("adds levels one after the other, an hour apart, with ids never reused", () => {
    const first = newStep([]);
    expect(first).toMatchObject({ id: "step-1", kind: "level", level: 1, offsetMinutes: 0, recipients: [{ kind: "assignee" }] });
    const second = newStep([first]);
    expect(second).toMatchObject({ id: "step-2", level: 2, offsetMinutes: 60, recipients: [{ kind: "assignee_manager" }] });
    const reminder = newStep([second], "reminder");
    expect(reminder).toMatchObject({ id: "step-3", kind: "reminder", level: 0 });
  });

  it("toggles recipients by value", () => {
    const on = toggleRecipient([{ kind: "assignee" }], { kind: "agent", agentId: "a1" }, true);
    expect(on).toEqual([{ kind: "assignee" }, { kind: "agent", agentId: "a1" }]);
    expect(toggleRecipient(on, { kind: "agent", agentId: "a1" }, false)).toEqual([{ kind: "assignee" }]);
    expect(toggleRecipient(on, { kind: "assignee" }, true)).toHaveLength(2);
  });
});
