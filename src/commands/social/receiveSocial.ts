// One signed delivery from a social network, in one unit of work (docs/social.md): remembered so
// that a replay is refused, then each message a new ticket or a message on the ticket of its
// thread, for the customer of its author's handle (found or created), through the ticket
// commands (triage, rules, SLA, routing); each kept with its author's profile. Last, a burst of
// negative public mentions raises an incident that managers are told of.

import { DEFAULT_BURST, detectBurst } from "../../core/social/burst.js";
import type { Network, SocialDelivery, SocialEvent } from "../../core/social/socialEvent.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { customerStore } from "../../store/entities.js";
import { getTicket } from "../../store/tickets/ticketRows.js";
import {
  closeIncident,
  customerBySocialHandle,
  lockSocialAuthor,
  insertIncident,
  insertPost,
  openIncident,
  postByExternalId,
  publicMentionsSince,
  rememberDelivery,
  ticketOfThread,
} from "../../store/social.js";
import { addMessage } from "../tickets/addMessage.js";
import { createTicket } from "../tickets/createTicket.js";
import type { Work } from "../work.js";
import { tellManagersOfBurst } from "./incidentNotices.js";

/** A delivery taken already: its id was seen within the signature window. */
export class DeliveryReplayed extends Error {
  constructor(readonly deliveryId: string) {
    super(`delivery ${deliveryId} was taken already: a replay is refused`);
    this.name = "DeliveryReplayed";
  }
}

export interface ReceiveSocialProps {
  network: Network;
  delivery: SocialDelivery;
  /** Deliveries remembered from before this instant are forgotten (their timestamps are out of the window). */
  forgetBefore: Date;
}

export type SocialOutcome = "ticket" | "reply" | "duplicate";

export interface ReceivedSocial {
  events: { id: string; outcome: SocialOutcome; ticketNumber: number | null; postId: string | null }[];
  /** The incident this delivery raised, if it did. */
  incidentId: string | null;
}

/**
 * The customer of an author: the one whose `social` names their handle on the network, or a new
 * one. Deliveries of one author wait for each other here, so that two at once make one customer.
 */
async function customerOfAuthor(work: Work, network: Network, event: SocialEvent): Promise<string> {
  await lockSocialAuthor(work.tx, network, event.author.handle);
  const found = await customerBySocialHandle(work.tx, network, event.author.handle);
  if (found) return found;
  const created = await customerStore.create(
    work.tx,
    { name: event.author.name.trim() || event.author.handle, social: { [network]: event.author.handle } },
    work.now,
  );
  return created.id;
}

/** The subject of a ticket a message opens: its first line, shortened. */
function subjectOf(event: SocialEvent): string {
  const line = event.text.split("\n").find((part) => part.trim() !== "") ?? event.author.handle;
  const trimmed = line.trim();
  return trimmed.length > 120 ? `${trimmed.slice(0, 119)}…` : trimmed;
}

async function receiveEvent(work: Work, network: Network, event: SocialEvent): Promise<ReceivedSocial["events"][number]> {
  const earlier = await postByExternalId(work.tx, network, event.id);
  if (earlier) return { id: event.id, outcome: "duplicate", ticketNumber: earlier.ticketNumber, postId: earlier.id };
  const customerId = await customerOfAuthor(work, network, event);
  const asCustomer: Work = { ...work, actor: { type: "customer", id: customerId } };
  const message = { kind: "customer" as const, text: event.text, channel: network };
  const threadTicket = await ticketOfThread(work.tx, network, event.threadId);
  const thread: Ticket | undefined = threadTicket === null ? undefined : await getTicket(work.tx, threadTicket);
  let ticketNumber: number;
  let messageId: string | null;
  let negative: boolean;
  let outcome: SocialOutcome;
  if (thread && thread.status !== "closed") {
    const added = await addMessage(asCustomer, { number: thread.number, ...message });
    ticketNumber = added.ticket.number;
    messageId = added.message.id;
    negative = added.message.triage?.frustrated ?? false;
    outcome = "reply";
  } else {
    const created = await createTicket(asCustomer, { subject: subjectOf(event), customerId, channel: network, message });
    ticketNumber = created.ticket.number;
    messageId = created.message?.id ?? null;
    negative = created.message?.triage?.frustrated ?? false;
    outcome = "ticket";
  }
  const post = await insertPost(work.tx, {
    network,
    externalId: event.id,
    kind: event.kind,
    threadId: event.threadId,
    authorId: event.author.id,
    author: event.author,
    text: event.text,
    customerId,
    ticketNumber,
    messageId,
    negative,
    writtenAt: event.createdAt,
    createdAt: work.now,
  });
  return { id: event.id, outcome, ticketNumber, postId: post.id };
}

/** Raises an incident on a burst of negative public mentions, or closes the open one once the window holds none. */
async function watchForBurst(work: Work, network: Network): Promise<string | null> {
  const rule = DEFAULT_BURST;
  const mentions = await publicMentionsSince(work.tx, network, new Date(work.now.getTime() - rule.windowMs));
  const open = await openIncident(work.tx, "social_burst", network);
  if (open && !mentions.some((mention) => mention.negative)) {
    await closeIncident(work.tx, open.id, work.now);
    return null;
  }
  const burst = detectBurst(mentions, work.now, rule, open?.raisedAt);
  if (!burst) return null;
  const data = {
    count: burst.count,
    since: burst.since.toISOString(),
    until: burst.until.toISOString(),
    windowMinutes: rule.windowMs / 60_000,
    threshold: rule.threshold,
  };
  if (open) await closeIncident(work.tx, open.id, work.now);
  const incident = await insertIncident(work.tx, { kind: "social_burst", channel: network, data, raisedAt: work.now });
  await tellManagersOfBurst(work, { network, incidentId: incident.id, count: burst.count, minutes: rule.windowMs / 60_000 });
  return incident.id;
}

/** Takes one delivery; see the file's header. DeliveryReplayed when its id was taken already within the window. */
export async function receiveSocial(work: Work, props: ReceiveSocialProps): Promise<ReceivedSocial> {
  const { network, delivery } = props;
  if (!(await rememberDelivery(work.tx, network, delivery.deliveryId, work.now, props.forgetBefore))) throw new DeliveryReplayed(delivery.deliveryId);
  // In the order they were written, so that a thread's first message opens its ticket.
  const events = [...delivery.events].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const received: ReceivedSocial["events"] = [];
  for (const event of events) received.push(await receiveEvent(work, network, event));
  const taken = received.some((event) => event.outcome !== "duplicate");
  const incidentId = taken ? await watchForBurst(work, network) : null;
  return { events: received, incidentId };
}
