// The kinds of background job and the policy each follows: whether a newer job makes a queued
// one pointless, and how a job counts its total when it starts. A new kind is one entry here
// and its runner in the engine.

import { notInArray, sql } from "drizzle-orm";
import type { Db } from "./database.js";
import { tickets } from "./schema.js";

export const JOB_KINDS = ["recompute"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** How the queue treats the jobs of one kind. */
export interface JobKindDefinition {
  kind: JobKind;
  /**
   * Whether a newer job of this kind does all an older one would: queuing one then supersedes
   * the queued ones of its kind, and a running one stops at its next batch when a newer is queued.
   */
  supersedesQueued: boolean;
  /** The job's total, counted in the claiming transaction when it first starts. */
  countTotal(tx: Db): Promise<number>;
}

/** Statuses whose tickets have live SLA clocks to keep in line with the policies. */
export const FINISHED_STATUSES = ["solved", "closed"] as const;

/** The open tickets: what a recompute goes through. */
async function countOpenTickets(tx: Db): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(notInArray(tickets.status, [...FINISHED_STATUSES]));
  return row?.n ?? 0;
}

/** Every kind's definition. */
export const jobKinds: { readonly [K in JobKind]: JobKindDefinition } = {
  // Re-plans every open ticket after a policy or calendar edit: the newest edit is the one that counts.
  recompute: { kind: "recompute", supersedesQueued: true, countTotal: countOpenTickets },
};
