// What running rules on a ticket reads (the rules themselves come from rules.ts): the rules' fingerprint, the facts their conditions
// read beyond the ticket (its customer and organization, its latest message, the latest customer
// message's triage signals, the acting agent's role and team), the workspace's triage settings,
// and how often a customer wrote lately.

import { and, desc, eq, gte, ne, sql } from "drizzle-orm";
import type { Channel, MessageKind } from "../core/ticket/ticket.js";
import type { AlarmLexicon, TriageSignals } from "../core/triage/signals.js";
import type { Db } from "./database.js";
import { agents, customers, messages, organizations, rules, settings, tickets } from "./schema.js";

/**
 * A fingerprint of the rules table (ids, versions, enabled): equal fingerprints, equal rules. One
 * aggregate over a small table, cheaper than reading and parsing every rule for each change.
 */
export async function rulesFingerprint(db: Db): Promise<string> {
  const [row] = await db.select({ stamp: FINGERPRINT }).from(rules);
  return row?.stamp ?? "";
}

const FINGERPRINT = sql<string>`(select coalesce(md5(string_agg(r.id::text || ':' || r.version || ':' || r.enabled, ',' order by r.id)), '') from rules r)`;

/** What the customer facts are read from: the customer and their organization. */
const CUSTOMER_COLUMNS = {
  name: customers.name,
  email: customers.email,
  language: customers.language,
  orgName: organizations.name,
  segment: organizations.segment,
  domains: organizations.domains,
};

function customerFactsOf(row: {
  name: string;
  email: string | null;
  language: string | null;
  orgName: string | null;
  segment: string | null;
  domains: string[] | null;
}): CustomerFacts {
  return {
    customer: { name: row.name, email: row.email, language: row.language },
    organization: row.orgName === null ? null : { name: row.orgName, segment: row.segment ?? "standard", domains: row.domains ?? [] },
  };
}

const NO_CUSTOMER: CustomerFacts = { customer: { name: "", email: null, language: null }, organization: null };

/**
 * The rules table's fingerprint and a customer's facts in one round trip: what every ticket
 * change reads before its rules run (the rules themselves only when the fingerprint is new).
 */
export async function readRulesAndCustomer(db: Db, customerId: string): Promise<{ stamp: string; customer: CustomerFacts }> {
  const [row] = await db
    .select({ stamp: FINGERPRINT, ...CUSTOMER_COLUMNS })
    .from(customers)
    .leftJoin(organizations, eq(organizations.id, customers.organizationId))
    .where(eq(customers.id, customerId));
  if (!row) return { stamp: await rulesFingerprint(db), customer: NO_CUSTOMER };
  return { stamp: row.stamp, customer: customerFactsOf(row) };
}

/** A ticket's customer and organization as rules read them. */
export interface CustomerFacts {
  customer: { name: string; email: string | null; language: string | null };
  organization: { name: string; segment: string; domains: string[] } | null;
}

/** The customer `customerId` and their organization; one query. */
export async function readCustomerFacts(db: Db, customerId: string): Promise<CustomerFacts> {
  const [row] = await db
    .select(CUSTOMER_COLUMNS)
    .from(customers)
    .leftJoin(organizations, eq(organizations.id, customers.organizationId))
    .where(eq(customers.id, customerId));
  return row ? customerFactsOf(row) : NO_CUSTOMER;
}

/** A ticket's latest message and the triage of its latest triaged customer message; one query. */
export async function readMessageFacts(
  db: Db,
  ticketNumber: number,
): Promise<{ message: { text: string; kind: MessageKind; channel: Channel } | null; triage: TriageSignals | null }> {
  const [latest] = await db
    .select({
      text: messages.bodyText,
      kind: messages.kind,
      channel: messages.channel,
      triage: sql<TriageSignals | null>`(select m.triage from messages m where m.ticket_number = ${ticketNumber} and m.triage is not null order by m.created_at desc, m.id desc limit 1)`,
    })
    .from(messages)
    .where(eq(messages.ticketNumber, ticketNumber))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  if (!latest) return { message: null, triage: null };
  return { message: { text: latest.text, kind: latest.kind as MessageKind, channel: latest.channel as Channel }, triage: latest.triage ?? null };
}

/** An agent's role and team, for `actor.role` and `actor.teamId`. */
export async function readAgentFacts(db: Db, agentId: string): Promise<{ role: string; teamId: string | null } | undefined> {
  const [row] = await db.select({ role: agents.role, teamId: agents.teamId }).from(agents).where(eq(agents.id, agentId));
  return row;
}

/** The workspace's triage settings as stored (either part may be missing). */
export interface StoredTriageSettings {
  threshold?: number;
  alarms?: Partial<AlarmLexicon>;
}

/**
 * How many other tickets the customer opened since `since` (their repeated contacts), and, when
 * asked, the workspace's triage settings in the same statement.
 */
export async function readRecentContacts(
  db: Db,
  props: { customerId: string; exceptNumber: number; since: Date; withSettings: boolean },
): Promise<{ count: number; settings?: StoredTriageSettings | undefined }> {
  const recent = and(eq(tickets.customerId, props.customerId), ne(tickets.number, props.exceptNumber), gte(tickets.createdAt, props.since));
  const [row] = await db
    .select({
      count: sql<number>`(select count(*)::int from ${tickets} where ${recent})`,
      settings: props.withSettings
        ? sql<StoredTriageSettings | null>`(select ${settings.value} from ${settings} where ${settings.key} = 'triage')`
        : sql<null>`null`,
    })
    .from(sql`(select 1) as one`);
  return { count: row?.count ?? 0, ...(props.withSettings ? { settings: row?.settings ?? undefined } : {}) };
}
