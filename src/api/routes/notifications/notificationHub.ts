// The live side of notifications for one API process: one LISTEN on palier_notifications,
// fanned out to the open streams of each agent, with a heartbeat that keeps proxies from
// closing idle streams, and an end for every stream when the server closes.

import type { Database } from "../../../store/database.js";
import { listen, type Subscription } from "../../../store/listen.js";
import { type Notification, NOTIFICATIONS_CHANNEL, notificationsById } from "../../../store/notifications.js";

/** A comment line every 25 s: proxies and browsers keep an active stream open. */
export const HEARTBEAT_MS = 25_000;

/** One open stream. */
export interface StreamClient {
  agentId: string;
  /** Sends a new notification of the agent. */
  notify(notification: Notification): void;
  /** Writes a comment line (`: heartbeat`). */
  comment(text: string): void;
  /** Ends the stream (server shutdown). */
  end(): void;
}

export class NotificationHub {
  private readonly clients = new Map<string, Set<StreamClient>>();
  private listening: Promise<Subscription> | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private pending = new Set<number>();
  private flushing: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly database: Database,
    private readonly onError: (error: Error) => void = () => undefined,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  /**
   * Adds a stream; resolves once the hub listens, so that every notification inserted after
   * this resolves reaches `client`. Returns how to remove it.
   */
  async add(client: StreamClient): Promise<() => void> {
    if (this.closed) throw new Error("the server is closing");
    this.listening ??= listen(this.database, NOTIFICATIONS_CHANNEL, (payload) => this.received(payload), { onError: this.onError });
    let set = this.clients.get(client.agentId);
    if (!set) this.clients.set(client.agentId, (set = new Set()));
    set.add(client);
    this.heartbeat ??= setInterval(() => this.beat(), this.heartbeatMs).unref();
    await this.listening;
    return () => this.remove(client);
  }

  /** How many streams are open (all agents). */
  get size(): number {
    let n = 0;
    for (const set of this.clients.values()) n += set.size;
    return n;
  }

  /** Ends every stream and stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const set of this.clients.values()) for (const client of set) client.end();
    this.clients.clear();
    await this.flushing;
    const subscription = await this.listening?.catch(() => undefined);
    await subscription?.close();
  }

  private remove(client: StreamClient): void {
    const set = this.clients.get(client.agentId);
    set?.delete(client);
    if (set?.size === 0) this.clients.delete(client.agentId);
  }

  private beat(): void {
    for (const set of this.clients.values()) for (const client of set) client.comment("heartbeat");
  }

  // Ids that arrive together are read in one query.
  private received(payload: string): void {
    const id = Number(payload);
    if (!Number.isSafeInteger(id) || this.clients.size === 0 || this.closed) return;
    this.pending.add(id);
    this.flushing ??= Promise.resolve()
      .then(() => this.flush())
      .catch((error: Error) => this.onError(error))
      .finally(() => {
        this.flushing = undefined;
        if (this.pending.size > 0) this.received(String([...this.pending][0]));
      });
  }

  private async flush(): Promise<void> {
    const ids = [...this.pending];
    this.pending.clear();
    if (this.closed) return;
    for (const notification of await notificationsById(this.database.db, ids)) {
      for (const client of this.clients.get(notification.agentId) ?? []) client.notify(notification);
    }
  }
}
