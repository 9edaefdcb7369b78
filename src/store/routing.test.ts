import { beforeAll, expect, it } from "vitest";
import { createTicket } from "../../test/support/commandsOnDb.js";
import { describeStore } from "../../test/support/testDatabase.js";
import type { Database } from "./database.js";
import { agentStore, customerStore, productStore, teamStore } from "./entities.js";
import { readRoutingContext, teamCandidates, teamQueue, teamsWithQueue } from "./routing.js";
import { tickets } from "./schema.js";
import { eq } from "drizzle-orm";

const T0 = new Date("2026-11-23T09:00:00Z");

describeStore("routing store", (get) => {
  let db: Database["db"];
  let teamId: string;
  let sanne: string;
  let customerId: string;
  const customer = () => ({ type: "customer" as const, id: customerId });

  beforeAll(async () => {
    db = get().db;
    teamId = (await teamStore.create(db, { name: "Billing", assignment: "load_balanced" }, T0)).id;
    sanne = (await agentStore.create(db, { name: "Sanne", email: "sanne@example.org", teamId, languages: ["nl"], capacity: 2 }, T0)).id;
    await agentStore.create(db, { name: "Away", email: "away@example.org", teamId, active: false }, T0);
    await agentStore.create(db, { name: "Nothing", email: "nothing@example.org", teamId, capacity: 0 }, T0);
    customerId = (await customerStore.create(db, { name: "Marie", email: "marie@example.fr" }, T0)).id;
  });

  it("reads the active members with room, each with the open tickets they carry", async () => {
    for (const status of ["new", "pending", "solved"] as const) {
      await createTicket(db, { now: T0, actor: customer(), subject: status, channel: "email", customerId, status, assigneeId: sanne });
    }
    const candidates = await teamCandidates(db, teamId);
    expect(candidates).toEqual([expect.objectContaining({ id: sanne, name: "Sanne", load: 2, capacity: 2, languages: ["nl"], outOfOfficeFrom: null })]);
  });

  it("reads the team, the product and the ticket's queue stamp together", async () => {
    const product = await productStore.create(db, { name: "Facturation", code: "billing" }, T0);
    const { ticket } = await createTicket(db, { now: T0, actor: customer(), subject: "x", channel: "email", customerId });
    const context = await readRoutingContext(db, { teamId, productId: product.id, ticketNumber: ticket.number });
    expect(context).toEqual({
      team: { id: teamId, name: "Billing", strategy: "load_balanced", lastServedId: null, leadId: null, calendarId: null },
      product: { code: "billing", name: "Facturation" },
      queuedAt: null,
      lead: null,
    });
    expect(await readRoutingContext(db, { teamId: "00000000-0000-4000-8000-000000000000", productId: null, ticketNumber: ticket.number })).toBeUndefined();
  });

  it("lists the queue oldest first, leaving out tickets assigned, solved or moved since", async () => {
    const queued = async (subject: string, minutes: number, extra: { assigneeId?: string; status?: "solved" } = {}) => {
      const { ticket } = await createTicket(db, { now: T0, actor: customer(), subject, channel: "email", customerId, teamId, ...extra });
      await db
        .update(tickets)
        .set({ queuedAt: new Date(T0.getTime() + minutes * 60_000) })
        .where(eq(tickets.number, ticket.number));
      return ticket.number;
    };
    const second = await queued("second", 5);
    const first = await queued("first", 1);
    await queued("taken", 0, { assigneeId: sanne });
    await queued("done", 0, { status: "solved" });
    expect((await teamQueue(db, teamId)).map((t) => t.number)).toEqual([first, second]);
    expect(await teamsWithQueue(db)).toEqual([teamId]);
  });
});
