// IMAP mailboxes fetched into their teams (docs/email.md, "IMAP mailboxes"). Each process that
// runs the engine claims the enabled mailboxes under a lease (one process fetches a mailbox at a
// time, on one PostgreSQL), keeps one connection per mailbox in IDLE so a new message is taken
// within seconds (polling when the server has no IDLE), and takes each message through the
// intake with the mailbox's cursor (UIDVALIDITY, last UID) moved in the same unit of work: a
// message is taken once, even across a dropped connection or another process taking over. A
// mailbox that fails is reported (once per episode) and retried with a capped backoff.

import { randomUUID } from "node:crypto";
import { ImapFlow } from "imapflow";
import { markMailboxFailing, markMailboxWorking } from "../../commands/mail/mailboxState.js";
import { inWork } from "../../commands/work.js";
import type { ReceivedMail } from "../../commands/mail/receiveMail.js";
import type { Clock } from "../../core/clock.js";
import { SYSTEM_ACTOR } from "../../core/events/actor.js";
import type { MailboxProblem } from "../../core/mail/mailboxProblem.js";
import type { Database } from "../../store/database.js";
import { listen, type Subscription } from "../../store/listen.js";
import {
  claimMailboxes,
  lockMailboxCursor,
  MAILBOXES_CHANNEL,
  mailboxById,
  releaseMailboxes,
  setMailboxCursor,
  type MailboxRow,
} from "../../store/mailboxes.js";
import { classifyImapError } from "./imapErrors.js";
import { takeMail } from "./intake.js";
import { openSecret } from "../sealedSecret.js";
import { DEFAULT_MAX_MAIL_BYTES, readMail } from "./readMail.js";
import { insertMail } from "../../store/mail.js";

export interface ImapFetcherOptions {
  database: Database;
  clock: Clock;
  /** The key mailbox passwords are sealed with. */
  secretKey: Buffer;
  /** How often leases are taken and renewed, in ms (default 15 s); a lease lasts four times that. */
  claimEveryMs?: number;
  /** How often a mailbox without IDLE is looked at, and the longest an IDLE mailbox waits before looking anyway (default 60 s). */
  pollMs?: number;
  /** The first wait after a failure, doubled at each failure up to `maxBackoffMs` (defaults 2 s and 5 min). */
  firstBackoffMs?: number;
  maxBackoffMs?: number;
  /** A larger message is not downloaded: its headers are kept as `error` with the problem `too_large` (default MAIL_MAX_BYTES' 25 MiB). */
  maxBytes?: number;
  /** Connection and greeting time-out, in ms (default 30 s). */
  connectTimeoutMs?: number;
  onError?: (error: Error) => void;
  /** Called after each message taken (tests, metrics). */
  onTaken?: (mailbox: { id: string; uid: number }, received: ReceivedMail) => void;
}

export interface ImapFetcher {
  /** Claims and starts (or stops) mailboxes now, as after an admin's edit. */
  refresh(): Promise<void>;
  /** Stops every connection and gives up the leases. */
  stop(): Promise<void>;
}

/** The connection settings of a mailbox, with its password opened. */
export interface ImapConnection {
  host: string;
  port: number;
  tls: "tls" | "starttls" | "none";
  username: string;
  password: string;
  folder: string;
}

/** An imapflow client for `connection`, not connected yet. */
export function imapClient(connection: ImapConnection, timeoutMs = 30_000): ImapFlow {
  return new ImapFlow({
    host: connection.host,
    port: connection.port,
    secure: connection.tls === "tls",
    doSTARTTLS: connection.tls === "starttls" ? true : connection.tls === "none" ? false : undefined,
    auth: { user: connection.username, pass: connection.password },
    logger: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    missingIdleCommand: "NOOP",
    // IDLE a second after the last command: new mail is announced at once.
    autoIdleDelay: 1_000,
  });
}

