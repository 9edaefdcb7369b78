// Embedded PGlite runs every statement on the process's only thread, one at a time. Its own lock
// hands the database from one waiter to the next within the same turn of the event loop, so
// under load a long chain of queued statements runs back to back while the requests that arrived
// meanwhile wait unread in their sockets: they are not served in turn (a p99 of seconds beside
// a mean well under one). This gate takes the database in arrival order and hands it over on
// the next turn of the event loop, so that what arrived meanwhile joins the queue in its place.

import type { PGlite } from "@electric-sql/pglite";

/** A first-in, first-out lock whose every hand-over waits for the event loop's next turn. */
export class TurnGate {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` once every earlier call has settled, after one turn of the event loop. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.tail.then(nextTurn).then(work);
    this.tail = turn.catch(() => undefined);
    return turn;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Routes `client`'s top-level statements and transactions through one {@link TurnGate}. The
 * statements of a transaction run inside its turn (they go through the transaction's own
 * object, not the client), as PGlite's own lock already required.
 */
export function takeTurns(client: PGlite): PGlite {
  const gate = new TurnGate();
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((...args: Parameters<PGlite["query"]>) => gate.run(() => query(...args))) as PGlite["query"];
  client.exec = ((...args: Parameters<PGlite["exec"]>) => gate.run(() => exec(...args))) as PGlite["exec"];
  client.transaction = ((callback: Parameters<PGlite["transaction"]>[0]) => gate.run(() => transaction(callback))) as PGlite["transaction"];
  return client;
}
