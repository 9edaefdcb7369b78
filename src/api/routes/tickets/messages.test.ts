// A ticket's messages and timeline through the HTTP API, and the customer scope: a signed-in
// customer sees and writes only on their own tickets, never sees notes nor the timeline.

import type { Static } from "typebox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, type CustomerSession, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import type { AddMessageResponse, CreateTicketResponse, EventList, MessageList, TicketListResponse, TicketSchema } from "./schema.js";

type Created = Static<typeof CreateTicketResponse>;

describeStore("ticket message routes", (get) => {
  let api: ApiHarness;
  let marie: CustomerSession;
  let jan: CustomerSession;

  beforeAll(async () => {
    api = await openApi(get());
    marie = await api.signInCustomer("Marie Dupont", "marie@example.fr");
    jan = await api.signInCustomer("Jan Peeters", "jan@example.be");
  });
  afterAll(() => api.close());

  const openFor = async (customerId: string, subject: string) => {
    api.clock.advance(60_000);
    const created = await api.call<Created>("agent", "POST", "/api/v1/tickets", {
      body: { subject, channel: "email", customerId, message: { text: subject } },
    });
    expect(created.status).toBe(201);
    return created.json.ticket.number;
  };

  describe("messages and timeline", () => {
    it("adds replies, notes and logged customer messages, lists them oldest first, and records the timeline", async () => {
      const number = await openFor(marie.customerId, "Colis perdu");
      api.clock.advance(60_000);
      const reply = await api.call<Static<typeof AddMessageResponse>>("agent", "POST", `/api/v1/tickets/${number}/messages`, {
        body: { text: "Nous cherchons votre colis." },
      });
      expect(reply.status).toBe(201);
      expect(reply.json.message).toMatchObject({ kind: "reply", authorAgentId: api.agents.agent.id, bodyHtml: "<p>Nous cherchons votre colis.</p>" });
      expect(reply.json.ticket).toMatchObject({ status: "open", firstResponseAt: api.clock.now().toISOString() });
      api.clock.advance(60_000);
      const note = await api.call<Static<typeof AddMessageResponse>>("team_lead", "POST", `/api/v1/tickets/${number}/messages`, {
        body: { kind: "note", html: "<b>Transporteur</b> relancé<script>alert(1)</script>" },
      });
      expect(note.json.message).toMatchObject({ kind: "note", bodyHtml: "<b>Transporteur</b> relancé" });
      api.clock.advance(60_000);
      const call = await api.call<Static<typeof AddMessageResponse>>("agent", "POST", `/api/v1/tickets/${number}/messages`, {
        body: { kind: "customer", text: "(au téléphone) toujours rien" },
      });
      expect(call.json.message).toMatchObject({ kind: "customer", authorCustomerId: marie.customerId });

      const messages = await api.call<Static<typeof MessageList>>("viewer", "GET", `/api/v1/tickets/${number}/messages`);
      expect(messages.json.items.map((m) => m.kind)).toEqual(["customer", "reply", "note", "customer"]);
      const events = await api.call<Static<typeof EventList>>("viewer", "GET", `/api/v1/tickets/${number}/events`);
      expect(events.status).toBe(200);
      // Triage may follow a customer's message (here a lost parcel, still nothing): always right after it.
      const types = events.json.items.map((e) => e.type);
      expect(types.filter((t) => t !== "triage")).toEqual(["created", "message", "message", "updated", "message", "message"]);
      types.forEach((t, i) => t === "triage" && expect(types[i - 1]).toBe("message"));
      expect(events.json.items[0]).toMatchObject({
        type: "created",
        actorType: "agent",
        actorId: api.agents.agent.id,
        changes: { subject: [null, "Colis perdu"] },
      });
      expect(events.json.items.some((e) => e.reason === "first reply")).toBe(true);
    });

    it("holds each kind of message to its permission: a viewer writes nothing", async () => {
      const number = await openFor(marie.customerId, "Permissions des messages");
      for (const kind of ["reply", "note", "customer"]) {
        const denied = await api.call<ErrorJson>("viewer", "POST", `/api/v1/tickets/${number}/messages`, { body: { kind, text: "non" } });
        expect(denied.status).toBe(403);
      }
      const empty = await api.call<ErrorJson>("agent", "POST", `/api/v1/tickets/${number}/messages`, { body: { kind: "reply" } });
      expect(empty.status).toBe(400);
      expect((await api.call("agent", "POST", "/api/v1/tickets/777777/messages", { body: { text: "?" } })).status).toBe(404);
    });

    it("replays a message retried with the same Idempotency-Key", async () => {
      const number = await openFor(marie.customerId, "Idempotent message");
      const send = () =>
        api.call<Static<typeof AddMessageResponse>>("agent", "POST", `/api/v1/tickets/${number}/messages`, {
          body: { text: "once" },
          headers: { "idempotency-key": "msg-1" },
        });
      const [first, second] = [await send(), await send()];
      expect(second.json).toEqual(first.json);
      const messages = await api.call<Static<typeof MessageList>>("agent", "GET", `/api/v1/tickets/${number}/messages`);
      expect(messages.json.items.filter((m) => m.bodyText === "once")).toHaveLength(1);
    });
  });

  describe("customer scope", () => {
    let marieTicket: number;
    let janTicket: number;

    beforeAll(async () => {
      marieTicket = await openFor(marie.customerId, "Marie: facture");
      janTicket = await openFor(jan.customerId, "Jan: factuur");
      await api.call("agent", "POST", `/api/v1/tickets/${marieTicket}/messages`, { body: { kind: "note", text: "client difficile" } });
    });

    it("lists only the customer's own tickets, whatever they filter on", async () => {
      const mine = await api.call<Static<typeof TicketListResponse>>(marie, "GET", "/api/v1/tickets");
      expect(mine.status).toBe(200);
      expect(new Set(mine.json.items.map((t) => t.customerId))).toEqual(new Set([marie.customerId]));
      expect(mine.json.items.map((t) => t.number)).toContain(marieTicket);
      const asking = await api.call<Static<typeof TicketListResponse>>(marie, "GET", `/api/v1/tickets?customer=${jan.customerId}`);
      expect(asking.json).toMatchObject({ items: [], nextCursor: null, total: 0 });
      const team = await api.call<Static<typeof TicketListResponse>>(marie, "GET", "/api/v1/tickets?view=team");
      expect(team.json.total).toBe(0);
      const counts = await api.call(marie, "GET", "/api/v1/tickets/counts");
      expect(counts.json).toMatchObject({ team: 0, all: mine.json.total });
    });

    it("answers 404 for another customer's ticket, its messages and its events", async () => {
      expect((await api.call<ErrorJson>(marie, "GET", `/api/v1/tickets/${janTicket}`)).status).toBe(404);
      expect((await api.call<ErrorJson>(marie, "GET", `/api/v1/tickets/${janTicket}/messages`)).status).toBe(404);
      expect((await api.call<ErrorJson>(marie, "POST", `/api/v1/tickets/${janTicket}/messages`, { body: { text: "hello" } })).status).toBe(404);
      expect((await api.call<Static<typeof TicketSchema>>(marie, "GET", `/api/v1/tickets/${marieTicket}`)).status).toBe(200);
    });

    it("never shows internal notes, and keeps the timeline and updates for staff", async () => {
      const messages = await api.call<Static<typeof MessageList>>(marie, "GET", `/api/v1/tickets/${marieTicket}/messages`);
      expect(messages.status).toBe(200);
      expect(messages.json.items.length).toBeGreaterThan(0);
      expect(messages.json.items.map((m) => m.kind)).not.toContain("note");
      expect((await api.call<ErrorJson>(marie, "GET", `/api/v1/tickets/${marieTicket}/events`)).status).toBe(403);
      expect((await api.call<ErrorJson>(marie, "PATCH", `/api/v1/tickets/${marieTicket}`, { body: { priority: "urgent" } })).status).toBe(403);
    });

    it("opens tickets for the customer only, who cannot route them", async () => {
      const own = await api.call<Created>(marie, "POST", "/api/v1/tickets", {
        body: { subject: "Nouvelle demande", channel: "web", message: { text: "Bonjour" } },
      });
      expect(own.status).toBe(201);
      expect(own.json.ticket.customerId).toBe(marie.customerId);
      expect(own.json.message).toMatchObject({ kind: "customer", authorCustomerId: marie.customerId, authorAgentId: null });
      const explicit = await api.call<Created>(marie, "POST", "/api/v1/tickets", {
        body: { subject: "Pour moi", channel: "web", customerId: marie.customerId },
      });
      expect(explicit.status).toBe(201);
      const forJan = await api.call<ErrorJson>(marie, "POST", "/api/v1/tickets", { body: { subject: "Pour Jan", channel: "web", customerId: jan.customerId } });
      expect(forJan.status).toBe(403);
      const routed = await api.call<ErrorJson>(marie, "POST", "/api/v1/tickets", {
        body: { subject: "Routée", channel: "web", assigneeId: api.agents.agent.id },
      });
      expect(routed.status).toBe(403);
      const note = await api.call<ErrorJson>(marie, "POST", "/api/v1/tickets", {
        body: { subject: "Note", channel: "web", message: { kind: "note", text: "psst" } },
      });
      expect(note.status).toBe(403);
    });

    it("adds customer messages to the customer's own tickets only", async () => {
      const added = await api.call<Static<typeof AddMessageResponse>>(marie, "POST", `/api/v1/tickets/${marieTicket}/messages`, {
        body: { text: "Des nouvelles ?" },
      });
      expect(added.status).toBe(201);
      expect(added.json.message).toMatchObject({ kind: "customer", authorCustomerId: marie.customerId });
      for (const kind of ["reply", "note"]) {
        expect((await api.call<ErrorJson>(marie, "POST", `/api/v1/tickets/${marieTicket}/messages`, { body: { kind, text: "x" } })).status).toBe(403);
      }
      const csrfless = await api.call<ErrorJson>({ ...marie, csrfToken: "forged" }, "POST", `/api/v1/tickets/${marieTicket}/messages`, { body: { text: "x" } });
      expect(csrfless.status).toBe(403);
    });

    it("reopens the customer's solved ticket when they write, and refuses a message on a closed one", async () => {
      const number = await openFor(marie.customerId, "Marie: résolu puis rouvert");
      expect((await api.call("agent", "PATCH", `/api/v1/tickets/${number}`, { body: { status: "solved" } })).status).toBe(200);
      const reply = await api.call<Static<typeof AddMessageResponse>>(marie, "POST", `/api/v1/tickets/${number}/messages`, {
        body: { text: "Le problème est revenu." },
      });
      expect(reply.status).toBe(201);
      expect(reply.json.ticket).toMatchObject({ status: "open", solvedAt: null });
      await api.call("agent", "PATCH", `/api/v1/tickets/${number}`, { body: { status: "solved" } });
      expect((await api.call("agent", "PATCH", `/api/v1/tickets/${number}`, { body: { status: "closed" } })).status).toBe(200);
      const late = await api.call<ErrorJson>(marie, "POST", `/api/v1/tickets/${number}/messages`, { body: { text: "Encore moi" } });
      expect(late.status).toBe(400);
      expect(late.json.error.message).toContain("a follow-up is a new ticket");
    });

    it("leaves out how staff handle the ticket: priority, routing, tags, custom fields, SLA, agents' ids", async () => {
      await api.call("agent", "PATCH", `/api/v1/tickets/${marieTicket}`, {
        body: { priority: "low", tags: ["client-difficile"], customFields: { risque: "élevé" } },
      });
      await api.call("agent", "POST", `/api/v1/tickets/${marieTicket}/messages`, { body: { kind: "reply", text: "Nous regardons." } });
      const staffOnly = ["priority", "tier", "productId", "teamId", "assigneeId", "tags", "customFields", "followers", "slaDueAt", "slaBreached", "slaPaused"];
      const read = await api.call<Record<string, unknown>>(marie, "GET", `/api/v1/tickets/${marieTicket}`);
      const listed = await api.call<{ items: Record<string, unknown>[] }>(marie, "GET", "/api/v1/tickets");
      const written = await api.call<{ ticket: Record<string, unknown> }>(marie, "POST", `/api/v1/tickets/${marieTicket}/messages`, {
        body: { text: "Merci" },
      });
      for (const shown of [read.json, listed.json.items.find((t) => t.number === marieTicket)!, written.json.ticket]) {
        expect(shown).toMatchObject({ number: marieTicket, subject: "Marie: facture", customerId: marie.customerId });
        expect(Object.keys(shown).filter((key) => staffOnly.includes(key))).toEqual([]);
      }
      const messages = await api.call<Static<typeof MessageList>>(marie, "GET", `/api/v1/tickets/${marieTicket}/messages`);
      expect(messages.json.items.some((m) => m.kind === "reply")).toBe(true);
      expect(messages.json.items.map((m) => m.authorAgentId)).toEqual(messages.json.items.map(() => null));
      // Staff still read all of it.
      const staff = await api.call<Record<string, unknown>>("agent", "GET", `/api/v1/tickets/${marieTicket}`);
      expect(staff.json).toMatchObject({ priority: "low", tags: ["client-difficile"], customFields: { risque: "élevé" } });
    });

    it("keeps customers out of the other resources", async () => {
      for (const path of ["customers", "organizations", "agents", "teams", "products", "tags"]) {
        expect((await api.call<ErrorJson>(marie, "GET", `/api/v1/${path}`)).status).toBe(403);
      }
    });
  });
});
