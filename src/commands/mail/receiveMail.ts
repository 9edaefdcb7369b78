// One e-mail received, in one unit of work (docs/email.md): kept with its raw bytes whatever
// becomes of it, then, from a person, a new ticket or a message on the ticket it answers
// (threaded by Message-ID, In-Reply-To and References, else by the `[#1042]` reference in its
// subject when the sender is that ticket's customer); from a machine, never answered and never
// reopening anything, recorded on the ticket it belongs to (a bounce on the ticket whose mail
// bounced). Triage and rules run on a person's message in the same transaction, through the
// ticket commands.

import { randomUUID } from "node:crypto";
import type { Automated } from "../../core/mail/automated.js";
import type { InboundMail, MailAttachment } from "../../core/mail/inboundMail.js";
import type { Language } from "../../core/ticket/ticket.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { writeEvents } from "../../store/events.js";
import {
  deleteMail,
  insertAttachments,
  insertMail,
  receivedBefore,
  receivedFromSince,
  teamAddresses,
  teamOfAddresses,
  ticketOfMessageIds,
  type MailRow,
} from "../../store/mail.js";
import type { AttachmentMeta } from "../../store/schema.js";
import { customerStore } from "../../store/entities.js";
import { getTicket } from "../../store/tickets/ticketRows.js";
import { customerForRequester } from "../customers/requester.js";
import { addMessage } from "../tickets/addMessage.js";
import { createTicket } from "../tickets/createTicket.js";
import type { Work } from "../work.js";

/** More messages than this from one address within LOOP_WINDOW_MS is a machine answering a machine. */
export const LOOP_LIMIT = 20;
export const LOOP_WINDOW_MS = 10 * 60_000;

export interface ReceiveMailProps {
  /** The message as received, kept whatever becomes of it. */
  raw: Buffer;
  /** What readMail made of it. */
  mail: InboundMail;
  /** The envelope's recipients (RCPT TO); the To and Cc headers' when not given. A team's address among them sends the ticket to that team. */
  recipients?: readonly string[];
  /** The team the message came in for (its IMAP mailbox's): a new ticket goes there whatever its recipients. */
  teamId?: string;
  /** A message kept as `error` that this takes again (an admin's reprocessing): its row gives way to this one's. */
  replaces?: string;
}

export type MailOutcome = "ticket" | "reply" | "automated" | "bounce" | "error" | "duplicate";

export interface ReceivedMail {
  outcome: MailOutcome;
  ticketNumber: number | null;
  /** The stored mail's id (the earlier one for a duplicate). */
  mailId: string;
}

