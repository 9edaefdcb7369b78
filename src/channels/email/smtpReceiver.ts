// The built-in SMTP receiver (SMTP_IN_PORT, default 2525): mail routed to Palier arrives here
// and is taken in one unit of work per message (receiveMail). A message over the size limit is
// refused during its transfer (552) without being held in memory; a message accepted with 250
// is stored, whatever becomes of it; an intake that fails keeps the message raw as `error`
// for an admin to read and reprocess, and the sender is still told it was received.

import type { Readable } from "node:stream";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { Clock } from "../../core/clock.js";
import type { ReceivedMail } from "../../commands/mail/receiveMail.js";
import type { Database } from "../../store/database.js";
import { takeMail } from "./intake.js";
import { DEFAULT_MAX_MAIL_BYTES } from "./readMail.js";

export interface SmtpReceiverOptions {
  database: Database;
  clock: Clock;
  host: string;
  /** 0: any free port. */
  port: number;
  maxBytes?: number;
  /** The name the server greets with. */
  hostname?: string;
  onError?: (error: Error) => void;
  /** Called after each message is taken (tests, metrics). */
  onReceived?: (received: ReceivedMail) => void;
}

export interface SmtpReceiver {
  readonly port: number;
  close(): Promise<void>;
}

/** How long a client may stay silent before the connection is closed. */
const SOCKET_TIMEOUT_MS = 60_000;

class SmtpReply extends Error {
  constructor(
    message: string,
    readonly responseCode: number,
  ) {
    super(message);
  }
}

async function collect(stream: Readable, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) over = true;
    if (!over) chunks.push(chunk as Buffer);
  }
  return over ? null : Buffer.concat(chunks);
}

/** Starts the receiver; resolves once it listens. */
export async function startSmtpReceiver(options: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MAIL_BYTES;
  const server = new SMTPServer({
    name: options.hostname ?? "palier",
    banner: "Palier",
    size: maxBytes,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    socketTimeout: SOCKET_TIMEOUT_MS,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null, message?: string) => void) {
      const recipients = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
      collect(stream, maxBytes)
        .then(async (raw) => {
          if (raw === null || stream.sizeExceeded) {
            callback(new SmtpReply(`message over the limit of ${maxBytes} bytes`, 552));
            return;
          }
          const received = await takeMail(options, raw, recipients);
          options.onReceived?.(received);
          callback(null, received.ticketNumber === null ? "Received" : `Received for #${received.ticketNumber}`);
        })
        .catch((error: Error) => {
          options.onError?.(error);
          callback(new SmtpReply("temporary failure, try again later", 451));
        });
    },
  });
  server.on("error", (error) => options.onError?.(error));
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once("error", onError);
    server.listen(options.port, options.host, () => {
      server.server.off("error", onError);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
