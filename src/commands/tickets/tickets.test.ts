import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { addMessage, createTicket, updateTicket } from "../../../test/support/commandsOnDb.js";
import { describeStore, selectRows } from "../../../test/support/testDatabase.js";
import { StatusTransitionError } from "../../core/ticket/ticket.js";
import type { Database } from "../../store/database.js";
import { agentStore, customerStore, teamStore } from "../../store/entities.js";
import { InvalidReferenceError, NotFoundError, VersionConflictError } from "../../store/errors.js";
import { listEvents } from "../../store/events.js";
import { countTickets, listTickets } from "../../store/tickets/ticketList.js";
import { getTicket } from "../../store/tickets/ticketRows.js";

const T0 = new Date("2026-11-23T09:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describeStore("ticket store", (get) => {
  let db: Database["db"];
  let customerId: string;
  let agentId: string;
  let teamId: string;
  const customer = () => ({ type: "customer" as const, id: customerId });
  const agent = () => ({ type: "agent" as const, id: agentId });

  beforeAll(async () => {
    db = get().db;
    teamId = (await teamStore.create(db, { name: "Facturation" }, T0)).id;
    agentId = (await agentStore.create(db, { name: "Léa Martin", email: "lea@example.org", teamId }, T0)).id;
    customerId = (await customerStore.create(db, { name: "Marie Dupont", email: "marie@example.fr", language: "fr" }, T0)).id;
  });

  const newTicket = (subject: string, extra: Partial<Parameters<typeof createTicket>[1]> = {}) =>
    createTicket(db, { now: T0, actor: customer(), subject, channel: "email", customerId, language: "fr", message: { text: subject }, ...extra });

  it("creates a ticket with its first message and a created event, numbered from #1000 up", async () => {
    const { ticket, message } = await newTicket("Remboursement non reçu");
    expect(ticket.number).toBeGreaterThanOrEqual(1000);
    expect(ticket).toMatchObject({ status: "new", priority: "normal", tier: "L1", channel: "email", customerId, lastCustomerMessageAt: T0 });
    expect(message).toMatchObject({ kind: "customer", authorCustomerId: customerId, bodyText: "Remboursement non reçu" });
    const events = await listEvents(db, ticket.number);
    // A refund is a money alarm: the triage event follows the message it read.
    expect(events.map((e) => e.type)).toEqual(["created", "message", "triage"]);
    expect(events[0]?.changes).toMatchObject({ status: [null, "new"], subject: [null, "Remboursement non reçu"] });
    expect(events[2]?.data).toMatchObject({
      messageId: message?.id,
      signals: { alarms: expect.arrayContaining([expect.objectContaining({ kind: "money" })]) },
    });
  });

  it("writes nothing when any part of the creation fails", async () => {
    const before = await countTickets(db);
    const [{ count: eventsBefore }] = (await selectRows<{ count: number }>(get(), sql`select count(*)::int as count from ticket_events`)) as [
      { count: number },
    ];
    await expect(newTicket("Avec un suiveur inconnu", { followers: ["00000000-0000-4000-8000-000000000000"] })).rejects.toThrow(InvalidReferenceError);
    await expect(newTicket("Client inconnu", { customerId: "00000000-0000-4000-8000-000000000000" })).rejects.toThrow(
      "customerId: refers to something that does not exist",
    );
    expect(await countTickets(db)).toBe(before);
    const [{ count: eventsAfter }] = (await selectRows<{ count: number }>(get(), sql`select count(*)::int as count from ticket_events`)) as [{ count: number }];
    expect(eventsAfter).toBe(eventsBefore);
  });

  it("opens a new ticket at the first public reply and records the first response time", async () => {
    const { ticket } = await newTicket("Facture en double");
    const { ticket: replied } = await addMessage(db, { now: later(5), actor: agent(), number: ticket.number, text: "Bonjour, je regarde." });
    expect(replied).toMatchObject({ status: "open", firstResponseAt: later(5), lastAgentMessageAt: later(5) });
    const { ticket: again } = await addMessage(db, { now: later(9), actor: agent(), number: ticket.number, text: "C'est corrigé." });
    expect(again.firstResponseAt).toEqual(later(5));
    const types = (await listEvents(db, ticket.number)).map((e) => [e.type, e.reason]);
    expect(types).toContainEqual(["updated", "first reply"]);
  });

  it("does not count an internal note as a response", async () => {
    const { ticket } = await newTicket("Note seulement");
    const { ticket: noted, message } = await addMessage(db, {
      now: later(1),
      actor: agent(),
      number: ticket.number,
      kind: "note",
      text: "Vérifier le contrat",
    });
    expect(message.kind).toBe("note");
    expect(noted).toMatchObject({ status: "new", firstResponseAt: null });
  });

  it("reopens a pending or solved ticket when the customer writes", async () => {
    const { ticket } = await newTicket("Colis perdu");
    const pending = await updateTicket(db, { now: later(1), actor: agent(), number: ticket.number, changes: { status: "pending" } });
    expect(pending.status).toBe("pending");
    const { ticket: reopened } = await addMessage(db, { now: later(2), actor: customer(), number: ticket.number, text: "Toujours rien" });
    expect(reopened.status).toBe("open");
    const solved = await updateTicket(db, { now: later(3), actor: agent(), number: ticket.number, changes: { status: "solved" } });
    expect(solved.solvedAt).toEqual(later(3));
    const { ticket: again } = await addMessage(db, { now: later(4), actor: customer(), number: ticket.number, text: "Finalement non" });
    expect(again).toMatchObject({ status: "open", solvedAt: null });
  });

  it("enforces the lifecycle and leaves the ticket unchanged on a refused transition", async () => {
    const { ticket } = await newTicket("Transition refusée");
    await expect(updateTicket(db, { now: later(1), actor: agent(), number: ticket.number, changes: { status: "closed", priority: "high" } })).rejects.toThrow(
      StatusTransitionError,
    );
    expect(await getTicket(db, ticket.number)).toMatchObject({ status: "new", priority: "normal", version: ticket.version });
    await updateTicket(db, { now: later(2), actor: agent(), number: ticket.number, changes: { status: "solved" } });
    const closed = await updateTicket(db, { now: later(3), actor: agent(), number: ticket.number, changes: { status: "closed" } });
    expect(closed.closedAt).toEqual(later(3));
    await expect(addMessage(db, { now: later(4), actor: customer(), number: ticket.number, text: "Encore" })).rejects.toThrow(
      /is closed: a follow-up is a new ticket/,
    );
  });

  it("records each change with before, after, who and why, and bumps the version once", async () => {
    const { ticket } = await newTicket("Changements");
    const updated = await updateTicket(db, {
      now: later(1),
      actor: agent(),
      number: ticket.number,
      changes: { priority: "urgent", tags: [" VIP", "vip", "Remboursement"], assigneeId: agentId, teamId, followers: [agentId] },
      cause: { cause: "comment", text: "client VIP" },
    });
    expect(updated).toMatchObject({
      priority: "urgent",
      tags: ["remboursement", "vip"],
      assigneeId: agentId,
      followers: [agentId],
      version: ticket.version + 1,
    });
    const last = (await listEvents(db, ticket.number)).at(-1);
    expect(last).toMatchObject({
      type: "updated",
      actorType: "agent",
      actorId: agentId,
      reason: "client VIP",
      data: { cause: { cause: "comment", text: "client VIP" } },
    });
    expect(last?.changes).toEqual({
      priority: ["normal", "urgent"],
      tags: [[], ["remboursement", "vip"]],
      assigneeId: [null, agentId],
      teamId: [null, teamId],
      followers: [[], [agentId]],
    });
    const unchanged = await updateTicket(db, { now: later(2), actor: agent(), number: ticket.number, changes: { priority: "urgent" } });
    expect(unchanged.version).toBe(updated.version);
  });

  it("refuses an update against a stale version", async () => {
    const { ticket } = await newTicket("Conflit");
    await updateTicket(db, { now: later(1), actor: agent(), number: ticket.number, changes: { priority: "high" }, expectedVersion: ticket.version });
    await expect(
      updateTicket(db, { now: later(2), actor: agent(), number: ticket.number, changes: { priority: "low" }, expectedVersion: ticket.version }),
    ).rejects.toThrow(VersionConflictError);
    expect((await getTicket(db, ticket.number))?.priority).toBe("high");
  });

  it("says which ticket does not exist", async () => {
    await expect(updateTicket(db, { now: T0, actor: agent(), number: 999_999, changes: { priority: "high" } })).rejects.toThrow(NotFoundError);
    expect(await getTicket(db, 999_999)).toBeUndefined();
  });

  it("finds tickets by words in any of French, Dutch and English, with or without accents", async () => {
    const fr = await newTicket("Prélèvement effectué deux fois");
    const nl = await createTicket(db, {
      now: T0,
      actor: customer(),
      subject: "Betaling mislukt",
      channel: "web",
      customerId,
      language: "nl",
      message: { text: "Mijn betalingen werken niet sinds gisteren" },
    });
    const en = await createTicket(db, {
      now: T0,
      actor: customer(),
      subject: "Refund requested",
      channel: "api",
      customerId,
      language: "en",
      message: { text: "I was charged twice for my subscriptions" },
    });
    const numbers = async (text: string) => (await listTickets(db, { text, limit: 200 })).items.map((t) => t.number);
    expect(await numbers("prelevements")).toContain(fr.ticket.number);
    expect(await numbers("prélèvement")).toContain(fr.ticket.number);
    expect(await numbers("betalingen")).toContain(nl.ticket.number);
    expect(await numbers("subscription")).toContain(en.ticket.number);
    expect(await numbers("refunds")).toContain(en.ticket.number);
    expect(await numbers("werkt")).not.toContain(fr.ticket.number);
    await addMessage(db, { now: later(1), actor: agent(), number: fr.ticket.number, kind: "note", text: "Voir la banque partenaire" });
    expect(await numbers("banque")).toContain(fr.ticket.number);
  });

  it("filters by status, assignee, tags and channel, and counts the same set", async () => {
    const { ticket } = await newTicket("Filtrable", { priority: "high", tags: ["filtre"], assigneeId: agentId });
    const page = await listTickets(db, { tags: ["FILTRE"], priority: ["high"], assigneeId: [agentId], channel: ["email"] });
    expect(page.items.map((t) => t.number)).toEqual([ticket.number]);
    expect(await countTickets(db, { tags: ["filtre"] })).toBe(1);
    const unassigned = await listTickets(db, { assigneeId: null, limit: 200 });
    expect(unassigned.items.every((t) => t.assigneeId === null)).toBe(true);
  });

  it("pages through every ticket exactly once, in order, whatever the sort", async () => {
    for (let i = 0; i < 7; i++) await newTicket(`Pagination ${i}`, { now: later(100 + (i % 3)), tags: ["page"] });
    for (const sort of ["created_at", "updated_at", "number"] as const) {
      for (const order of ["asc", "desc"] as const) {
        const seen: number[] = [];
        let cursor: string | undefined;
        do {
          const page = await listTickets(db, { tags: ["page"], sort, order, limit: 3, ...(cursor ? { cursor } : {}) });
          seen.push(...page.items.map((t) => t.number));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toHaveLength(7);
        expect(new Set(seen).size).toBe(7);
      }
    }
  });

  it("refuses a cursor it did not make", async () => {
    await expect(listTickets(db, { cursor: "not-a-cursor" })).rejects.toThrow("cursor: is not a cursor from a previous page");
  });
});