const SUBJECT_REFERENCE = /\[#(\d{1,15})\]/;

/** The ticket the mail answers: by its threading headers, else by its subject's reference from that ticket's customer. */
async function threadedTicket(work: Work, mail: InboundMail): Promise<Ticket | undefined> {
  const ids = [...(mail.bouncedMessageId ? [mail.bouncedMessageId] : []), ...(mail.inReplyTo ? [mail.inReplyTo] : []), ...mail.references];
  const byHeader = await ticketOfMessageIds(work.tx, ids);
  if (byHeader !== null) return getTicket(work.tx, byHeader);
  const reference = SUBJECT_REFERENCE.exec(mail.subject)?.[1];
  if (reference === undefined || mail.from === null) return undefined;
  const ticket = await getTicket(work.tx, Number(reference));
  if (!ticket) return undefined;
  const customer = await customerStore.get(work.tx, ticket.customerId);
  return customer?.email?.toLowerCase() === mail.from.address ? ticket : undefined;
}

/** Why a person's address is treated as a machine's: Palier's own, or writing faster than a person. */
async function senderVerdict(work: Work, mail: InboundMail): Promise<Automated | null> {
  if (mail.automated !== null || mail.from === null) return mail.automated;
  const address = mail.from.address;
  if ((await teamAddresses(work.tx)).includes(address)) return { kind: "loop", reason: `from: ${address} is a team's own address` };
  const recent = await receivedFromSince(work.tx, address, new Date(work.now.getTime() - LOOP_WINDOW_MS));
  if (recent >= LOOP_LIMIT) return { kind: "loop", reason: `${recent} messages from ${address} in ${LOOP_WINDOW_MS / 60_000} minutes` };
  return null;
}

function mailRow(work: Work, props: ReceiveMailProps, outcome: MailRow["outcome"], automated: Automated | null, ticketNumber: number | null) {
  const { mail } = props;
  return {
    direction: "in",
    outcome,
    messageIdHeader: mail.messageId,
    ticketNumber,
    fromAddress: mail.from?.address ?? null,
    toAddresses: [...(props.recipients ?? [...mail.to, ...mail.cc].map((address) => address.address))],
    subject: mail.subject,
    automated,
    problems: mail.errors,
    size: props.raw.length,
    raw: props.raw,
    createdAt: work.now,
  };
}

/** The attachments' metadata for the message (ids drawn now, so the rows can follow the message). */
function attachmentMetas(files: readonly MailAttachment[]): { meta: AttachmentMeta[]; ids: string[] } {
  const ids = files.map(() => randomUUID());
  const meta = files.map((file, index) => ({
    id: ids[index] as string,
    name: file.filename,
    contentType: file.contentType,
    size: file.size,
    url: `/api/v1/attachments/${ids[index] as string}`,
    inline: file.inline,
    contentId: file.contentId,
  }));
  return { meta, ids };
}

/** The HTML with its inline images pointing at their stored copies instead of `cid:` parts. */
function withStoredImages(html: string | null, files: readonly MailAttachment[], meta: readonly AttachmentMeta[]): string | undefined {
  if (html === null) return undefined;
  return files.reduce((out, file, index) => (file.contentId ? out.split(`cid:${file.contentId}`).join(meta[index]?.url ?? "") : out), html);
}

/** Receives one e-mail; see the file's header. Never throws on the mail's content: what cannot be taken is kept as `error`. */
export async function receiveMail(work: Work, props: ReceiveMailProps): Promise<ReceivedMail> {
  const { mail } = props;
  if (props.replaces !== undefined) await deleteMail(work.tx, props.replaces);
  if (mail.messageId !== null) {
    const earlier = await receivedBefore(work.tx, mail.messageId);
    if (earlier) return { outcome: "duplicate", ticketNumber: earlier.ticketNumber, mailId: earlier.id };
  }
  if (mail.raw || mail.from === null) {
    const row = await insertMail(work.tx, mailRow(work, props, "error", null, null));
    return { outcome: "error", ticketNumber: null, mailId: row.id };
  }

  const automated = await senderVerdict(work, mail);
  const thread = await threadedTicket(work, mail);
  if (automated !== null) {
    const bounce = automated.kind === "bounce" && mail.bounce !== null;
    const outcome = bounce ? "bounce" : "automated";
    const row = await insertMail(work.tx, mailRow(work, props, outcome, automated, thread?.number ?? null));
    if (thread) {
      await writeEvents(work.tx, [
        {
          ticketNumber: thread.number,
          at: work.now,
          actor: { type: "system" },
          type: "mail",
          data:
            bounce && mail.bounce
              ? { what: "bounced", ...mail.bounce }
              : { what: "automated", kind: automated.kind, reason: automated.reason, from: mail.from.address, subject: mail.subject },
        },
      ]);
    }
    return { outcome, ticketNumber: thread?.number ?? null, mailId: row.id };
  }

  const language: Language | null = mail.language === "unknown" ? null : mail.language;
  const { customerId } = await customerForRequester(work, { email: mail.from.address, name: mail.from.name || undefined, language });
  const asCustomer: Work = { ...work, actor: { type: "customer", id: customerId } };
  const { meta, ids } = attachmentMetas(mail.attachments);
  const message = {
    kind: "customer" as const,
    text: mail.text,
    html: withStoredImages(mail.html, mail.attachments, meta),
    attachments: meta,
    channel: "email" as const,
  };

  let ticket: Ticket;
  let messageId: string | undefined;
  let outcome: "ticket" | "reply";
  if (thread && thread.status !== "closed") {
    const added = await addMessage(asCustomer, { number: thread.number, ...message });
    ticket = added.ticket;
    messageId = added.message.id;
    outcome = "reply";
  } else {
    const recipients = props.recipients ?? [...mail.to, ...mail.cc].map((address) => address.address);
    const team = props.teamId !== undefined ? { id: props.teamId } : await teamOfAddresses(work.tx, recipients);
    const subject =
      mail.subject ||
      mail.text
        .split("\n")
        .find((line) => line.trim() !== "")
        ?.slice(0, 120) ||
      mail.from.address;
    const created = await createTicket(asCustomer, {
      subject,
      customerId,
      channel: "email",
      ...(team ? { teamId: team.id } : {}),
      message,
    });
    ticket = created.ticket;
    messageId = created.message?.id;
    outcome = "ticket";
  }
  const row = await insertMail(work.tx, { ...mailRow(work, props, outcome, null, ticket.number), messageId: messageId ?? null });
  await insertAttachments(
    work.tx,
    mail.attachments.map((file, index) => ({
      id: ids[index] as string,
      ticketNumber: ticket.number,
      messageId: messageId ?? null,
      mailId: row.id,
      filename: file.filename,
      contentType: file.contentType,
      size: file.size,
      inline: file.inline,
      contentId: file.contentId,
      sha256: file.sha256,
      content: file.content,
      createdAt: work.now,
    })),
  );
  return { outcome, ticketNumber: ticket.number, mailId: row.id };
}
