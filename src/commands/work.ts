// The unit of work every command runs in: one transaction, the instant the change happens at,
// who makes it, and what the transaction has read already. Callers (API, engine, CLI, channels,
// the demo) open one and pass it down; a command never opens a transaction nor reads the clock.

import type { Db } from "../store/database.js";
import type { Actor } from "../core/events/actor.js";
import { type ClockCache, clockCache } from "./sla/clockCache.js";

/** One transaction, its instant, its actor and its caches. */
export interface Work {
  /** The transaction (or a savepoint in it) every write of the command goes through. */
  tx: Db;
  /** When the change happens: every stamp and event of the command takes this instant. */
  now: Date;
  /** Who makes the change: its events name them. */
  actor: Actor;
  /** Policies, calendars, customers and clocks this transaction has read or written (see ClockCache). */
  clocks: ClockCache;
}

/** Runs `command` in a new transaction of `db`, as `actor` at `now`; commits when it returns, rolls back when it throws. */
export async function inWork<T>(db: Db, context: { now: Date; actor: Actor }, command: (work: Work) => Promise<T>): Promise<T> {
  return db.transaction((tx) => command(workIn(tx as unknown as Db, context)));
}

/** A unit of work over a transaction its caller already holds (with a cache of its own). */
export function workIn(tx: Db, context: { now: Date; actor: Actor }): Work {
  return { tx, now: context.now, actor: context.actor, clocks: clockCache() };
}

/**
 * Runs `command` in a savepoint of `work`, sharing its cache: a failure rolls back only what
 * the command wrote (and its caller decides whether the unit of work goes on).
 */
export async function inSavepoint<T>(work: Work, command: (work: Work) => Promise<T>): Promise<T> {
  return work.tx.transaction((sp) => command({ ...work, tx: sp as unknown as Db }));
}
