// Background jobs with visible progress (table `jobs`), such as recomputing the open tickets
// after an SLA policy or a calendar changes. A job is queued in the transaction of the change
// that needs it, so no worker can run it before that change is committed; each kind's policy
// (jobKinds.ts) says whether a newer job supersedes a queued one. Workers claim with SKIP LOCKED
// and a lease.

import { and, desc, eq, gt, lt, ne, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "./database.js";
import { FINISHED_STATUSES, type JobKind, jobKinds } from "./jobKinds.js";
import { jobs, tickets } from "./schema.js";
import { isUuid } from "./sql/uuid.js";

export type Job = typeof jobs.$inferSelect;
export type { JobKind } from "./jobKinds.js";
export { FINISHED_STATUSES } from "./jobKinds.js";

/** The `error` of a job that a newer one made pointless (it stays `done` with what it did). */
export const supersededBy = (id: string) => `superseded by job ${id}`;

/**
 * Queues a job of `kind` because of `reason`, in the caller's transaction. When the kind's
 * policy says a newer job supersedes, the queued jobs of that kind that have not started are
 * marked done, superseded by this one. Returns the new job.
 */
export async function queueJob(tx: Db, kind: JobKind, reason: string, now: Date): Promise<Job> {
  const [job] = await tx.insert(jobs).values({ kind, reason, createdAt: now }).returning();
  const queued = job as Job;
  if (jobKinds[kind].supersedesQueued) {
    await tx
      .update(jobs)
      .set({ state: "done", error: supersededBy(queued.id), finishedAt: now })
      .where(and(eq(jobs.kind, kind), eq(jobs.state, "queued"), ne(jobs.id, queued.id)));
  }
  return queued;
}

/** Queues a recompute of every open ticket because of `reason` (a newer one supersedes it while queued). */
export async function queueRecompute(tx: Db, reason: string, now: Date): Promise<Job> {
  return queueJob(tx, "recompute", reason, now);
}

/** One job by id, or undefined (also for a malformed id). */
export async function getJob(db: Db, id: string): Promise<Job | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

/** The latest jobs first, optionally of one kind. */
export async function listJobs(db: Db, props: { kind?: JobKind; limit?: number } = {}): Promise<Job[]> {
  const limit = Math.min(Math.max(props.limit ?? 20, 1), 200);
  return db
    .select()
    .from(jobs)
    .where(props.kind ? eq(jobs.kind, props.kind) : undefined)
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(limit);
}

/**
 * Claims a job of `kind` to run: a queued one, else a running one whose worker's lease ran out
 * (it resumes at its cursor). Sets it running with a lease until `now + leaseMs`; a first start
 * counts its total as the kind says. Undefined when there is nothing to do.
 */
export async function claimJob(db: Db, kind: JobKind, now: Date, leaseMs: number): Promise<Job | undefined> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const [candidate] = await tx
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, kind), or(eq(jobs.state, "queued"), and(eq(jobs.state, "running"), lt(jobs.leaseUntil, now)))))
      .orderBy(sql`${jobs.state} = 'queued' desc`, jobs.createdAt)
      .limit(1)
      .for("update", { skipLocked: true });
    if (!candidate) return undefined;
    const total = candidate.state === "queued" ? await jobKinds[kind].countTotal(tx) : candidate.total;
    const [claimed] = await tx
      .update(jobs)
      .set({ state: "running", total, startedAt: candidate.startedAt ?? now, leaseUntil: new Date(now.getTime() + leaseMs) })
      .where(eq(jobs.id, candidate.id))
      .returning();
    return claimed;
  });
}

/** Claims a recompute job to run (see {@link claimJob}). */
export async function claimRecompute(db: Db, now: Date, leaseMs: number): Promise<Job | undefined> {
  return claimJob(db, "recompute", now, leaseMs);
}

/**
 * Locks a running job in `tx` for one batch: the job, or undefined when it is no longer this
 * worker's to run (finished, or failed meanwhile). For a kind whose newer jobs supersede, a
 * queued job of the same kind means a newer change: the running one is marked superseded and
 * undefined is returned.
 */
export async function lockRunningJob(tx: Db, id: string, now: Date): Promise<Job | undefined> {
  const [job] = await tx.select().from(jobs).where(eq(jobs.id, id)).for("update");
  if (!job || job.state !== "running") return undefined;
  if (!jobKinds[job.kind as JobKind]?.supersedesQueued) return job;
  const [newer] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, job.kind), eq(jobs.state, "queued")))
    .limit(1);
  if (newer) {
    await tx
      .update(jobs)
      .set({ state: "done", error: supersededBy(newer.id), finishedAt: now, leaseUntil: null })
      .where(eq(jobs.id, id));
    return undefined;
  }
  return job;
}

/** The numbers of the next `limit` open tickets after `cursor`, in order. */
export async function openTicketsAfter(tx: Db, cursor: number, limit: number): Promise<number[]> {
  const rows = await tx
    .select({ number: tickets.number })
    .from(tickets)
    .where(and(gt(tickets.number, cursor), notInArray(tickets.status, [...FINISHED_STATUSES])))
    .orderBy(tickets.number)
    .limit(limit);
  return rows.map((r) => r.number);
}

/** Records a batch: `cursor` moves to the last ticket done, `done` grows, the lease is renewed. */
export async function recordBatch(tx: Db, id: string, props: { cursor: number; count: number; leaseUntil: Date }): Promise<void> {
  await tx
    .update(jobs)
    .set({ cursor: props.cursor, done: sql`${jobs.done} + ${props.count}`, leaseUntil: props.leaseUntil })
    .where(eq(jobs.id, id));
}

/**
 * Completes a running job: `done`, its total set to what was done (tickets solved meanwhile
 * were not needed, tickets opened meanwhile were done too); `note` (tickets that could not be
 * done) goes into `error`.
 */
export async function completeJob(db: Db, id: string, now: Date, note: string | null = null): Promise<void> {
  await db
    .update(jobs)
    .set({ state: "done", total: sql`${jobs.done}`, error: note, finishedAt: now, leaseUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.state, "running")));
}

/** Marks a running job failed with its error. */
export async function failJob(db: Db, id: string, now: Date, error: string): Promise<void> {
  await db
    .update(jobs)
    .set({ state: "failed", error, finishedAt: now, leaseUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.state, "running")));
}

/** Completes a running job, or fails it when `error` is given. */
export async function finishJob(db: Db, id: string, now: Date, error?: string): Promise<void> {
  await (error === undefined ? completeJob(db, id, now) : failJob(db, id, now, error));
}
