import { describe, expect, it } from "vitest";
import type { Message, Ticket } from "../api/types.js";
import { toPortalMessages, toPortalRequest } from "./portalApi.js";

const ticket: Ticket = {
  number: 42,
  subject: "Facture en double",
  status: "pending",
  priority: "urgent",
  tier: "L2",
  channel: "web",
  language: "fr",
  productId: "11111111-1111-4111-8111-111111111111",
  customerId: "22222222-2222-4222-8222-222222222222",
  teamId: "33333333-3333-4333-8333-333333333333",
  assigneeId: "44444444-4444-4444-8444-444444444444",
  tags: ["vip-watch"],
  customFields: { churnRisk: "high" },
  followers: [],
  createdAt: "2026-12-01T09:00:00.000Z",
  updatedAt: "2026-12-01T10:00:00.000Z",
  firstResponseAt: null,
  lastCustomerMessageAt: null,
  lastAgentMessageAt: null,
  solvedAt: null,
  closedAt: null,
  version: 3,
  slaDueAt: "2026-12-01T12:00:00.000Z",
  slaBreached: false,
};

const message = (id: string, kind: Message["kind"]): Message => ({
  id,
  ticketNumber: 42,
  kind,
  authorAgentId: kind === "customer" ? null : "44444444-4444-4444-8444-444444444444",
  authorCustomerId: kind === "customer" ? ticket.customerId : null,
  channel: "web",
  bodyText: id,
  bodyHtml: `<p>${id}</p>`,
  attachments: [{ name: "facture.pdf", contentType: "application/pdf", size: 1200 }],
  createdAt: "2026-12-01T09:00:00.000Z",
});

describe("what the portal keeps of the API's answers", () => {
  it("keeps a request's public fields and nothing staff-only", () => {
    expect(toPortalRequest(ticket)).toEqual({
      number: 42,
      subject: "Facture en double",
      status: "pending",
      createdAt: "2026-12-01T09:00:00.000Z",
      updatedAt: "2026-12-01T10:00:00.000Z",
    });
  });

  it("leaves internal notes out of the conversation even if a server sent one, and names no agent", () => {
    const shown = toPortalMessages([message("question", "customer"), message("note", "note"), message("answer", "reply")]);
    expect(shown.map((m) => [m.id, m.from])).toEqual([
      ["question", "customer"],
      ["answer", "team"],
    ]);
    expect(JSON.stringify(shown)).not.toContain("44444444");
    expect(shown[1]?.attachments).toEqual(["facture.pdf"]);
  });
});
