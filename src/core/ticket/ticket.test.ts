import { describe, expect, it } from "vitest";
import { checkTransition, nextStatuses, STATUSES, StatusTransitionError } from "./ticket.js";

describe("ticket status lifecycle", () => {
  it("lets a new ticket open, wait, or be solved at once", () => {
    for (const to of ["open", "pending", "on_hold", "solved"] as const) expect(() => checkTransition("new", to)).not.toThrow();
  });
  it("closes only solved tickets", () => {
    for (const from of STATUSES.filter((s) => s !== "solved" && s !== "closed")) {
      expect(() => checkTransition(from, "closed")).toThrow(StatusTransitionError);
    }
    expect(() => checkTransition("solved", "closed")).not.toThrow();
  });
  it("reopens a solved ticket but never a closed one", () => {
    expect(() => checkTransition("solved", "open")).not.toThrow();
    expect(() => checkTransition("closed", "open")).toThrow("a closed ticket cannot change status (a follow-up is a new ticket)");
  });
  it("never goes back to new", () => {
    for (const from of STATUSES) if (from !== "new") expect(() => checkTransition(from, "new")).toThrow(StatusTransitionError);
  });
  it("explains which statuses are allowed", () => {
    expect(() => checkTransition("pending", "closed")).toThrow("status cannot go from pending to closed (from pending: open, on_hold, solved)");
    expect(nextStatuses("solved")).toEqual(["open", "closed"]);
  });
});
