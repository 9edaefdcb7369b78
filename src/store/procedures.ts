// Guided procedures as stored: the procedures (list, read, write, delete with their version), the
// ones a ticket's tags and team call for, and a ticket's progress through each.

import { and, asc, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { ProcedureSpec } from "../core/procedure/procedure.js";
import type { ProcedureProgress } from "../core/procedure/progress.js";
import type { Db } from "./database.js";
import { NotFoundError, VersionConflictError } from "./errors.js";
import { kbArticles, procedures, teams, ticketProcedures } from "./schema.js";
import { isUuid } from "./sql/uuid.js";

export type ProcedureRow = typeof procedures.$inferSelect;
export type TicketProcedureRow = typeof ticketProcedures.$inferSelect;

/** Stores a new, checked procedure. */
export async function insertProcedure(db: Db, spec: ProcedureSpec, now: Date): Promise<ProcedureRow> {
  const [row] = await db
    .insert(procedures)
    .values({ ...spec, createdAt: now, updatedAt: now })
    .returning();
  return row!;
}

/** The procedure `id`, or undefined. */
export async function getProcedure(db: Db, id: string): Promise<ProcedureRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(procedures).where(eq(procedures.id, id));
  return row;
}

/** Procedures by request type, then creation; `teamId` keeps one team's and the workspace-wide ones. */
export async function listProcedures(db: Db, filter: { teamId?: string | undefined; requestType?: string | undefined } = {}): Promise<ProcedureRow[]> {
  const where: SQL[] = [];
  if (filter.teamId !== undefined)
    where.push(isUuid(filter.teamId) ? or(isNull(procedures.teamId), eq(procedures.teamId, filter.teamId))! : isNull(procedures.teamId));
  if (filter.requestType !== undefined) where.push(eq(procedures.requestType, filter.requestType.trim().toLowerCase()));
  return db
    .select()
    .from(procedures)
    .where(and(...where))
    .orderBy(asc(procedures.requestType), asc(procedures.createdAt), asc(procedures.id));
}

/** Replaces a procedure with a checked one; throws NotFoundError, or VersionConflictError when `expectedVersion` is stale. */
export async function replaceProcedure(db: Db, id: string, spec: ProcedureSpec, now: Date, expectedVersion?: number): Promise<ProcedureRow> {
  const current = await lockProcedure(db, id, expectedVersion);
  const [row] = await db
    .update(procedures)
    .set({ ...spec, updatedAt: now, version: current.version + 1 })
    .where(eq(procedures.id, id))
    .returning();
  return row!;
}

/** Deletes a procedure and every ticket's progress on it; throws NotFoundError or VersionConflictError. */
export async function deleteProcedure(db: Db, id: string, expectedVersion?: number): Promise<void> {
  await lockProcedure(db, id, expectedVersion);
  await db.delete(procedures).where(eq(procedures.id, id));
}

async function lockProcedure(db: Db, id: string, expectedVersion: number | undefined): Promise<{ version: number }> {
  if (!isUuid(id)) throw new NotFoundError("procedure", id);
  const [row] = await db.select({ version: procedures.version }).from(procedures).where(eq(procedures.id, id)).for("update");
  if (!row) throw new NotFoundError("procedure", id);
  if (expectedVersion !== undefined && expectedVersion !== row.version) throw new VersionConflictError("procedure", id, expectedVersion, row.version);
  return row;
}

/** The procedures a ticket of `tags` in team `teamId` calls for, in the list's order. */
export async function proceduresFor(db: Db, ticket: { tags: readonly string[]; teamId: string | null }): Promise<ProcedureRow[]> {
  if (ticket.tags.length === 0) return [];
  const team = ticket.teamId ? or(isNull(procedures.teamId), eq(procedures.teamId, ticket.teamId))! : isNull(procedures.teamId);
  return db
    .select()
    .from(procedures)
    .where(and(inArray(procedures.requestType, [...ticket.tags]), team))
    .orderBy(asc(procedures.requestType), asc(procedures.createdAt), asc(procedures.id));
}

/** A ticket's progress rows by procedure id. */
export async function ticketProgress(db: Db, ticketNumber: number): Promise<Map<string, TicketProcedureRow>> {
  const rows = await db.select().from(ticketProcedures).where(eq(ticketProcedures.ticketNumber, ticketNumber));
  return new Map(rows.map((row) => [row.procedureId, row]));
}

/** Writes a ticket's progress on one procedure (created the first time, its version bumped after). */
export async function saveProgress(
  db: Db,
  props: {
    ticketNumber: number;
    procedureId: string;
    progress: ProcedureProgress;
    agentId: string | null;
    now: Date;
    previous: TicketProcedureRow | undefined;
  },
): Promise<TicketProcedureRow> {
  const { ticketNumber, procedureId, progress, agentId, now, previous } = props;
  const values = { done: progress.done, values: progress.values, updatedById: agentId, updatedAt: now };
  if (previous) {
    const [row] = await db
      .update(ticketProcedures)
      .set({ ...values, version: previous.version + 1 })
      .where(and(eq(ticketProcedures.ticketNumber, ticketNumber), eq(ticketProcedures.procedureId, procedureId)))
      .returning();
    return row!;
  }
  const [row] = await db
    .insert(ticketProcedures)
    .values({ ticketNumber, procedureId, ...values, createdAt: now })
    .returning();
  return row!;
}

/** Which of a procedure's references exist: its team, and the knowledge-base articles its steps link to. */
export async function existingReferences(
  db: Db,
  refs: { teamId: string | null; articleIds: readonly string[] },
): Promise<{ team: boolean; articles: Set<string> }> {
  const team = refs.teamId === null ? true : (await db.select({ id: teams.id }).from(teams).where(eq(teams.id, refs.teamId))).length > 0;
  const ids = [...new Set(refs.articleIds.filter(isUuid))];
  const articles = ids.length === 0 ? [] : await db.select({ id: kbArticles.id }).from(kbArticles).where(inArray(kbArticles.id, ids));
  return { team, articles: new Set(articles.map((a) => a.id)) };
}
