import { describe, expect, it } from "vitest";
import { STATUSES } from "../../core/ticket/ticket.js";
import { acceptsReplies, customerStatus, replyReopens } from "./portalStatus.js";

describe("a request's status as its customer reads it", () => {
  it("folds open and on hold into work in progress, and keeps what the customer acts on", () => {
    expect(STATUSES.map(customerStatus)).toEqual(["new", "working", "pending", "working", "solved", "closed"]);
  });

  it("takes replies until the request is closed, and says a reply to a solved one reopens it", () => {
    expect(STATUSES.filter(acceptsReplies)).toEqual(["new", "open", "pending", "on_hold", "solved"]);
    expect(STATUSES.filter(replyReopens)).toEqual(["solved"]);
  });
});
