// The delivery worker: claims due outbox rows under a lease, delivers them outside any
// transaction through the transport of their kind (transports/registry.ts), then records each
// outcome: delivered, retried with exponential backoff, or dead after `maxAttempts`. It wakes
// on NOTIFY palier_outbox, on a manual clock's moves, when the next row falls due, and polls as
// a fallback. Delivery is at least once: a worker that dies holding rows loses its lease and
// another delivers them again (receivers dedupe by delivery id).

import type { Clock } from "../../core/clock.js";
import { SYSTEM_ACTOR } from "../../core/events/actor.js";
import type { Database, Db } from "../../store/database.js";
import { writeEvents } from "../../store/events.js";
import { listen, type Subscription } from "../../store/listen.js";
import { OUTBOX_CHANNEL, type OutboxRow } from "../../store/outbox/outbox.js";
import { claimOutbox, type FailedAttempt, LEASE_MS, markDelivered, markFailed, nextOutboxDue } from "../../store/outbox/outboxDelivery.js";
import { retryDelayMs } from "./backoff.js";
import { describeFailure, PermanentDeliveryError } from "./deliveryError.js";
import { createTransports, transportFactories } from "./transports/registry.js";
import type { BatchTransport, RowTransport, TransportFactory } from "./transports/transport.js";
import { WEBHOOK_TIMEOUT_MS } from "./transports/webhook.js";

export interface DeliveryWorkerOptions {
  database: Database;
  clock: Clock;
  /** smtp://user:pass@host:port or smtps://…; none: e-mails go to the built-in mailbox. */
  smtpUrl?: string | undefined;
  /** The From of e-mails (default `Palier <palier@localhost>`). */
  mailFrom?: string | undefined;
  /** Rows claimed at a time (default 100). */
  batchSize?: number;
  /** Longest sleep between two looks at the outbox, in ms (default 5000). */
  pollMs?: number;
  /** Attempts before a row is dead (default 8). */
  maxAttempts?: number;
  /** How long a claim holds a row (default 60 s). */
  leaseMs?: number;
  /** How long a webhook receiver has to answer (default 10 s). */
  webhookTimeoutMs?: number;
  /** The key secrets are sealed under (PALIER_SECRET_KEY or `secret.key`): social replies are signed with a sealed secret. */
  secretKey?: Buffer | undefined;
  /** Rows delivered at the same time within a batch (default 10; in-app rows go in one transaction). */
  concurrency?: number;
  /** The transports, one per outbox kind (default: every transport of the registry). */
  transports?: readonly TransportFactory[];
  /** The jitter's source of randomness (tests pass a fixed one). */
  random?: () => number;
  /** false: no LISTEN, no polling; only `runOnce()` delivers (tests). Default true. */
  background?: boolean;
  /** Failures of the worker itself (the database unreachable…); delivery failures are recorded on the rows. */
  onError?: (error: Error) => void;
}

/** What one pass did. */
export interface DeliveryReport {
  claimed: number;
  delivered: number;
  /** Failed and scheduled again. */
  retried: number;
  /** Failed for the last time (or permanently). */
  dead: number;
}

export interface DeliveryWorker {
  /** One pass: claim due rows, deliver them, record the outcomes. Passes never overlap. */
  runOnce(): Promise<DeliveryReport>;
  /** Resolves once the worker listens for new rows (at once without `background`). */
  readonly ready: Promise<void>;
  /** Stops listening and polling, waits for the pass under way, closes the SMTP transport. */
  stop(): Promise<void>;
}

