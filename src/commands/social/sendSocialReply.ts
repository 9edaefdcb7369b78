// An agent's public reply on a social ticket goes to the network through the deployment's
// connector (docs/social.md), queued in the outbox in the reply's unit of work: the connector
// gets a signed POST saying which thread and message it answers, and retries and dead letters
// are the outbox's. With no connector URL set, the row is still queued and dies at its first
// attempt, so that the admins see the reply did not go out.

import { isNetwork } from "../../core/social/socialEvent.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { enqueue } from "../../store/outbox/outbox.js";
import { getNetwork, postsOfTicket } from "../../store/social.js";
import type { Message } from "../../store/tickets/messageRows.js";
import type { Work } from "../work.js";

/** What the connector receives (docs/social.md, "Replies out"). */
export interface SocialReplyBody {
  network: string;
  ticketNumber: number;
  /** Palier's id of the reply. */
  messageId: string;
  /** The network's thread and the message answered (the customer's latest on the ticket). */
  threadId: string;
  inReplyTo: string;
  /** Whom it answers, and whether privately (a direct message's thread) or in public. */
  recipient: { id: string; handle: string };
  private: boolean;
  text: string;
  sentAt: string;
}

/** Queues `message` (a public reply) to the network; nothing when the ticket is not a social one or no message came from the network on it. */
export async function sendSocialReply(work: Work, props: { ticket: Ticket; message: Message }): Promise<SocialReplyBody | null> {
  const { ticket, message } = props;
  if (message.kind !== "reply" || !isNetwork(ticket.channel)) return null;
  const network = ticket.channel;
  const posts = await postsOfTicket(work.tx, ticket.number);
  const last = posts.at(-1);
  if (!last) return null;
  const connection = await getNetwork(work.tx, network);
  const body: SocialReplyBody = {
    network,
    ticketNumber: ticket.number,
    messageId: message.id,
    threadId: last.threadId,
    inReplyTo: last.externalId,
    recipient: { id: last.author.id, handle: last.author.handle },
    private: last.kind === "direct_message",
    text: message.bodyText,
    sentAt: work.now.toISOString(),
  };
  await enqueue(work.tx, [{ kind: "social", ticketNumber: ticket.number, address: connection?.connectorUrl ?? null, payload: { network, body } }], work.now);
  return body;
}