/** Tries `connection` and its folder once; answers the problem, or null when all is well (the admin's "test connection"). */
export async function testImapConnection(connection: ImapConnection, timeoutMs = 15_000): Promise<MailboxProblem | null> {
  const client = imapClient(connection, timeoutMs);
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.mailboxOpen(connection.folder, { readOnly: true });
    return null;
  } catch (error) {
    return classifyImapError(error);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** The wait after the `failures`-th failure in a row: doubling from `first`, capped at `max`. */
export function backoffMs(failures: number, first: number, max: number): number {
  return Math.min(max, first * 2 ** Math.max(0, Math.min(failures - 1, 30)));
}

class LeaseLost extends Error {}
class AlreadyTaken extends Error {}

/** One mailbox's connection loop, until stopped. */
class MailboxRunner {
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  private client: ImapFlow | undefined;
  private failures = 0;
  /** Set when the loop ended by itself (its lease was lost): the next claim starts a new one if the lease comes back. */
  ended = false;
  readonly done: Promise<void>;

  constructor(
    readonly row: MailboxRow,
    private readonly owner: string,
    private readonly options: Required<Pick<ImapFetcherOptions, "pollMs" | "firstBackoffMs" | "maxBackoffMs" | "connectTimeoutMs">> & ImapFetcherOptions,
  ) {
    this.done = this.run().finally(() => {
      this.ended = true;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.client?.logout().catch(() => this.client?.close());
    await this.done;
  }

  /** A wake while awake (new mail during a fetch) makes the next sleep return at once. */
  private woken = false;

  private wake(): void {
    const wake = this.wakeUp;
    this.wakeUp = undefined;
    if (wake) wake();
    else this.woken = true;
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), ms);
      const done = (): void => {
        clearTimeout(timer);
        if (this.wakeUp === done) this.wakeUp = undefined;
        resolve();
      };
      this.wakeUp = done;
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.session();
      } catch (error) {
        if (this.stopped || error instanceof LeaseLost) return;
        this.failures += 1;
        await this.failed(classifyImapError(error));
        await this.sleep(backoffMs(this.failures, this.options.firstBackoffMs, this.options.maxBackoffMs));
      }
    }
  }

  private async failed(problem: MailboxProblem): Promise<void> {
    const { database, clock } = this.options;
    try {
      await inWork(database.db, { now: clock.now(), actor: SYSTEM_ACTOR }, (work) => markMailboxFailing(work, { id: this.row.id, problem }));
    } catch (error) {
      this.options.onError?.(new Error(`mailbox ${this.row.name}: the failure could not be recorded: ${(error as Error).message}`));
    }
  }

  /** One connection: connect, take what is new, then wait in IDLE (or poll) and take again, until the connection drops or the runner stops. */
  private async session(): Promise<void> {
    const { database, clock } = this.options;
    const row = this.row;
    const password = row.passwordSecret === null ? "" : openSecret(this.options.secretKey, row.passwordSecret);
    const client = imapClient({ ...row, tls: row.tls as ImapConnection["tls"], password }, this.options.connectTimeoutMs);
    this.client = client;
    let closed = false;
    client.on("error", () => undefined);
    client.on("close", () => {
      closed = true;
      this.wake();
    });
    client.on("exists", () => this.wake());
    try {
      await client.connect();
      const opened = await client.mailboxOpen(row.folder);
      const uidValidity = Number(opened.uidValidity);
      const idle = client.capabilities.has("IDLE");
      await inWork(database.db, { now: clock.now(), actor: SYSTEM_ACTOR }, (work) =>
        markMailboxWorking(work, { id: row.id, state: idle ? "idle" : "polling" }),
      );
      this.failures = 0;
      while (!this.stopped) {
        await this.takeNew(client, uidValidity);
        if (this.stopped) break;
        if (closed || !client.usable) throw Object.assign(new Error("the server closed the connection"), { code: "EConnectionClosed" });
        await this.sleep(this.options.pollMs);
        if (closed || !client.usable) throw Object.assign(new Error("the server closed the connection"), { code: "EConnectionClosed" });
      }
    } finally {
      this.client = undefined;
      if (client.usable) await client.logout().catch(() => client.close());
      else client.close();
    }
  }

  /** A message over the limit: its headers kept as `error` (`too_large`), the cursor moved past it, nothing downloaded whole. */
  private async keepTooLarge(client: ImapFlow, uid: number, uidValidity: number, size: number): Promise<void> {
    const { database, clock } = this.options;
    const fetched = await client.fetchOne(String(uid), { headers: true, uid: true }, { uid: true });
    const headers = (fetched && fetched.headers) || Buffer.alloc(0);
    const mail = await readMail(headers);
    const limit = this.options.maxBytes ?? DEFAULT_MAX_MAIL_BYTES;
    await inWork(database.db, { now: clock.now(), actor: SYSTEM_ACTOR }, async (work) => {
      const cursor = await lockMailboxCursor(work.tx, this.row.id, this.owner);
      if (!cursor) throw new LeaseLost();
      if (cursor.uidValidity === uidValidity && cursor.lastUid >= uid) return;
      await insertMail(work.tx, {
        direction: "in",
        outcome: "error",
        messageIdHeader: mail.messageId,
        fromAddress: mail.from?.address ?? null,
        toAddresses: [this.row.address],
        subject: mail.subject,
        problems: [{ code: "too_large", detail: `${size} bytes, over the limit of ${limit} (only its headers were kept)` }],
        size,
        raw: headers,
        createdAt: work.now,
      });
      await setMailboxCursor(work.tx, this.row.id, { uidValidity, lastUid: uid, messageAt: work.now });
    });
  }

  /** Takes every message above the cursor, oldest first, each in its own unit of work with the cursor. */
  private async takeNew(client: ImapFlow, uidValidity: number): Promise<void> {
    const { database, clock } = this.options;
    const stored = await mailboxById(database.db, this.row.id);
    if (!stored || stored.leaseOwner !== this.owner) throw new LeaseLost();
    // A new UIDVALIDITY: the server renumbered the folder; start over (a message seen before is known by its Message-ID).
    const after = stored.uidValidity === uidValidity ? stored.lastUid : 0;
    const found = await client.search({ uid: `${after + 1}:*` }, { uid: true });
    const uids = (found || []).filter((uid) => uid > after).sort((a, b) => a - b);
    for (const uid of uids) {
      if (this.stopped) return;
      const sized = await client.fetchOne(String(uid), { size: true, uid: true }, { uid: true });
      const size = (sized && sized.size) || 0;
      if (size > (this.options.maxBytes ?? DEFAULT_MAX_MAIL_BYTES)) {
        await this.keepTooLarge(client, uid, uidValidity, size);
        continue;
      }
      const message = await client.fetchOne(String(uid), { source: true, uid: true }, { uid: true });
      if (!message || !message.source) continue;
      try {
        const received = await takeMail(
          { database, clock, ...(this.options.onError ? { onError: this.options.onError } : {}) },
          message.source,
          [this.row.address],
          undefined,
          {
            teamId: this.row.teamId,
            inSameWork: async (work) => {
              const cursor = await lockMailboxCursor(work.tx, this.row.id, this.owner);
              if (!cursor) throw new LeaseLost();
              if (cursor.uidValidity === uidValidity && cursor.lastUid >= uid) throw new AlreadyTaken();
              await setMailboxCursor(work.tx, this.row.id, { uidValidity, lastUid: uid, messageAt: work.now });
            },
          },
        );
        this.options.onTaken?.({ id: this.row.id, uid }, received);
      } catch (error) {
        if (error instanceof AlreadyTaken) continue;
        throw error;
      }
      await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true }).catch(() => undefined);
    }
    if (uids.length === 0 && stored.uidValidity !== uidValidity) {
      await inWork(database.db, { now: clock.now(), actor: SYSTEM_ACTOR }, async (work) => {
        if (await lockMailboxCursor(work.tx, this.row.id, this.owner)) await setMailboxCursor(work.tx, this.row.id, { uidValidity, lastUid: 0 });
      });
    }
  }
}

