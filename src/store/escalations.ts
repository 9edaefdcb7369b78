// The human escalation's rows (docs/escalation.md): writing and locking one, a ticket's active
// one and its history, bounce counts per ticket and per agent, the board, the idle ones the
// reminder loop reads, and the workspace's escalation settings.

import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings } from "../core/escalation/handoff.js";
import { rootCauseEntries } from "../core/escalation/rootCauseList.js";
import type { ApprovalLimits } from "../core/escalation/approval.js";
import { getApprovalLimits } from "./approvals.js";
import type { Db } from "./database.js";
import { VersionConflictError } from "./errors.js";
import { escalations, messages, settings, teams, tickets } from "./schema.js";
import { pgTextArray } from "./sql/pgArray.js";
import { rowsOf, selectRows } from "./sql/rows.js";
import { isUuid } from "./sql/uuid.js";

export type Escalation = typeof escalations.$inferSelect;
export type NewEscalation = typeof escalations.$inferInsert;

const ACTIVE = ["open", "accepted"];

/** Writes an escalation; returns it as stored. */
export async function insertEscalation(tx: Db, values: NewEscalation): Promise<Escalation> {
  const [row] = await tx.insert(escalations).values(values).returning();
  return row as Escalation;
}

/** The escalation `id`, locked until `tx` ends; undefined when there is none. */
export async function lockEscalation(tx: Db, id: string): Promise<Escalation | undefined> {
  const [row] = await tx.select().from(escalations).where(eq(escalations.id, id)).for("update");
  return row;
}

/** The escalation `id`, or undefined. */
export async function getEscalation(db: Db, id: string): Promise<Escalation | undefined> {
  const [row] = await db.select().from(escalations).where(eq(escalations.id, id));
  return row;
}

/** Writes `set` on escalation `id`, stamps `now` and bumps its version. */
export async function updateEscalation(tx: Db, id: string, set: Partial<Escalation>, now: Date): Promise<Escalation> {
  const [row] = await tx
    .update(escalations)
    .set({ ...set, updatedAt: now, version: sql`${escalations.version} + 1` })
    .where(eq(escalations.id, id))
    .returning();
  return row as Escalation;
}

/** The ticket's open or accepted escalation (at most one), locked until `tx` ends. */
export async function activeEscalation(tx: Db, ticketNumber: number): Promise<Escalation | undefined> {
  const [row] = await tx
    .select()
    .from(escalations)
    .where(and(eq(escalations.ticketNumber, ticketNumber), inArray(escalations.status, ACTIVE)))
    .for("update");
  return row;
}

/** A ticket's escalations, oldest first. */
export async function ticketEscalations(db: Db, ticketNumber: number): Promise<Escalation[]> {
  return db.select().from(escalations).where(eq(escalations.ticketNumber, ticketNumber)).orderBy(asc(escalations.createdAt), asc(escalations.id));
}

/** How many times the ticket was sent back. */
export async function ticketBounces(db: Db, ticketNumber: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(escalations)
    .where(and(eq(escalations.ticketNumber, ticketNumber), eq(escalations.status, "bounced")));
  return Number(row?.n ?? 0);
}

/** How many of the agent's escalations were sent back. */
export async function agentBounces(db: Db, agentId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(escalations)
    .where(and(eq(escalations.fromAgentId, agentId), eq(escalations.status, "bounced")));
  return Number(row?.n ?? 0);
}

/** Whether an agent already replied to the ticket or wrote a note on it. */
export async function agentWroteOn(db: Db, ticketNumber: number): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(messages)
    .where(and(eq(messages.ticketNumber, ticketNumber), inArray(messages.kind, ["reply", "note"]), sql`${messages.authorAgentId} is not null`));
  return Number(row?.n ?? 0) > 0;
}

/** An escalation on the board: with its ticket's subject and the receiving team's name. */
export interface BoardEscalation extends Escalation {
  subject: string;
  toTeamName: string | null;
}

/** What the board filters on. */
export interface BoardFilter {
  statuses?: readonly string[] | undefined;
  kinds?: readonly string[] | undefined;
  /** The receiving team. */
  teamId?: string | undefined;
  limit: number;
}

