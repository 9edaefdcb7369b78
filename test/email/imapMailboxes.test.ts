// IMAP mailboxes against a real Dovecot on loopback (test/support/dovecot.ts): two fetchers on
// one database (one holds the lease), a message appended through a second IMAP client taken
// within seconds through IDLE, a reply threaded onto its ticket, a dropped connection with mail
// arriving meanwhile taken once when it comes back, a wrong password reported to admins once
// and its recovery. On PGlite, and on PostgreSQL with TEST_DATABASE_URL.

import { createServer, connect, type Server, type Socket } from "node:net";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startImapFetcher, testImapConnection, type ImapFetcher } from "../../src/channels/email/imapFetcher.js";
import { sealSecret } from "../../src/channels/sealedSecret.js";
import { ManualClock } from "../../src/core/clock.js";
import type { Database } from "../../src/store/database.js";
import { insertMailbox, mailboxById, updateMailbox, type MailboxRow } from "../../src/store/mailboxes.js";
import { dovecotAvailable, startDovecot, type Dovecot } from "../support/dovecot.js";
import { buildAgent, buildTeam } from "../support/factories.js";
import { describeStore, selectRows } from "../support/testDatabase.js";

const PASSWORD = "right-horse-battery";
const key = randomBytes(32);

/** A TCP proxy in front of Dovecot that the test cuts (every connection dropped, new ones refused) and restores. */
async function startProxy(target: number): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = connect(target, "127.0.0.1");
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", drop).on("close", drop);
        upstream.on("error", drop).on("close", drop);
      });
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => {
        const address = next.address();
        port = typeof address === "object" && address ? address.port : port;
        server = next;
        resolve();
      });
    });
  const cut = async () => {
    const closing = server ? new Promise((resolve) => server?.close(resolve)) : Promise.resolve();
    server = undefined;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await closing;
  };
  await listen();
  return { port, cut, restore: listen, close: cut };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function message(props: { id: string; subject: string; from?: string; inReplyTo?: string; body?: string }): string {
  return [
    `From: ${props.from ?? "Lotte Peeters <lotte@example.be>"}`,
    "To: support@acme.test",
    `Subject: ${props.subject}`,
    `Message-ID: <${props.id}@example.be>`,
    ...(props.inReplyTo ? [`In-Reply-To: <${props.inReplyTo}@example.be>`, `References: <${props.inReplyTo}@example.be>`] : []),
    "Date: Thu, 03 Dec 2026 10:00:00 +0100",
    "",
    props.body ?? "Bonjour, la facture de novembre est fausse.",
    "",
  ].join("\r\n");
}

interface MailCount {
  n: number;
  outcome: string;
  ticket: number | null;
}

async function mailsWithId(database: Database, id: string): Promise<MailCount[]> {
  return selectRows<MailCount>(
    database,
    sql`select count(*)::int as n, outcome, max(ticket_number)::int as ticket from mail_messages where message_id_header = ${`<${id}@example.be>`} group by outcome`,
  );
}

async function adminNotices(database: Database, type: string): Promise<{ title: string; body: string }[]> {
  return selectRows(
    database,
    sql`select payload->>'title' as title, payload->>'body' as body from outbox where kind = 'inapp' and payload->'data'->>'type' = ${type} order by id`,
  );
}

const canRun = dovecotAvailable();