/** Starts a delivery worker (in the background unless `background: false`). */
export function startDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { database, clock } = options;
  const db = database.db;
  const batchSize = options.batchSize ?? 100;
  const pollMs = options.pollMs ?? 5000;
  const maxAttempts = options.maxAttempts ?? 8;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const webhookTimeoutMs = options.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const concurrency = Math.max(1, options.concurrency ?? 10);
  const random = options.random ?? Math.random;
  const onError = options.onError ?? (() => undefined);
  const transports = createTransports(
    { db, smtpUrl: options.smtpUrl, mailFrom: options.mailFrom, webhookTimeoutMs, secretKey: options.secretKey },
    options.transports ?? transportFactories,
  );
  const batchTransports = [...transports.values()].filter((t): t is BatchTransport => t.mode === "batch");
  const takesBatch = (row: OutboxRow) => transports.get(row.kind)?.mode === "batch";

  async function deliver(row: OutboxRow, now: Date): Promise<string> {
    const transport = transports.get(row.kind) as RowTransport | undefined;
    if (!transport) throw new PermanentDeliveryError(`"${row.kind}" is not a kind this worker delivers`);
    return transport.send(row, now);
  }

  async function pass(): Promise<DeliveryReport> {
    const now = clock.now();
    const rows = await claimOutbox(db, { now, limit: batchSize, leaseMs });
    if (rows.length === 0) return { claimed: 0, delivered: 0, retried: 0, dead: 0 };

    const sent: { id: number; transport: string }[] = [];
    const failed: { row: OutboxRow; error: unknown }[] = [];
    // Row by row first, all kinds sharing the concurrency; then each batch transport with its rows.
    await forEachLimited(
      rows.filter((row) => !takesBatch(row)),
      concurrency,
      async (row) => {
        try {
          sent.push({ id: row.id, transport: await deliver(row, now) });
        } catch (error) {
          failed.push({ row, error });
        }
      },
    );
    let deliveredInBatches = 0;
    for (const transport of batchTransports) {
      const mine = rows.filter((row) => row.kind === transport.kind);
      if (mine.length === 0) continue;
      const outcome = await transport.deliver(mine, clock.now());
      deliveredInBatches += outcome.delivered.length;
      failed.push(...outcome.failed);
    }

    const finished = clock.now();
    const delivered = await markDelivered(db, sent, finished);
    const attempts: FailedAttempt[] = failed.map(({ row, error }) => ({
      id: row.id,
      error: describeFailure(error),
      retryAt:
        error instanceof PermanentDeliveryError || row.attempts >= maxAttempts ? null : new Date(finished.getTime() + retryDelayMs(row.attempts, random)),
    }));
    await markFailed(db, attempts);
    await recordUndelivered(
      db,
      failed.filter(({ row }) => attempts.some((attempt) => attempt.id === row.id && attempt.retryAt === null)),
      finished,
    );
    const dead = attempts.filter((a) => a.retryAt === null).length;
    return { claimed: rows.length, delivered: delivered.length + deliveredInBatches, retried: attempts.length - dead, dead };
  }

  // Passes run one after another, whoever asks for them.
  let chain: Promise<unknown> = Promise.resolve();
  const runOnce = (): Promise<DeliveryReport> => {
    const next = chain.then(pass, pass);
    chain = next.catch(() => undefined);
    return next;
  };

  // The background loop: drain while batches come back full, then sleep until woken or polled.
  let stopped = false;
  let draining: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let subscription: Subscription | undefined;
  let unsubscribeClock: (() => void) | undefined;
  let listening: Promise<void> | undefined;

  const wake = (): void => {
    if (stopped) return;
    if (draining) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = undefined;
    draining = (async () => {
      do {
        again = false;
        try {
          const report = await runOnce();
          if (report.claimed >= batchSize) again = true;
        } catch (error) {
          onError(error as Error);
        }
      } while (again && !stopped);
    })().finally(() => {
      draining = undefined;
      void sleep();
    });
  };

  // Sleeps until the next row falls due (system clock), or `pollMs` at most.
  const sleep = async (): Promise<void> => {
    if (stopped) return;
    let delay = pollMs;
    // On a clock that jumps, real time says nothing about when rows fall due: its moves wake us.
    if (!clock.onChange) {
      try {
        const due = await nextOutboxDue(db);
        if (due) delay = Math.min(pollMs, Math.max(0, due.getTime() - clock.now().getTime()) + 5);
      } catch (error) {
        onError(error as Error);
      }
    }
    if (stopped || draining) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(wake, delay);
  };

  if (options.background !== false) {
    // A clock that jumps (a manual clock) says when it moved: rows may have fallen due.
    unsubscribeClock = clock.onChange?.(() => wake());
    listening = listen(database, OUTBOX_CHANNEL, wake, { onReconnect: wake, onError })
      .then(
        async (live) => {
          if (stopped) await live.close();
          else subscription = live;
        },
        (error: Error) => onError(error),
      )
      .finally(wake);
  }

  return {
    runOnce,
    ready: listening ?? Promise.resolve(),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      unsubscribeClock?.();
      await listening;
      await subscription?.close();
      await draining;
      await chain;
      for (const transport of transports.values()) transport.close?.();
    },
  };
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++] as T);
  });
  await Promise.all(lanes);
}

/**
 * A reply to a customer that could not be delivered at all is said on its ticket, as a bounce
 * would be: who was not reached and the last error (the outbox keeps the row for replay).
 */
async function recordUndelivered(db: Db, dead: readonly { row: OutboxRow; error: unknown }[], at: Date): Promise<void> {
  const replies = dead.filter(({ row }) => row.kind === "email" && row.ticketNumber !== null && typeof row.payload.messageId === "string");
  if (replies.length === 0) return;
  await writeEvents(
    db,
    replies.map(({ row, error }) => ({
      ticketNumber: row.ticketNumber as number,
      at,
      actor: SYSTEM_ACTOR,
      type: "mail" as const,
      data: { what: "bounced" as const, recipient: row.address, status: null, diagnostic: describeFailure(error) },
    })),
  );
}