/** The escalations the board shows, newest first. */
export async function escalationBoard(db: Db, filter: BoardFilter): Promise<BoardEscalation[]> {
  const where: SQL[] = [];
  if (filter.statuses?.length) where.push(inArray(escalations.status, [...filter.statuses]));
  if (filter.kinds?.length) where.push(inArray(escalations.kind, [...filter.kinds]));
  if (filter.teamId) where.push(eq(escalations.toTeamId, filter.teamId));
  const rows = await db
    .select({ escalation: escalations, subject: tickets.subject, toTeamName: teams.name })
    .from(escalations)
    .innerJoin(tickets, eq(tickets.number, escalations.ticketNumber))
    .leftJoin(teams, eq(teams.id, escalations.toTeamId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(escalations.createdAt), desc(escalations.id))
    .limit(filter.limit);
  return rows.map((r) => ({ ...r.escalation, subject: r.subject, toTeamName: r.toTeamName }));
}

/** An active escalation without activity since `lastActivityAt`, as the reminder loop reads it. */
export interface IdleEscalation {
  id: string;
  ticketNumber: number;
  lastActivityAt: Date;
  remindedAt: Date | null;
}

/**
 * Active escalations whose last activity (the escalation's, its ticket's, or the last reminder)
 * is at least `hours` wall-clock hours before `now`: business hours never outrun wall-clock ones,
 * so these are the only candidates; the caller counts business hours.
 */
export async function idleEscalations(db: Db, now: Date, hours: number, limit = 200): Promise<IdleEscalation[]> {
  const before = new Date(now.getTime() - hours * 3_600_000).toISOString();
  const rows = rowsOf<{ id: string; ticket_number: string | number; last_activity_at: string | Date; reminded_at: string | Date | null }>(
    await db.execute(sql`
      select e.id, e.ticket_number, greatest(e.updated_at, t.updated_at) as last_activity_at, e.reminded_at
        from ${escalations} e join ${tickets} t on t.number = e.ticket_number
       where e.status in ('open', 'accepted')
         and greatest(e.updated_at, t.updated_at, coalesce(e.reminded_at, e.updated_at)) <= ${before}::timestamptz
       order by e.created_at
       limit ${limit}`),
  );
  return rows.map((r) => ({
    id: r.id,
    ticketNumber: Number(r.ticket_number),
    lastActivityAt: new Date(r.last_activity_at),
    remindedAt: r.reminded_at === null ? null : new Date(r.reminded_at),
  }));
}

const ESCALATION = "escalation";

/** The workspace's escalation settings (settings key `escalation`), the defaults where it set none. */
export async function getEscalationSettings(db: Db): Promise<EscalationSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, ESCALATION));
  const own = (row?.value ?? {}) as Partial<EscalationSettings>;
  return {
    ...DEFAULT_ESCALATION_SETTINGS,
    ...own,
    etaMinutes: { ...DEFAULT_ESCALATION_SETTINGS.etaMinutes, ...own.etaMinutes },
    // Rows written before causes had words hold the codes offered; read either form.
    rootCauses: rootCauseEntries(own.rootCauses),
  };
}

/** Where the ticket was before escalation `escalationId` (its `handoff` event says); undefined for an escalation without one. */
export async function handoffOrigin(
  db: Db,
  ticketNumber: number,
  escalationId: string,
): Promise<{ teamId: string | null; assigneeId: string | null; tier: string } | undefined> {
  const rows = rowsOf<{ origin: { teamId: string | null; assigneeId: string | null; tier: string } | null }>(
    await db.execute(sql`
      select data->'from' as origin from ticket_events
       where ticket_number = ${ticketNumber} and type = 'handoff' and data->>'escalationId' = ${escalationId}
       order by id desc limit 1`),
  );
  return rows[0]?.origin ?? undefined;
}

/** Stamps the reminder sent; the escalation's own stamp stays, since a reminder is no activity. */
export async function markReminded(tx: Db, id: string, now: Date): Promise<void> {
  await tx.update(escalations).set({ remindedAt: now }).where(eq(escalations.id, id));
}

