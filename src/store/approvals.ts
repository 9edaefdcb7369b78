// Approval rows (docs/escalation.md): writing one, locking it, a ticket's approvals, and the
// workspace's limits per role (settings key `escalation`, `approvalLimits`).

import { asc, eq, sql } from "drizzle-orm";
import { type ApprovalLimits, DEFAULT_APPROVAL_LIMITS } from "../core/escalation/approval.js";
import type { Db } from "./database.js";
import { approvals, settings } from "./schema.js";

export type Approval = typeof approvals.$inferSelect;

/** Writes an approval; returns it as stored. */
export async function insertApproval(tx: Db, values: typeof approvals.$inferInsert): Promise<Approval> {
  const [row] = await tx.insert(approvals).values(values).returning();
  return row as Approval;
}

/** The approval `id`, locked until `tx` ends; undefined when there is none. */
export async function lockApproval(tx: Db, id: string): Promise<Approval | undefined> {
  const [row] = await tx.select().from(approvals).where(eq(approvals.id, id)).for("update");
  return row;
}

/** Writes `set` on approval `id`, stamps `now` and bumps its version. */
export async function updateApproval(tx: Db, id: string, set: Partial<Approval>, now: Date): Promise<Approval> {
  const [row] = await tx
    .update(approvals)
    .set({ ...set, updatedAt: now, version: sql`${approvals.version} + 1` })
    .where(eq(approvals.id, id))
    .returning();
  return row as Approval;
}

/** A ticket's approvals, oldest first. */
export async function ticketApprovals(db: Db, ticketNumber: number): Promise<Approval[]> {
  return db.select().from(approvals).where(eq(approvals.ticketNumber, ticketNumber)).orderBy(asc(approvals.createdAt), asc(approvals.id));
}

/** The most each role grants alone, the defaults where the workspace set none. */
export async function getApprovalLimits(db: Db): Promise<ApprovalLimits> {
  const [row] = await db.select().from(settings).where(eq(settings.key, "escalation"));
  const own = (row?.value as { approvalLimits?: Partial<ApprovalLimits> } | undefined)?.approvalLimits ?? {};
  return { ...DEFAULT_APPROVAL_LIMITS, ...own };
}
