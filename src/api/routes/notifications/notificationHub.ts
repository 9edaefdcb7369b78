// The live side of notifications for one API process: one LISTEN on palier_notifications (so a
// notification made by any process on the same PostgreSQL arrives), fanned out to the open
// streams of each agent, caught up after the listening connection comes back, with a heartbeat
// that keeps proxies from closing idle streams, and an end for every stream when the server closes.

import type { Database } from "../../../store/database.js";
import { listen, type Subscription } from "../../../store/listen.js";
import { readSignal } from "../../../store/notificationSignal.js";
import { latestNotificationId, type Notification, NOTIFICATIONS_CHANNEL, notificationsAfterFor, notificationsById } from "../../../store/notifications.js";

/** A comment line every 25 s: proxies and browsers keep an active stream open. */
export const HEARTBEAT_MS = 25_000;

/** The most streams one agent may hold open in one process: a new one beyond it ends their oldest. */
export const MAX_STREAMS_PER_AGENT = 8;

/** How many recently pushed ids the hub remembers, so that a catch-up never pushes one twice. */
const REMEMBERED = 10_000;

/** One open stream. */
export interface StreamClient {
  agentId: string;
  /** Sends a new notification of the agent. */
  notify(notification: Notification): void;
  /** Writes a comment line (`: heartbeat`). */
  comment(text: string): void;
  /** Ends the stream (server shutdown, credential gone, too many streams). */
  end(): void;
  /**
   * Whether the credential the stream was opened with still holds (the session not ended nor
   * expired, the token not revoked, the account active); asked at every heartbeat.
   */
  stillValid?(): Promise<boolean>;
}

// The hubs of this process, told when a credential ends here (sign-out, deactivation, a revoked
// token) so that their streams end at once; other processes notice at their next heartbeat.
const hubs = new Set<NotificationHub>();

/** Says that a session or token may have ended in this process: every hub checks its streams now. */
export function credentialsChanged(): void {
  for (const hub of hubs) void hub.checkCredentials();
}

export class NotificationHub {
  private readonly clients = new Map<string, Set<StreamClient>>();
  private listening: Promise<Subscription> | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private pending = new Set<number>();
  private flushing: Promise<void> | undefined;
  private closed = false;
  /** The highest notification id known published (read when listening starts, then from each signal). */
  private seen = 0;
  /** `seen` when the listening connection was lost; undefined while it is up. */
  private lostSince: number | undefined;
  private readonly pushed = new Set<number>();

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
    hubs.add(this);
    this.listening ??= this.subscribe();
    let set = this.clients.get(client.agentId);
    if (!set) this.clients.set(client.agentId, (set = new Set()));
    set.add(client);
    // A set keeps insertion order: the first is the oldest.
    while (set.size > MAX_STREAMS_PER_AGENT) {
      const oldest = set.values().next().value as StreamClient;
      set.delete(oldest);
      oldest.end();
    }
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
    hubs.delete(this);
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const set of this.clients.values()) for (const client of set) client.end();
    this.clients.clear();
    await this.flushing;
    const subscription = await this.listening?.catch(() => undefined);
    await subscription?.close();
  }

  private async subscribe(): Promise<Subscription> {
    const subscription = await listen(this.database, NOTIFICATIONS_CHANNEL, (payload) => this.received(payload), {
      onError: (error) => {
        // Signals sent from now until the connection is back are missed: remember where they start.
        this.lostSince ??= this.seen;
        this.onError(error);
      },
      onReconnect: () => this.reconnected(),
    });
    try {
      // Listening first, then the baseline: a notification committed in between is both signalled and below it, never neither.
      this.seen = Math.max(this.seen, await latestNotificationId(this.database.db));
    } catch (error) {
      await subscription.close();
      throw error;
    }
    return subscription;
  }

  private remove(client: StreamClient): void {
    const set = this.clients.get(client.agentId);
    set?.delete(client);
    if (set?.size === 0) this.clients.delete(client.agentId);
  }

  private beat(): void {
    for (const set of this.clients.values()) for (const client of set) client.comment("heartbeat");
    void this.checkCredentials();
  }

  /** Ends the streams whose credential no longer holds (signed out, deactivated, revoked). */
  async checkCredentials(): Promise<void> {
    const clients = [...this.clients.values()].flatMap((set) => [...set]).filter((client) => client.stillValid);
    for (const client of clients) {
      try {
        if (!(await client.stillValid?.())) {
          this.remove(client);
          client.end();
        }
      } catch (error) {
        // The database is unreachable: keep the stream; the next heartbeat asks again.
        this.onError(error as Error);
      }
    }
  }

  // Ids that arrive together are read in one query.
  private received(payload: string): void {
    const signal = readSignal(payload);
    if (!signal || this.closed) return;
    this.seen = Math.max(this.seen, signal.id);
    // A notification of an agent with no stream here is not read at all.
    if (signal.agentId !== undefined ? !this.clients.has(signal.agentId) : this.clients.size === 0) return;
    this.pending.add(signal.id);
    this.schedule();
  }

  private schedule(): void {
    this.flushing ??= Promise.resolve()
      .then(() => this.flush())
      .catch((error: Error) => this.onError(error))
      .finally(() => {
        this.flushing = undefined;
        if (this.pending.size > 0) this.schedule();
      });
  }

  private async flush(): Promise<void> {
    const ids = [...this.pending];
    this.pending.clear();
    if (this.closed) return;
    this.push(await notificationsById(this.database.db, ids));
  }

  // The listening connection is back: read what the open streams' agents got meanwhile.
  private reconnected(): void {
    const since = this.lostSince;
    this.lostSince = undefined;
    if (since === undefined || this.closed) return;
    this.catchUp(since).catch((error: Error) => this.onError(error));
  }

  private async catchUp(since: number): Promise<void> {
    let after = since;
    for (;;) {
      const agents = [...this.clients.keys()];
      if (agents.length === 0 || this.closed) return;
      const page = await notificationsAfterFor(this.database.db, agents, after, 500);
      this.push(page);
      if (page.length < 500) return;
      after = page[page.length - 1]!.id;
    }
  }

  /** Sends each notification to its agent's streams, once, even when a signal and a catch-up both bring it. */
  private push(list: readonly Notification[]): void {
    for (const notification of list) {
      if (this.pushed.has(notification.id)) continue;
      this.pushed.add(notification.id);
      if (this.pushed.size > REMEMBERED) this.pushed.delete(this.pushed.values().next().value as number);
      this.seen = Math.max(this.seen, notification.id);
      for (const client of this.clients.get(notification.agentId) ?? []) client.notify(notification);
    }
  }
}