/** An agent's escalation figures: how many they made, how many of those were sent back to them, and how many they sent back themselves. */
export interface AgentEscalationCounts {
  agentId: string;
  escalated: number;
  bounced: number;
  sentBack: number;
}

/** How many escalations the agent made, how many of them were sent back, and how many they sent back. */
export async function agentEscalationCounts(db: Db, agentId: string): Promise<Omit<AgentEscalationCounts, "agentId">> {
  const [counts] = await escalationCountsByAgent(db, [agentId]);
  return { escalated: counts?.escalated ?? 0, bounced: counts?.bounced ?? 0, sentBack: counts?.sentBack ?? 0 };
}

/** The escalation figures of each agent of `agentIds` (unknown ids answer zeros), in one query, in the order given. */
export async function escalationCountsByAgent(db: Db, agentIds: readonly string[]): Promise<AgentEscalationCounts[]> {
  const ids = [...new Set(agentIds.filter(isUuid))];
  if (ids.length === 0) return [];
  const rows = await selectRows<{ agent_id: string; escalated: number; bounced: number; sent_back: number }>(
    db,
    sql`select a.id as agent_id,
          (select count(*)::int from escalations e where e.from_agent_id = a.id) as escalated,
          (select count(*)::int from escalations e where e.from_agent_id = a.id and e.status = 'bounced') as bounced,
          (select count(*)::int from escalations e where e.decided_by_id = a.id and e.status = 'bounced') as sent_back
        from unnest(${pgTextArray(ids)}::uuid[]) as a(id)`,
  );
  const byId = new Map(rows.map((r) => [r.agent_id, r]));
  return ids.map((agentId) => {
    const row = byId.get(agentId);
    return { agentId, escalated: Number(row?.escalated ?? 0), bounced: Number(row?.bounced ?? 0), sentBack: Number(row?.sent_back ?? 0) };
  });
}

/** The escalation settings as the admin edits them: the values in force, the approval limits, and the row's version (0 while never changed). */
export type EditableEscalationSettings = EscalationSettings & { approvalLimits: ApprovalLimits; version: number };

/** The workspace's escalation settings with the approval limits and the row's version. */
export async function readEscalationSettings(db: Db): Promise<EditableEscalationSettings> {
  const [row] = await db.select({ version: settings.version }).from(settings).where(eq(settings.key, ESCALATION));
  return { ...(await getEscalationSettings(db)), approvalLimits: await getApprovalLimits(db), version: row?.version ?? 0 };
}

/**
 * Writes a checked change into the `escalation` settings row (each field given replaces the
 * workspace's; the ETA and the limits per urgency and role), under `expectedVersion` when given.
 */
export async function putEscalationSettings(
  tx: Db,
  change: Partial<EscalationSettings> & { approvalLimits?: Partial<ApprovalLimits> },
  now: Date,
  expectedVersion?: number,
): Promise<EditableEscalationSettings> {
  await tx.insert(settings).values({ key: ESCALATION, value: {}, createdAt: now, updatedAt: now, version: 0 }).onConflictDoNothing();
  const [row] = await tx.select().from(settings).where(eq(settings.key, ESCALATION)).for("update");
  const version = row?.version ?? 0;
  if (expectedVersion !== undefined && expectedVersion !== version) throw new VersionConflictError("escalation settings", ESCALATION, expectedVersion, version);
  const stored = (row?.value ?? {}) as Partial<EscalationSettings> & { approvalLimits?: Partial<ApprovalLimits> };
  const value = {
    ...stored,
    ...change,
    ...(change.etaMinutes ? { etaMinutes: { ...stored.etaMinutes, ...change.etaMinutes } } : {}),
    ...(change.approvalLimits ? { approvalLimits: { ...stored.approvalLimits, ...change.approvalLimits } } : {}),
  };
  await tx
    .update(settings)
    .set({ value: value as Record<string, unknown>, updatedAt: now, version: sql`${settings.version} + 1` })
    .where(eq(settings.key, ESCALATION));
  return readEscalationSettings(tx);
}
