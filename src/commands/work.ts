// The unit of work every command runs in: one transaction, the instant the change happens at,
// and who makes it. Callers (API, engine, CLI, channels, the demo) open one and pass it down;
// a command never opens a transaction of its own nor reads the clock.

import type { Db } from "../store/database.js";
import type { Actor } from "../store/events.js";

/** One transaction, its instant and its actor. */
export interface Work {
  /** The transaction (or a savepoint in it) every write of the command goes through. */
  tx: Db;
  /** When the change happens: every stamp and event of the command takes this instant. */
  now: Date;
  /** Who makes the change: its events name them. */
  actor: Actor;
}

/** Runs `command` in a new transaction of `db`, as `actor` at `now`; commits when it returns, rolls back when it throws. */
export async function inWork<T>(db: Db, context: { now: Date; actor: Actor }, command: (work: Work) => Promise<T>): Promise<T> {
  return db.transaction((tx) => command({ tx: tx as unknown as Db, now: context.now, actor: context.actor }));
}
