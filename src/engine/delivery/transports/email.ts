// E-mail delivery: through an SMTP server (SMTP_URL) with nodemailer, or, with none configured,
// into the built-in mailbox (the row is delivered with transport `mailbox`; admins read it in
// the API), so that a fresh install loses no message.

import { createTransport } from "nodemailer";
import { domainOfAddress } from "../../../core/mail/replyMail.js";
import type { OutboxRow } from "../../../store/outbox/outbox.js";
import { MAILBOX_TRANSPORT } from "../../../store/outbox/outboxAdmin.js";
import { PermanentDeliveryError, requiredText } from "../deliveryError.js";
import type { TransportFactory } from "./transport.js";

/** The sender when PALIER_MAIL_FROM is not set. */
export const DEFAULT_MAIL_FROM = "Palier <palier@localhost>";

/** How long an SMTP connection, greeting and idle socket may take before the attempt fails. */
const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;

/** What an `email` row carries. */
export interface EmailContent {
  to: string;
  subject: string;
  text: string;
  html?: string;
  locale?: string;
  /** A reply to a customer: its From (the team's address), its own Message-ID and the thread it answers. */
  from?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
}

/** Sends e-mails; `send` resolves with the transport it used, or throws (retried unless permanent). */
export interface Mailer {
  readonly transport: "smtp" | typeof MAILBOX_TRANSPORT;
  send(row: OutboxRow): Promise<string>;
  close(): void;
}

export interface MailerOptions {
  /** smtp://user:pass@host:port or smtps://…; none: the built-in mailbox. */
  smtpUrl?: string | undefined;
  /** The From header (default {@link DEFAULT_MAIL_FROM}). */
  from?: string | undefined;
}

/** The e-mail of an outbox row; PermanentDeliveryError when the row cannot be one. */
export function emailContentOf(row: OutboxRow): EmailContent {
  const to = row.address ?? "";
  if (!/^[^@\s]+@[^@\s]+$/.test(to)) throw new PermanentDeliveryError(`"${to}" is not an e-mail address`);
  const payload = row.payload;
  const html = payload.html;
  if (html !== undefined && html !== null && typeof html !== "string") throw new PermanentDeliveryError("the email payload's html is not a string");
  return {
    to,
    subject: requiredText(payload, "subject", "email"),
    text: requiredText(payload, "text", "email"),
    ...(typeof html === "string" && html !== "" ? { html } : {}),
    ...(typeof payload.locale === "string" ? { locale: payload.locale } : {}),
    ...(typeof payload.from === "string" && payload.from !== "" ? { from: payload.from } : {}),
    ...(typeof payload.messageId === "string" && /^<[^<>\s]+>$/.test(payload.messageId) ? { messageId: payload.messageId } : {}),
    ...(typeof payload.inReplyTo === "string" && /^<[^<>\s]+>$/.test(payload.inReplyTo) ? { inReplyTo: payload.inReplyTo } : {}),
    ...(Array.isArray(payload.references)
      ? { references: payload.references.filter((id): id is string => typeof id === "string" && /^<[^<>\s]+>$/.test(id)) }
      : {}),
    ...(isHeaderMap(payload.headers) ? { headers: payload.headers } : {}),
  };
}

/** Extra headers: names of letters, digits and dashes, values on one line. */
function isHeaderMap(value: unknown): value is Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(([name, text]) => /^[A-Za-z][A-Za-z0-9-]*$/.test(name) && typeof text === "string" && !/[\r\n]/.test(text));
}

/** A mailer for SMTP when `smtpUrl` is given, else one that keeps the messages in the mailbox. */
export function createMailer(options: MailerOptions = {}): Mailer {
  if (!options.smtpUrl) {
    return {
      transport: MAILBOX_TRANSPORT,
      send: async (row) => {
        emailContentOf(row);
        return MAILBOX_TRANSPORT;
      },
      close: () => undefined,
    };
  }
  const from = options.from || DEFAULT_MAIL_FROM;
  const domain = domainOfAddress(from, "localhost");
  const transporter = createTransport({
    url: options.smtpUrl,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: CONNECTION_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });
  return {
    transport: "smtp",
    send: async (row) => {
      const mail = emailContentOf(row);
      await transporter.sendMail({
        from: mail.from ?? from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        // The same on every attempt, so that a receiver can drop a message it already has.
        messageId: mail.messageId ?? `<${row.deliveryId}@${domain}>`,
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
        ...(mail.references && mail.references.length > 0 ? { references: mail.references } : {}),
        headers: { ...mail.headers, "X-Palier-Delivery-Id": row.deliveryId, ...(mail.locale ? { "Content-Language": mail.locale } : {}) },
      });
      return "smtp";
    },
    close: () => transporter.close(),
  };
}

/** The `email` transport: SMTP, or the built-in mailbox without one. */
export const emailTransport: TransportFactory = (options) => {
  const mailer = createMailer({ smtpUrl: options.smtpUrl, from: options.mailFrom });
  return { kind: "email", mode: "row", send: (row) => mailer.send(row), close: () => mailer.close() };
};
