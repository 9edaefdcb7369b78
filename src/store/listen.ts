// Database notifications (LISTEN/NOTIFY): how workers and live streams learn that something was
// written. PostgreSQL: a dedicated connection, reopened after a failure; PGlite: in process.

import pg from "pg";
import type { Database } from "./database.js";

/** A live subscription to a channel. */
export interface Subscription {
  close(): Promise<void>;
}

export interface ListenOptions {
  /**
   * Called after a lost PostgreSQL connection is back: notifications sent meanwhile were
   * missed, so the listener should look for work as if it had been notified.
   */
  onReconnect?: () => void;
  /** Called with connection failures (the subscription keeps trying). */
  onError?: (error: Error) => void;
}

/** First wait before reopening a lost PostgreSQL listener; it doubles up to a minute. */
const RECONNECT_MS = 1000;
const RECONNECT_MAX_MS = 60_000;

/**
 * Calls `onNotify` with the payload of every NOTIFY on `channel` (delivered after the sending
 * transaction commits). Resolves once listening, so that a NOTIFY sent afterwards is seen.
 */
export async function listen(database: Database, channel: string, onNotify: (payload: string) => void, options: ListenOptions = {}): Promise<Subscription> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`"${channel}" is not a channel name (lower-case letters, digits, _)`);
  if (database.kind === "pglite") {
    if (!database.pglite) throw new Error("this PGlite store does not expose its client");
    const unlisten = await database.pglite.listen(channel, onNotify);
    return { close: () => unlisten() };
  }
  return listenPostgres(database, channel, onNotify, options);
}

async function listenPostgres(database: Database, channel: string, onNotify: (payload: string) => void, options: ListenOptions): Promise<Subscription> {
  const pool = (database.db as unknown as { $client?: pg.Pool }).$client;
  if (!pool?.options) throw new Error("this PostgreSQL store does not expose its pool");
  const config: pg.ClientConfig = pool.options.connectionString ? { connectionString: pool.options.connectionString } : { ...pool.options };
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let wait = RECONNECT_MS;

  const connect = async (): Promise<void> => {
    const next = new pg.Client(config);
    next.on("notification", (message) => {
      if (message.channel === channel) onNotify(message.payload ?? "");
    });
    next.on("error", (error) => lost(next, error));
    next.on("end", () => lost(next, new Error("the listening connection ended")));
    try {
      await next.connect();
      await next.query(`listen ${channel}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    wait = RECONNECT_MS;
  };

  const lost = (which: pg.Client, error: Error) => {
    if (closed || which !== client) return;
    client = undefined;
    which.end().catch(() => undefined);
    options.onError?.(error);
    schedule();
  };

  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(
        () => options.onReconnect?.(),
        (error: Error) => {
          options.onError?.(error);
          wait = Math.min(wait * 2, RECONNECT_MAX_MS);
          schedule();
        },
      );
    }, wait);
    retry.unref();
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
