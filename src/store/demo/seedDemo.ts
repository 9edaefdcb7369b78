// Seeds the demo workspace into the real tables in one transaction, with multi-row inserts:
// calendars, teams, agents, SLA policies, organizations, customers, products, tags, then the
// planned tickets with their followers, messages (sanitized bodies), events, search vectors,
// and the SLA clocks and matrix timers their histories leave.

import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { BusinessCalendar, parseCalendar } from "../../core/calendar/index.js";
import { ALWAYS_OPEN } from "../../core/sla/clocks.js";
import { messageBody } from "../../core/message/messageBody.js";
import type { Db } from "../database.js";
import { pgErrorOf } from "../pgError.js";
import { agents, calendars, customers, messages, organizations, products, slaClocks, slaPolicies, tags, teams, ticketEvents, ticketFollowers, tickets, timers } from "../schema.js";
import { searchVector } from "../search.js";
import { planDemoClocks } from "./demoClocks.js";
import { demoPolicies } from "./demoPolicies.js";
import { type DemoIds, planDemoTickets } from "./demoTickets.js";
import {
  AGENTS,
  agentEmail,
  CALENDARS,
  CUSTOMERS,
  DEMO_CUSTOMER_LOGIN,
  DEMO_EMAIL_DOMAIN,
  ORGANIZATIONS,
  PRODUCTS,
  type ProductCode,
  TAGS,
  TEAMS,
  type TeamKey,
} from "./workspace.js";

/** Thrown when the demo workspace is already in the database. */
export class DemoAlreadySeededError extends Error {
  constructor() {
    super(`the demo workspace is already there (agents @${DEMO_EMAIL_DOMAIN}); nothing was changed`);
    this.name = "DemoAlreadySeededError";
  }
}

/** Thrown when something of the demo's (a team name, an e-mail, a product code) is already taken. */
export class DemoConflictError extends Error {
  constructor(detail: string) {
    super(`cannot seed the demo workspace: ${detail}; nothing was changed`);
    this.name = "DemoConflictError";
  }
}

export interface SeedDemoProps {
  /** Every time in the demo lies in the few weeks before this instant. */
  now: Date;
  /** The argon2 hash given to every demo agent and the demo customer (hash once: hashing is slow). */
  passwordHash: string;
}

/** What the seeding wrote. */
export interface DemoSummary {
  teams: number;
  agents: number;
  organizations: number;
  customers: number;
  products: number;
  tickets: number;
  messages: number;
  events: number;
  policies: number;
  clocks: number;
}

// Serializes two processes seeding one PostgreSQL at once (bootstrap uses 7351002).
const SEED_LOCK = 7351003;
// Rows per INSERT: far below PostgreSQL's 65,535 parameters per statement.
const CHUNK = 500;

/** Whether the demo workspace is in the database (a demo agent exists). */
export async function hasDemo(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: agents.id }).from(agents).where(sql`lower(${agents.email}) like ${`%@${DEMO_EMAIL_DOMAIN}`}`).limit(1);
  return row !== undefined;
}

/**
 * Writes the demo workspace; throws DemoAlreadySeededError when it is there already and
 * DemoConflictError when one of its names is taken. All or nothing.
 */
export async function seedDemo(db: Db, props: SeedDemoProps): Promise<DemoSummary> {
  try {
    return await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
      if (await hasDemo(tx)) throw new DemoAlreadySeededError();
      return write(tx, props);
    });
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === "23505") throw new DemoConflictError(pg.detail ?? `a unique value is already taken (${pg.constraint ?? "unknown constraint"})`);
    throw error;
  }
}

