// The contract of a delivery transport: how the outbox rows of one kind leave Palier. A
// transport either sends row by row (the worker runs several sends at once and records the
// outcomes) or takes its rows as a batch and records their delivery itself.

import type { Db } from "../../../store/database.js";
import type { OutboxRow } from "../../../store/outbox/outbox.js";

/** What a transport may need from the worker's options. */
export interface TransportOptions {
  db: Db;
  /** smtp://user:pass@host:port or smtps://…; none: e-mails go to the built-in mailbox. */
  smtpUrl?: string | undefined;
  /** The From of e-mails. */
  mailFrom?: string | undefined;
  /** How long a webhook receiver has to answer. */
  webhookTimeoutMs: number;
  /** The key secrets are sealed under at rest (social networks' shared secrets); none: a sealed secret cannot be used. */
  secretKey?: Buffer | undefined;
}

/**
 * Sends one row; resolves with the transport it went by (recorded on the row), or throws:
 * a PermanentDeliveryError kills the row, any other error is retried.
 */
export interface RowTransport {
  readonly kind: string;
  readonly mode: "row";
  send(row: OutboxRow, now: Date): Promise<string>;
  close?(): void;
}

/** What became of a batch: the ids it delivered (and recorded), and the rows that failed. */
export interface BatchOutcome {
  delivered: number[];
  failed: { row: OutboxRow; error: unknown }[];
}

/** Delivers all its rows of a pass at once and marks them delivered in the same transaction. */
export interface BatchTransport {
  readonly kind: string;
  readonly mode: "batch";
  deliver(rows: readonly OutboxRow[], now: Date): Promise<BatchOutcome>;
  close?(): void;
}

export type Transport = RowTransport | BatchTransport;

/** Makes a transport from the worker's options (one per worker: it may hold connections). */
export type TransportFactory = (options: TransportOptions) => Transport;
