// What a bounce reports: recipient, status and diagnostic from the delivery-status fields, or
// from X-Failed-Recipients and the text when a report has none.
import { describe, expect, it } from "vitest";
import { readBounce } from "./bounce.js";

describe("readBounce", () => {
  it("reads the first recipient's block of a delivery-status part, folded lines joined", () => {
    const status = [
      "Reporting-MTA: dns; mx.example.org",
      "",
      "Final-Recipient: rfc822; alex@example.com",
      "Action: failed",
      "Status: 5.1.1",
      "Diagnostic-Code: smtp; 550 5.1.1 <alex@example.com>: Recipient address",
      "  rejected: User unknown",
      "",
      "Final-Recipient: rfc822; sam@example.com",
      "Status: 4.4.1",
    ].join("\r\n");
    expect(readBounce({ deliveryStatus: status, failedRecipients: null, text: "" })).toEqual({
      recipient: "alex@example.com",
      status: "5.1.1",
      diagnostic: "550 5.1.1 <alex@example.com>: Recipient address rejected: User unknown",
    });
  });

  it("falls back on X-Failed-Recipients and the first status code in the text", () => {
    expect(
      readBounce({ deliveryStatus: null, failedRecipients: "alex@example.com, sam@example.com", text: "The response was: 550 5.1.1 No such user" }),
    ).toEqual({
      recipient: "alex@example.com",
      status: "5.1.1",
      diagnostic: null,
    });
    expect(readBounce({ deliveryStatus: null, failedRecipients: null, text: "Your message could not be delivered." })).toEqual({
      recipient: null,
      status: null,
      diagnostic: null,
    });
  });
});