async function write(tx: Db, { now, passwordHash }: SeedDemoProps): Promise<DemoSummary> {
  const stamps = { createdAt: now, updatedAt: now };
  const calendarIds = new Map(CALENDARS.map((c) => [c.key, randomUUID()]));
  await tx.insert(calendars).values(
    CALENDARS.map((c) => {
      parseCalendar(c.spec); // a broken demo calendar is a bug: fail loudly
      return { id: calendarIds.get(c.key) as string, name: c.name, spec: c.spec, ...stamps };
    }),
  );

  const teamIds = new Map<TeamKey, string>(TEAMS.map((t) => [t.key, randomUUID()]));
  await tx.insert(teams).values(TEAMS.map((t) => ({ id: teamIds.get(t.key) as string, name: t.name, email: t.email, calendarId: calendarIds.get(t.calendar) ?? null, ...stamps })));

  const agentIds = new Map(AGENTS.map((a) => [a.login, randomUUID()]));
  await tx.insert(agents).values(
    AGENTS.map((a) => ({
      id: agentIds.get(a.login) as string,
      name: a.name,
      email: agentEmail(a.login),
      role: a.role,
      teamId: a.team ? (teamIds.get(a.team) ?? null) : null,
      managerId: a.manager ? (agentIds.get(a.manager) ?? null) : null,
      region: a.region,
      languages: a.languages,
      skills: a.skills,
      capacity: a.capacity,
      locale: a.locale,
      passwordHash,
      ...stamps,
    })),
  );
  for (const team of TEAMS) {
    const lead = AGENTS.find((a) => a.team === team.key && a.role === "team_lead");
    if (lead) await tx.update(teams).set({ leadId: agentIds.get(lead.login) ?? null }).where(sql`${teams.id} = ${teamIds.get(team.key)}`);
  }

  const policies = demoPolicies({ calendars: calendarIds, agents: agentIds });
  await tx.insert(slaPolicies).values(policies.map((p) => ({ ...p, ...stamps })));

  const organizationIds = new Map(ORGANIZATIONS.map((o) => [o.name, randomUUID()]));
  await tx.insert(organizations).values(ORGANIZATIONS.map((o) => ({ id: organizationIds.get(o.name) as string, name: o.name, segment: o.segment, domains: o.domains, ...stamps })));

  const customerIds = new Map(CUSTOMERS.map((c) => [c.email, randomUUID()]));
  await tx.insert(customers).values(
    CUSTOMERS.map((c) => ({
      id: customerIds.get(c.email) as string,
      name: c.name,
      email: c.email,
      phone: c.phone ?? null,
      social: c.social ?? {},
      language: c.language,
      organizationId: c.organization ? (organizationIds.get(c.organization) ?? null) : null,
      passwordHash: c.email === DEMO_CUSTOMER_LOGIN ? passwordHash : null,
      ...stamps,
    })),
  );

  const productIds = new Map<ProductCode, string>(PRODUCTS.map((p) => [p.code, randomUUID()]));
  await tx.insert(products).values(PRODUCTS.map((p) => ({ id: productIds.get(p.code) as string, name: p.name, code: p.code, ...stamps })));
  await tx.insert(tags).values(TAGS.map((t) => ({ ...t, createdAt: now }))).onConflictDoNothing();

  const ids: DemoIds = { agents: agentIds, customers: customerIds, teams: teamIds, products: productIds };
  const planned = planDemoTickets(now, ids);
  // Numbers from the tickets' own sequence, in creation order: tickets created later through
  // the API continue after them.
  const numbers = (
    await selectRows<{ n: string | number }>(tx, sql`select nextval(pg_get_serial_sequence('tickets', 'number')) as n from generate_series(1, ${planned.length})`)
  )
    .map((row) => Number(row.n))
    .sort((a, b) => a - b);

  const ticketRows = planned.map((t, i) => ({
    number: numbers[i] as number,
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    tier: t.tier,
    channel: t.channel,
    language: t.language,
    productId: t.productId,
    customerId: t.customerId,
    teamId: t.teamId,
    assigneeId: t.assigneeId,
    tags: t.tags,
    customFields: t.customFields,
    firstResponseAt: t.firstResponseAt,
    lastCustomerMessageAt: t.lastCustomerMessageAt,
    lastAgentMessageAt: t.lastAgentMessageAt,
    solvedAt: t.solvedAt,
    closedAt: t.closedAt,
    // As the store builds it: the subject weighted A, the messages B, stemmed in the ticket's language.
    search: sql`${searchVector(t.subject, t.language, "A")} || ${searchVector(t.messages.map((m) => m.text).join("\n\n"), t.language, "B")}` as unknown as string,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    version: t.version,
  }));
  for (const chunk of chunks(ticketRows)) await tx.insert(tickets).overridingSystemValue().values(chunk);

  const followerRows = planned.flatMap((t, i) => t.followers.map((agentId) => ({ ticketNumber: numbers[i] as number, agentId })));
  for (const chunk of chunks(followerRows)) await tx.insert(ticketFollowers).values(chunk);

  const messageRows: (typeof messages.$inferInsert)[] = [];
  const eventRows: (typeof ticketEvents.$inferInsert)[] = [];
  planned.forEach((t, i) => {
    const ticketNumber = numbers[i] as number;
    const messageIds = t.messages.map((m) => {
      const id = randomUUID();
      const body = messageBody({ text: m.text });
      messageRows.push({
        id,
        ticketNumber,
        kind: m.kind,
        authorAgentId: m.authorAgentId,
        authorCustomerId: m.authorCustomerId,
        channel: t.channel,
        bodyText: body.text,
        bodyHtml: body.html,
        createdAt: m.at,
      });
      return id;
    });
    for (const e of t.events) {
      const message = e.message === undefined ? undefined : t.messages[e.message];
      eventRows.push({
        ticketNumber,
        at: e.at,
        actorType: e.actor.type,
        actorId: e.actor.id ?? null,
        type: e.type,
        changes: e.changes,
        reason: e.reason,
        data: e.message === undefined || !message ? {} : { messageId: messageIds[e.message], kind: message.kind },
      });
    }
  });
  for (const chunk of chunks(messageRows)) await tx.insert(messages).values(chunk);
  // In timeline order: a ticket's events are read back by id.
  for (const chunk of chunks(eventRows)) await tx.insert(ticketEvents).values(chunk);

  const parsed = new Map(CALENDARS.map((c) => [calendarIds.get(c.key) as string, new BusinessCalendar(parseCalendar(c.spec))]));
  const segments = new Map(ORGANIZATIONS.map((o) => [o.name, o.segment]));
  const factsOf = new Map(
    CUSTOMERS.map((c) => [customerIds.get(c.email) as string, { organizationId: c.organization ? (organizationIds.get(c.organization) ?? null) : null, segment: c.organization ? (segments.get(c.organization) ?? null) : null }]),
  );
  const clockRows = planDemoClocks({
    tickets: planned.map((ticket, i) => ({ number: numbers[i] as number, ticket, facts: factsOf.get(ticket.customerId) ?? { organizationId: null, segment: null } })),
    policies,
    calendar: (id) => (id === null ? ALWAYS_OPEN : (parsed.get(id) as BusinessCalendar)),
    now,
  });
  for (const chunk of chunks(clockRows.clocks)) await tx.insert(slaClocks).values(chunk);
  for (const chunk of chunks(clockRows.timers)) await tx.insert(timers).values(chunk);

  return {
    teams: TEAMS.length,
    agents: AGENTS.length,
    organizations: ORGANIZATIONS.length,
    customers: CUSTOMERS.length,
    products: PRODUCTS.length,
    tickets: ticketRows.length,
    messages: messageRows.length,
    events: eventRows.length,
    policies: policies.length,
    clocks: clockRows.clocks.length,
  };
}

function chunks<T>(rows: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) result.push(rows.slice(i, i + CHUNK));
  return result;
}

async function selectRows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
