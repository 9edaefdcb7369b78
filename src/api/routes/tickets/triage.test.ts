// Triage through the HTTP API: a ticket's frustration, frustrated and alarms and a customer
// message's signals for staff, hidden from the customer who wrote it; the list filters on them.

import type { Static } from "typebox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type CustomerSession, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import type { CreateTicketResponse, MessageList, TicketListResponse } from "./schema.js";

type Created = Static<typeof CreateTicketResponse>;
type ListJson = Static<typeof TicketListResponse>;
type Messages = Static<typeof MessageList>;

describeStore("ticket triage routes", (get) => {
  let api: ApiHarness;
  let marie: CustomerSession;
  let angry: number;
  let calm: number;
  let refund: number;

  beforeAll(async () => {
    api = await openApi(get());
    marie = await api.signInCustomer("Marie Dupont", "marie@example.fr");
    const open = async (subject: string, text: string) => {
      api.clock.advance(60_000);
      const created = await api.call<Created>("agent", "POST", "/api/v1/tickets", {
        body: { subject, channel: "email", customerId: marie.customerId, message: { kind: "customer", text }, tags: ["triage-api"] },
      });
      expect(created.status).toBe(201);
      return created.json.ticket.number;
    };
    angry = await open("Inacceptable", "C'EST INACCEPTABLE !!! Troisième relance, personne ne répond, c'est scandaleux. Je contacte mon avocat.");
    calm = await open("Question", "Bonjour, pourriez-vous m'envoyer la facture de novembre ? Merci.");
    refund = await open("Remboursement", "Bonjour, j'attends le remboursement de ma commande.");
  });
  afterAll(() => api.close());

  const list = async (query: string, caller: Parameters<ApiHarness["call"]>[0] = "agent") => {
    const answer = await api.call<ListJson>(caller, "GET", `/api/v1/tickets?tag=triage-api&sort=number&order=asc&${query}`);
    expect(answer.status).toBe(200);
    return answer.json.items.map((t) => t.number);
  };

  it("shows staff the ticket's frustration, frustrated and alarms, and the message's signals with their reasons", async () => {
    const ticket = await api.call<{ frustration: number; frustrated: boolean; alarms: string[]; language: string }>("agent", "GET", `/api/v1/tickets/${angry}`);
    expect(ticket.json).toMatchObject({ frustrated: true, alarms: ["legal"], language: "fr" });
    expect(ticket.json.frustration).toBeGreaterThanOrEqual(0.5);
    const messages = await api.call<Messages>("agent", "GET", `/api/v1/tickets/${angry}/messages`);
    expect(messages.json.items[0]?.triage).toMatchObject({ language: "fr", frustrated: true, alarms: [{ kind: "legal", phrase: "avocat" }] });
    expect(messages.json.items[0]?.triage?.reasons.length).toBeGreaterThan(0);
  });

  it("hides triage from the customer who wrote", async () => {
    const ticket = await api.call<Record<string, unknown>>(marie, "GET", `/api/v1/tickets/${angry}`);
    expect(ticket.status).toBe(200);
    expect(ticket.json).not.toHaveProperty("frustration");
    expect(ticket.json).not.toHaveProperty("frustrated");
    expect(ticket.json).not.toHaveProperty("alarms");
    const messages = await api.call<Messages>(marie, "GET", `/api/v1/tickets/${angry}/messages`);
    expect(messages.json.items[0]).not.toHaveProperty("triage");
    // Nor does a filter on it tell them anything: it is ignored.
    expect(await list("frustrated=true", marie)).toEqual([angry, calm, refund]);
  });

  it("filters the list by frustrated and by alarm kinds", async () => {
    // The score of each is triage's to decide (repeated contacts raise it): the filter follows the flag.
    const flags = new Map<number, boolean>();
    for (const number of [angry, calm, refund]) {
      flags.set(number, (await api.call<{ frustrated: boolean }>("agent", "GET", `/api/v1/tickets/${number}`)).json.frustrated);
    }
    expect(flags.get(angry)).toBe(true);
    expect(flags.get(calm)).toBe(false);
    expect(await list("frustrated=true")).toEqual([...flags].filter(([, f]) => f).map(([n]) => n));
    expect(await list("frustrated=false")).toEqual([...flags].filter(([, f]) => !f).map(([n]) => n));
    expect(await list("alarm=money")).toEqual([refund]);
    expect(await list("alarm=legal,money")).toEqual([angry, refund]);
    const refused = await api.call("agent", "GET", "/api/v1/tickets?alarm=lawsuit");
    expect(refused.status).toBe(400);
  });
});
