import { describe, expect, it } from "vitest";
import type { Message, Ticket } from "../api/types.js";
import { messageTriage, reasonText, ticketTriage } from "./triageView.js";

describe("the triage signals as the screens read them", () => {
  it("reads a ticket's signals, and none from a server without triage", () => {
    const ticket = { number: 1 } as Ticket;
    expect(ticketTriage(ticket)).toEqual({ frustration: null, frustrated: false, alarms: [] });
    expect(ticketTriage({ ...ticket, frustration: 0.82, frustrated: true, alarms: ["legal", "bogus", "legal"] } as Ticket)).toEqual({
      frustration: 0.82,
      frustrated: true,
      alarms: ["legal"],
    });
  });

  it("reads a message's signals only when it was triaged", () => {
    expect(messageTriage({ kind: "reply" } as Message)).toBeNull();
    const triage = { language: "fr", frustration: 0.7, frustrated: true, alarms: [{ kind: "outage", phrase: "ne marche pas" }], reasons: [] };
    expect(messageTriage({ kind: "customer", triage } as Message & { triage: unknown })).toEqual(triage);
  });

  it("tells each reason in the reader's language", () => {
    expect(reasonText({ kind: "capitals", share: 0.85 }, "en")).toBe("85% of the letters are capitals");
    expect(reasonText({ kind: "exclamations", count: 2 }, "fr")).toBe("2 points d’exclamation d’affilée");
    expect(reasonText({ kind: "word", phrase: "inadmissible", weight: 0.3 }, "nl")).toBe("‘inadmissible’ klinkt gefrustreerd");
  });
});
