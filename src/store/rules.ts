// Rule rows: list (in position order, all or the enabled ones), read, insert at a position,
// update, delete and reorder, under one advisory lock that serializes rule writes; the ids a rule
// may name; database errors named by field.

import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { KnownIds } from "../core/rules/validate.js";
import type { Channel, MessageKind } from "../core/ticket/ticket.js";
import type { Ticket } from "../core/ticket/ticketRecord.js";
import type { TriageSignals } from "../core/triage/signals.js";
import type { Rule, RuleDefinition, RuleTrigger } from "../core/rules/rule.js";
import type { Db } from "./database.js";
import { DuplicateError } from "./errors.js";
import { pgErrorOf } from "./pgError.js";
import { agents, calendars, customers, messages, organizations, rules, slaPolicies, teams, tickets } from "./schema.js";
import { presentTicket } from "./tickets/ticketRows.js";

/** A stored rule with its stamps. */
export interface RuleRow extends Rule {
  createdAt: Date;
  updatedAt: Date;
}

// Serializes rule writes: positions are kept dense across rows.
const RULES_LOCK = 7351020;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` can be a rule's id (a malformed one is no rule rather than a database error). */
export function isRuleId(id: string): boolean {
  return UUID.test(id);
}

type Stored = typeof rules.$inferSelect;

function ruleOf(row: Stored): RuleRow {
  const rule: RuleRow = {
    id: row.id,
    name: row.name,
    position: row.position,
    enabled: row.enabled,
    triggers: row.triggers as RuleTrigger[],
    conditions: row.conditions,
    actions: row.actions,
    stop: row.stop,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  if (row.time) rule.time = row.time;
  return rule;
}

/** The columns of a definition; a rule without `time` stores null. */
function columnsOf(definition: Partial<RuleDefinition>) {
  const { time, ...rest } = definition;
  return "time" in definition ? { ...rest, time: time ?? null } : rest;
}

/** Every rule, in the order they run (position, then name). */
export async function listRules(db: Db): Promise<RuleRow[]> {
  return (await db.select().from(rules).orderBy(asc(rules.position), asc(rules.name))).map(ruleOf);
}

/** The enabled rules, in the order they run: what running rules reads. */
export async function listEnabledRules(db: Db): Promise<RuleRow[]> {
  return (await db.select().from(rules).where(eq(rules.enabled, true)).orderBy(asc(rules.position), asc(rules.name))).map(ruleOf);
}

/** One rule, or undefined (also for a malformed id). */
export async function getRule(db: Db, id: string): Promise<RuleRow | undefined> {
  if (!isRuleId(id)) return undefined;
  const [row] = await db.select().from(rules).where(eq(rules.id, id));
  return row ? ruleOf(row) : undefined;
}

/** Takes the lock that serializes rule writes, until `tx` ends. */
export async function lockRules(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${RULES_LOCK})`);
}

/** One rule, locked until `tx` ends, or undefined (also for a malformed id). */
export async function lockRule(tx: Db, id: string): Promise<RuleRow | undefined> {
  if (!isRuleId(id)) return undefined;
  const [row] = await tx.select().from(rules).where(eq(rules.id, id)).for("update");
  return row ? ruleOf(row) : undefined;
}

/**
 * Inserts a rule at `position` (0 first; absent or past the end: last), moving the rules from
 * there one place down.
 */
export async function insertRule(tx: Db, definition: RuleDefinition, now: Date, position?: number): Promise<RuleRow> {
  const [last] = await tx.select({ count: sql<number>`count(*)::int` }).from(rules);
  const count = last?.count ?? 0;
  const at = position === undefined || position > count ? count : Math.max(0, position);
  if (at < count) {
    await tx
      .update(rules)
      .set({ position: sql`${rules.position} + 1`, version: sql`${rules.version} + 1`, updatedAt: now })
      .where(gte(rules.position, at));
  }
  const [row] = await tx
    .insert(rules)
    .values({ ...definition, time: definition.time ?? null, position: at, createdAt: now, updatedAt: now })
    .returning();
  return ruleOf(row as Stored);
}

/** Writes `changed` on rule `id`, stamps `now` and bumps its version. */
export async function updateRule(tx: Db, id: string, changed: Partial<RuleDefinition>, now: Date): Promise<RuleRow> {
  const [row] = await tx
    .update(rules)
    .set({ ...columnsOf(changed), updatedAt: now, version: sql`${rules.version} + 1` })
    .where(eq(rules.id, id))
    .returning();
  return ruleOf(row as Stored);
}

/** Deletes rule `id` (its timers go with it) and closes the gap it leaves in the order. */
export async function deleteRule(tx: Db, id: string, now: Date): Promise<boolean> {
  const [gone] = await tx.delete(rules).where(eq(rules.id, id)).returning({ position: rules.position });
  if (!gone) return false;
  await tx
    .update(rules)
    .set({ position: sql`${rules.position} - 1`, version: sql`${rules.version} + 1`, updatedAt: now })
    .where(gte(rules.position, gone.position));
  return true;
}

