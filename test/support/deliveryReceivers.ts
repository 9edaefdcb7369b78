// Receivers on loopback for the delivery tests: a webhook endpoint (node:http) whose answer a
// test sets, and an SMTP server (smtp-server, STARTTLS off: its bundled certificate is expired)
// that parses what it receives. Both listen on 127.0.0.1 on a free port.

import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../src/store/database.js";
import type { OutboxRow } from "../../src/store/outbox/outbox.js";
import { outbox } from "../../src/store/schema.js";

/** One request the webhook receiver got. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The status the next requests get (default 200). */
  answer(status: number): void;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that records every request and answers the status it is told. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let status = 200;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, rawBody: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "not now");
    });
  });
  await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/palier`,
    received,
    answer: (next) => {
      status = next;
    },
    close: () => closeServer(server),
  };
}

/** A loopback URL where nothing listens (a port that was just free). */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  await listenOnLoopback(server);
  const port = (server.address() as AddressInfo).port;
  await closeServer(server);
  return `http://127.0.0.1:${port}/hooks/palier`;
}

export interface SmtpReceiver {
  /** smtp://user:secret@127.0.0.1:port */
  url: string;
  messages: ParsedMail[];
  /** Envelopes: who logged in, MAIL FROM and RCPT TO. */
  envelopes: { user: string | undefined; from: string; to: string[] }[];
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 that wants user `palier`, password `s3cret`, and parses each message. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const messages: ParsedMail[] = [];
  const envelopes: SmtpReceiver["envelopes"] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "palier" && auth.password === "s3cret") callback(null, { user: auth.username });
      else callback(new Error("invalid username or password"));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          envelopes.push({
            user: session.user as string | undefined,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://palier:s3cret@127.0.0.1:${port}`,
    messages,
    envelopes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The outbox row with this id. */
export async function outboxRow(db: Db, id: number): Promise<OutboxRow> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

/** The id of the newest outbox row of `kind` to `address`. */
export async function lastOutboxId(db: Db, kind: string, address: string | null): Promise<number> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(address === null ? eq(outbox.kind, kind) : and(eq(outbox.kind, kind), eq(outbox.address, address)));
  const ids = rows.map((r) => r.id).sort((a, b) => b - a);
  if (ids[0] === undefined) throw new Error(`no ${kind} outbox row to ${address}`);
  return ids[0];
}

function listenOnLoopback(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
