// Waking the timer worker early: NOTIFY on `palier_timers` (sent by whoever writes a timer)
// reaches a dedicated LISTEN connection on PostgreSQL, reconnected when it drops, or PGlite's
// in-process listener.

import pg from "pg";
import type { Database } from "../../store/database.js";
import { TIMERS_CHANNEL } from "../../store/sla/clockRows.js";

/** How long to wait before listening again after the connection dropped. */
const RECONNECT_MS = 1000;

export interface TimerWakeup {
  close(): Promise<void>;
}

/**
 * Calls `wake` on every notification on {@link TIMERS_CHANNEL}, and once after each (re)connection
 * (notifications sent while disconnected are lost; the worker re-checks instead).
 */
export async function listenForTimers(database: Database, wake: () => void, onError: (error: Error) => void): Promise<TimerWakeup> {
  if (database.pglite) {
    const unlisten = await database.pglite.listen(TIMERS_CHANNEL, () => wake());
    return { close: () => unlisten() };
  }
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ ...pool.options, keepAlive: true, connectionTimeoutMillis: 10_000 });
    next.on("notification", () => wake());
    next.on("error", (error) => onError(new Error(`timer notifications: ${error.message}`)));
    next.on("end", () => {
      if (client === next) client = undefined;
      if (!closed) schedule();
    });
    try {
      await next.connect();
      await next.query(`listen ${TIMERS_CHANNEL}`);
    } catch (error) {
      onError(new Error(`timer notifications: cannot listen: ${(error as Error).message}`));
      await next.end().catch(() => undefined);
      schedule();
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    wake();
  };
  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, RECONNECT_MS);
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