/** Moves rules to new positions in one statement, bumping their versions. */
export async function moveRules(tx: Db, moved: readonly { id: string; position: number }[], now: Date): Promise<void> {
  if (moved.length === 0) return;
  await tx.execute(sql`
    update rules r set position = m.position, version = r.version + 1, updated_at = ${now}
    from unnest(${sql.param(moved.map((m) => m.id))}::uuid[], ${sql.param(moved.map((m) => m.position))}::int[]) as m(id, position)
    where r.id = m.id`);
}

/** The teams, agents, SLA policies and calendars among the ids a rule names: what validation checks against. */
export async function knownIds(db: Db, wanted: { teamIds: string[]; agentIds: string[]; policyIds: string[]; calendarIds: string[] }): Promise<KnownIds> {
  const uuids = (ids: string[]) => [...new Set(ids.filter(isRuleId).map((id) => id.toLowerCase()))];
  const found = async (ids: string[], read: (ids: string[]) => Promise<{ id: string }[]>) => {
    const valid = uuids(ids);
    return new Set(valid.length === 0 ? [] : (await read(valid)).map((row) => row.id));
  };
  return {
    teamIds: await found(wanted.teamIds, (ids) => db.select({ id: teams.id }).from(teams).where(inArray(teams.id, ids))),
    agentIds: await found(wanted.agentIds, (ids) => db.select({ id: agents.id }).from(agents).where(inArray(agents.id, ids))),
    policyIds: await found(wanted.policyIds, (ids) => db.select({ id: slaPolicies.id }).from(slaPolicies).where(inArray(slaPolicies.id, ids))),
    calendarIds: await found(wanted.calendarIds, (ids) => db.select({ id: calendars.id }).from(calendars).where(inArray(calendars.id, ids))),
  };
}

/** A database error of a rule write as the error naming its field (a duplicate name); any other error as it is. */
export function ruleWriteError(error: unknown): unknown {
  const pg = pgErrorOf(error);
  if (pg?.code === "23505" && pg.constraint === "rules_name_key") return new DuplicateError("name", "is already the name of another rule");
  return error;
}

/** A ticket with what a rule reads about it besides the event: its customer, organization and latest messages. */
export interface TicketForRules {
  ticket: Ticket;
  customer: { name: string; email: string | null; language: string | null; organizationId: string | null };
  organization: { id: string; name: string; segment: string; domains: string[] } | null;
  /** The latest message of any kind. */
  message: { text: string; kind: MessageKind; channel: Channel } | null;
  /** The triage signals of the latest customer message, null when it has none (or there is none). */
  triage: TriageSignals | null;
}

/**
 * The `limit` most recently updated tickets, newest first, each with what rules read about it, in
 * four queries whatever the limit. Followers are not read (no rule field reads them).
 */
export async function recentTicketsForRules(db: Db, limit: number): Promise<TicketForRules[]> {
  const rows = await db.select().from(tickets).orderBy(desc(tickets.updatedAt), desc(tickets.number)).limit(limit);
  if (rows.length === 0) return [];
  const numbers = rows.map((row) => row.number);
  const customerIds = [...new Set(rows.map((row) => row.customerId))];
  const people = await db
    .select({
      id: customers.id,
      name: customers.name,
      email: customers.email,
      language: customers.language,
      organizationId: customers.organizationId,
      orgName: organizations.name,
      segment: organizations.segment,
      domains: organizations.domains,
    })
    .from(customers)
    .leftJoin(organizations, eq(organizations.id, customers.organizationId))
    .where(inArray(customers.id, customerIds));
  const latest = await db
    .selectDistinctOn([messages.ticketNumber], { ticketNumber: messages.ticketNumber, text: messages.bodyText, kind: messages.kind, channel: messages.channel })
    .from(messages)
    .where(inArray(messages.ticketNumber, numbers))
    .orderBy(messages.ticketNumber, desc(messages.createdAt), desc(messages.id));
  const triaged = await db
    .selectDistinctOn([messages.ticketNumber], { ticketNumber: messages.ticketNumber, triage: messages.triage })
    .from(messages)
    .where(and(inArray(messages.ticketNumber, numbers), eq(messages.kind, "customer")))
    .orderBy(messages.ticketNumber, desc(messages.createdAt), desc(messages.id));
  const byCustomer = new Map(people.map((p) => [p.id, p]));
  const byTicket = new Map(latest.map((m) => [m.ticketNumber, m]));
  const triageByTicket = new Map(triaged.map((m) => [m.ticketNumber, m.triage ?? null]));
  return rows.map((row) => {
    const person = byCustomer.get(row.customerId);
    const message = byTicket.get(row.number);
    return {
      ticket: presentTicket(row, []),
      customer: { name: person?.name ?? "", email: person?.email ?? null, language: person?.language ?? null, organizationId: person?.organizationId ?? null },
      organization:
        person?.organizationId && person.orgName !== null
          ? { id: person.organizationId, name: person.orgName, segment: person.segment ?? "standard", domains: person.domains ?? [] }
          : null,
      message: message ? { text: message.text, kind: message.kind as MessageKind, channel: message.channel as Channel } : null,
      triage: triageByTicket.get(row.number) ?? null,
    };
  });
}