/** Starts fetching: claims the mailboxes now, then every `claimEveryMs` and whenever one is edited. */
export function startImapFetcher(options: ImapFetcherOptions): ImapFetcher {
  const owner = randomUUID();
  const claimEveryMs = options.claimEveryMs ?? 15_000;
  const settings = {
    ...options,
    pollMs: options.pollMs ?? 60_000,
    firstBackoffMs: options.firstBackoffMs ?? 2_000,
    maxBackoffMs: options.maxBackoffMs ?? 300_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 30_000,
  };
  const onError = options.onError ?? ((error: Error) => process.stderr.write(`imap: ${error.message}\n`));
  const runners = new Map<string, MailboxRunner>();
  let stopped = false;
  let round: Promise<void> = Promise.resolve();

  const claim = async (): Promise<void> => {
    if (stopped) return;
    const held = await claimMailboxes(options.database.db, owner, claimEveryMs * 4);
    const wanted = new Map(held.map((row) => [row.id, row]));
    for (const [id, runner] of runners) {
      const now = wanted.get(id);
      // Gone, disabled, taken by another process, or edited: stop it (an edited one starts again below).
      if (!now || now.version !== runner.row.version || runner.ended) {
        runners.delete(id);
        await runner.stop();
      }
    }
    for (const row of held) if (!runners.has(row.id) && !stopped) runners.set(row.id, new MailboxRunner(row, owner, settings));
  };
  const refresh = (): Promise<void> => {
    round = round.then(claim).catch((error: Error) => onError(new Error(`mailboxes: ${error.message}`)));
    return round;
  };

  void refresh();
  const timer = setInterval(() => void refresh(), claimEveryMs);
  let subscription: Subscription | undefined;
  const listening = listen(options.database, MAILBOXES_CHANNEL, () => void refresh(), { onError })
    .then((s) => {
      subscription = s;
    })
    .catch((error: Error) => onError(error));

  return {
    refresh,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await listening;
      await subscription?.close();
      await round;
      await Promise.all([...runners.values()].map((runner) => runner.stop()));
      runners.clear();
      await releaseMailboxes(options.database.db, owner).catch((error: Error) => onError(error));
    },
  };
}
