import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { inWork } from "../../src/commands/work.js";
import { agentStore, customerStore, organizationStore, teamStore } from "../../src/store/entities.js";
import { listMessages } from "../../src/store/tickets/messageRows.js";
import { getPolicyRow } from "../../src/store/sla/policyRows.js";
import {
  buildAgent,
  buildCalendar,
  buildCustomer,
  buildOrganization,
  buildPolicy,
  buildProduct,
  buildTeam,
  buildTicket,
  FACTORY_NOW,
  PARIS_OFFICE,
  STANDARD_MATRIX,
} from "./factories.js";
import { describeStore, selectRows } from "./testDatabase.js";

type Table = "customers" | "teams" | "agents" | "products" | "calendars" | "organizations";

describeStore("factories", (get) => {
  const count = async (table: Table) => (await selectRows<{ n: number }>(get(), sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n;

  it("gives each entity a name and e-mail of its own, at the factory's instant", async () => {
    const db = get().db;
    const [a, b] = [await buildCustomer(db), await buildCustomer(db)];
    expect(a.name).not.toBe(b.name);
    expect(a.email).not.toBe(b.email);
    expect(a.createdAt).toEqual(FACTORY_NOW);
    const [first, second] = [await buildAgent(db), await buildAgent(db)];
    expect(first.email).not.toBe(second.email);
    expect((await buildTeam(db)).name).not.toBe((await buildTeam(db)).name);
    expect((await buildProduct(db)).code).not.toBe((await buildProduct(db)).code);
    expect((await buildOrganization(db)).segment).toBe("standard");
  });

  it("takes overrides and an instant", async () => {
    const now = new Date("2026-03-02T08:00:00Z");
    const customer = await buildCustomer(get().db, { name: "Marie Dupont", email: "marie@factories.example", language: "fr", now });
    expect(await customerStore.get(get().db, customer.id)).toMatchObject({
      name: "Marie Dupont",
      email: "marie@factories.example",
      language: "fr",
      createdAt: now,
    });
  });

  it("builds a customer's organization only when asked, and reuses the one given", async () => {
    const db = get().db;
    expect((await buildCustomer(db)).organizationId).toBeNull();
    const built = await buildCustomer(db, { with: ["organization"] });
    expect(await organizationStore.get(db, built.organizationId as string)).toBeDefined();
    const organization = await buildOrganization(db);
    const before = await count("organizations");
    expect((await buildCustomer(db, { organizationId: organization.id, with: ["organization"] })).organizationId).toBe(organization.id);
    expect(await count("organizations")).toBe(before);
  });

  it("builds an agent's team only when asked, and reuses the one given", async () => {
    const db = get().db;
    expect((await buildAgent(db)).teamId).toBeNull();
    const built = await buildAgent(db, { role: "team_lead", with: ["team"] });
    expect(built.role).toBe("team_lead");
    expect(await teamStore.get(db, built.teamId as string)).toBeDefined();
    const team = await buildTeam(db);
    const before = await count("teams");
    expect((await buildAgent(db, { teamId: team.id, with: ["team"] })).teamId).toBe(team.id);
    expect(await count("teams")).toBe(before);
  });

  it("builds a policy on a new Paris office calendar with targets and the standard matrix, or on the calendar given", async () => {
    const db = get().db;
    const policy = await buildPolicy(db);
    expect(policy).toMatchObject({ active: true, isDefault: false, matrix: { steps: STANDARD_MATRIX } });
    expect(policy.targets).toHaveProperty("normal.first_response", 120);
    const calendar = await selectRows<{ spec: unknown }>(get(), sql`select spec from calendars where id = ${policy.calendarId}`);
    expect(calendar[0]?.spec).toEqual(PARIS_OFFICE);

    const given = await buildCalendar(db, { name: "Bureau de Lyon" });
    const before = await count("calendars");
    expect((await buildPolicy(db, { calendarId: given.id })).calendarId).toBe(given.id);
    expect((await buildPolicy(db, { calendarId: null, matrix: { steps: [] } })).calendarId).toBeNull();
    expect(await count("calendars")).toBe(before);
  });

  it("builds a ticket's customer and a first message from it, and no team, assignee nor product unless asked", async () => {
    const db = get().db;
    const before = { teams: await count("teams"), agents: await count("agents"), products: await count("products") };
    const { ticket, message } = await buildTicket(db);
    expect(await customerStore.get(db, ticket.customerId)).toBeDefined();
    expect(message).toMatchObject({ kind: "customer" });
    expect(await listMessages(db, ticket.number, { notes: true })).toHaveLength(1);
    expect(ticket).toMatchObject({ channel: "email", teamId: null, assigneeId: null, productId: null });
    expect({ teams: await count("teams"), agents: await count("agents"), products: await count("products") }).toEqual(before);

    const bare = await buildTicket(db, { message: null });
    expect(bare.message).toBeUndefined();
    expect(await listMessages(db, bare.ticket.number, { notes: true })).toHaveLength(0);
  });

  it("builds a ticket's team, an assignee on that team and a product when asked", async () => {
    const db = get().db;
    const { ticket } = await buildTicket(db, { with: ["team", "assignee", "product"] });
    const assignee = await agentStore.get(db, ticket.assigneeId as string);
    expect(ticket.teamId).not.toBeNull();
    expect(assignee?.teamId).toBe(ticket.teamId);
    expect(ticket.productId).not.toBeNull();
  });

  it("reuses the customer, team, assignee and product given", async () => {
    const db = get().db;
    const customer = await buildCustomer(db);
    const assignee = await buildAgent(db, { with: ["team"] });
    const product = await buildProduct(db);
    const before = { customers: await count("customers"), teams: await count("teams"), agents: await count("agents"), products: await count("products") };
    const { ticket } = await buildTicket(db, {
      customerId: customer.id,
      teamId: assignee.teamId as string,
      assigneeId: assignee.id,
      productId: product.id,
      with: ["team", "assignee", "product"],
    });
    expect(ticket).toMatchObject({ customerId: customer.id, teamId: assignee.teamId, assigneeId: assignee.id, productId: product.id });
    expect({ customers: await count("customers"), teams: await count("teams"), agents: await count("agents"), products: await count("products") }).toEqual(
      before,
    );
  });

  it("writes in the unit of work given, at its instant and as its actor, rolling back with it", async () => {
    const db = get().db;
    const now = new Date("2026-05-04T10:00:00Z");
    const { ticket } = await inWork(db, { now, actor: { type: "system" } }, async (work) => {
      const policy = await buildPolicy(work, { calendarId: null });
      expect(await getPolicyRow(work.tx, policy.id)).toBeDefined();
      return buildTicket(work, { with: ["team"] });
    });
    expect(ticket.createdAt).toEqual(now);
    const [created] = await selectRows<{ actor_type: string }>(
      get(),
      sql`select actor_type from ticket_events where ticket_number = ${ticket.number} and type = 'created'`,
    );
    expect(created?.actor_type).toBe("system");

    const customers = await count("customers");
    await expect(
      inWork(db, { now, actor: { type: "system" } }, async (work) => {
        await buildTicket(work);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await count("customers")).toBe(customers);
  });
});