describeStore("IMAP mailboxes against Dovecot", (get) => {
  if (!canRun) {
    it.skip("needs Dovecot (DOVECOT_PATH)", () => undefined);
    return;
  }
  let dovecot: Dovecot;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let deliverer: ImapFlow;
  let fetchers: ImapFetcher[] = [];
  let mailbox: MailboxRow;
  let teamId: string;
  const clock = new ManualClock(new Date("2026-12-03T09:00:00Z"));
  const errors: string[] = [];

  beforeAll(async () => {
    dovecot = await startDovecot({ support: PASSWORD });
    proxy = await startProxy(dovecot.port);
    deliverer = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: "support", pass: PASSWORD },
      logger: false,
    });
    deliverer.on("error", () => undefined);
    await deliverer.connect();
    const db = get().db;
    teamId = (await buildTeam(db, { name: `Facturation ${randomBytes(3).toString("hex")}` })).id;
    await buildAgent(db, { role: "admin", locale: "fr" });
    mailbox = await insertMailbox(
      db,
      {
        name: "Support",
        host: "127.0.0.1",
        port: proxy.port,
        tls: "none",
        username: "support",
        passwordSecret: sealSecret(key, PASSWORD),
        folder: "INBOX",
        teamId,
        address: "support@acme.test",
        enabled: true,
      },
      clock.now(),
    );
    // Two processes' fetchers on one database: one takes the lease, the other waits.
    for (let i = 0; i < 2; i++) {
      fetchers.push(
        startImapFetcher({
          database: get(),
          clock,
          secretKey: key,
          claimEveryMs: 200,
          pollMs: 600_000,
          firstBackoffMs: 50,
          maxBackoffMs: 200,
          connectTimeoutMs: 5_000,
          maxBytes: 64 * 1024,
          onError: (error) => errors.push(error.message),
        }),
      );
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(fetchers.map((fetcher) => fetcher.stop()));
    fetchers = [];
    await deliverer?.logout().catch(() => undefined);
    await proxy?.close();
    await dovecot?.stop();
  }, 60_000);

  it("takes a message appended to the mailbox through IDLE, into the mailbox's team, once, and marks it seen", async () => {
    await until("the mailbox in IDLE", async () => (await mailboxById(get().db, mailbox.id))?.state === "idle");
    await deliverer.append("INBOX", message({ id: "first", subject: "Facture de novembre" }));
    // No poll before ten minutes: only IDLE can bring it this soon.
    const row = await until("the ticket", async () => (await mailsWithId(get(), "first"))[0]);
    expect(row).toMatchObject({ n: 1, outcome: "ticket" });
    const [ticket] = await selectRows<{ team_id: string; channel: string; subject: string }>(
      get(),
      sql`select team_id, channel, subject from tickets where number = ${row?.ticket ?? 0}`,
    );
    expect(ticket).toEqual({ team_id: teamId, channel: "email", subject: "Facture de novembre" });
    const stored = await mailboxById(get().db, mailbox.id);
    expect(stored).toMatchObject({ state: "idle", lastUid: 1, failingSince: null });
    expect(stored?.uidValidity).toBeGreaterThan(0);
    const [leases] = await selectRows<{ owners: number }>(
      get(),
      sql`select count(distinct lease_owner)::int as owners from mailboxes where lease_owner is not null`,
    );
    expect(leases?.owners).toBe(1);
    await deliverer.mailboxOpen("INBOX");
    const flags = await until("the \\Seen flag", async () => {
      const fetched = await deliverer.fetchOne("1", { flags: true }, { uid: true });
      return fetched && fetched.flags?.has("\\Seen") ? fetched.flags : undefined;
    });
    expect(flags.has("\\Seen")).toBe(true);
  }, 30_000);

  it("threads a reply onto its ticket", async () => {
    const [first] = await mailsWithId(get(), "first");
    await deliverer.append("INBOX", message({ id: "second", subject: "Re: Facture de novembre", inReplyTo: "first", body: "Je joins le bon de commande." }));
    const row = await until("the reply", async () => (await mailsWithId(get(), "second"))[0]);
    expect(row).toMatchObject({ n: 1, outcome: "reply", ticket: first?.ticket });
  }, 30_000);

  it("comes back after a dropped connection, takes what arrived meanwhile once, and tells admins once of the failure and once of the recovery", async () => {
    await proxy.cut();
    await deliverer.append("INBOX", message({ id: "while-down-1", subject: "Commande bloquée" }));
    await deliverer.append("INBOX", message({ id: "while-down-2", subject: "Livraison en retard" }));
    await until("the mailbox failing", async () => (await mailboxById(get().db, mailbox.id))?.state === "failing");
    const failing = await mailboxById(get().db, mailbox.id);
    expect(failing?.lastErrorCode).toBe("unreachable");
    // Several attempts fail with backoff; admins are told once.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await adminNotices(get(), "mailbox_failing")).toHaveLength(1);
    await proxy.restore();
    await until("both messages", async () =>
      (await mailsWithId(get(), "while-down-1")).length && (await mailsWithId(get(), "while-down-2")).length ? true : undefined,
    );
    expect(await mailsWithId(get(), "while-down-1")).toEqual([expect.objectContaining({ n: 1, outcome: "ticket" })]);
    expect(await mailsWithId(get(), "while-down-2")).toEqual([expect.objectContaining({ n: 1, outcome: "ticket" })]);
    await until("the mailbox idle again", async () => (await mailboxById(get().db, mailbox.id))?.state === "idle");
    expect(await mailboxById(get().db, mailbox.id)).toMatchObject({ lastUid: 4, failingSince: null });
    const failed = await adminNotices(get(), "mailbox_failing");
    expect(failed).toHaveLength(1);
    expect(failed[0]?.title).toBe("La boîte aux lettres Support est en panne");
    expect(failed[0]?.body).toContain("injoignable");
    const recovered = await adminNotices(get(), "mailbox_recovered");
    expect(recovered).toHaveLength(1);
    expect(recovered[0]?.title).toBe("La boîte aux lettres Support fonctionne à nouveau");
    // Nothing was taken twice: four messages in, four rows.
    const [all] = await selectRows<{ n: number }>(get(), sql`select count(*)::int as n from mail_messages where direction = 'in'`);
    expect(all?.n).toBe(4);
  }, 60_000);

  it("reports a wrong password to admins, then recovers when it is corrected", async () => {
    const db = get().db;
    const settings = { ...mailbox, tls: "none" as const };
    await updateMailbox(db, mailbox.id, { ...settings, passwordSecret: sealSecret(key, "wrong-password") }, clock.now());
    await Promise.all(fetchers.map((fetcher) => fetcher.refresh()));
    await until("the auth failure", async () => (await mailboxById(db, mailbox.id))?.lastErrorCode === "auth");
    expect(await mailboxById(db, mailbox.id)).toMatchObject({ state: "failing" });
    const notices = await adminNotices(get(), "mailbox_failing");
    expect(notices).toHaveLength(2);
    expect(notices[1]?.body).toContain("a refusé le nom d'utilisateur ou le mot de passe");
    await deliverer.append("INBOX", message({ id: "after-fix", subject: "Toujours rien reçu" }));
    await updateMailbox(db, mailbox.id, { ...settings, passwordSecret: sealSecret(key, PASSWORD) }, clock.now());
    await Promise.all(fetchers.map((fetcher) => fetcher.refresh()));
    const row = await until("the message after the fix", async () => (await mailsWithId(get(), "after-fix"))[0]);
    expect(row).toMatchObject({ n: 1, outcome: "ticket" });
    expect(await adminNotices(get(), "mailbox_recovered")).toHaveLength(2);
    expect(await mailboxById(db, mailbox.id)).toMatchObject({ state: "idle", lastUid: 5 });
  }, 60_000);

  it("goes on from the other process when the fetching one stops, taking nothing twice", async () => {
    const [first, ...others] = fetchers;
    await first?.stop();
    fetchers = others;
    await deliverer.append("INBOX", message({ id: "after-handover", subject: "Relance" }));
    const row = await until("the message after the handover", async () => (await mailsWithId(get(), "after-handover"))[0]);
    expect(row).toMatchObject({ n: 1, outcome: "ticket" });
    expect(await mailboxById(get().db, mailbox.id)).toMatchObject({ state: "idle", lastUid: 6 });
    const [all] = await selectRows<{ n: number }>(get(), sql`select count(*)::int as n from mail_messages where direction = 'in'`);
    expect(all?.n).toBe(6);
  }, 60_000);

  it("keeps a message over the size limit as an error with its headers, without downloading it, and goes past it", async () => {
    await deliverer.append("INBOX", message({ id: "too-big", subject: "Scans en pièce jointe", body: "x".repeat(100 * 1024) }));
    const row = await until("the oversized message", async () => (await mailsWithId(get(), "too-big"))[0]);
    expect(row).toMatchObject({ n: 1, outcome: "error", ticket: null });
    const [kept] = await selectRows<{ subject: string; problems: { code: string }[]; raw_size: number; size: number }>(
      get(),
      sql`select subject, problems, length(raw)::int as raw_size, size from mail_messages where message_id_header = '<too-big@example.be>'`,
    );
    expect(kept?.subject).toBe("Scans en pièce jointe");
    expect(kept?.problems.map((problem) => problem.code)).toEqual(["too_large"]);
    expect(kept?.size).toBeGreaterThan(100 * 1024);
    expect(kept?.raw_size).toBeLessThan(1024);
    expect(await mailboxById(get().db, mailbox.id)).toMatchObject({ lastUid: 7 });
  }, 60_000);

  it("tells what is wrong when testing a connection: password, host, folder", async () => {
    const base = { host: "127.0.0.1", port: dovecot.port, tls: "none" as const, username: "support", folder: "INBOX" };
    expect(await testImapConnection({ ...base, password: PASSWORD })).toBeNull();
    expect(await testImapConnection({ ...base, password: "nope" })).toMatchObject({ code: "auth" });
    expect(await testImapConnection({ ...base, password: PASSWORD, folder: "Archives/Nowhere" })).toMatchObject({ code: "folder" });
    const closed = await (await import("../support/dovecot.js")).freePort();
    expect(await testImapConnection({ ...base, port: closed, password: PASSWORD })).toMatchObject({ code: "unreachable" });
    expect(errors).toEqual([]);
  }, 60_000);
});
