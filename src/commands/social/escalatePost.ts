// Sending an escalation-worthy social message to support from the social triage view: its ticket
// raised to a priority, given internal tags and, when named, a support team, with an internal
// note saying who wrote it and how far they reach; the message remembers it was sent.

import { localeOf, translate } from "../../core/i18n/index.js";
import type { Priority } from "../../core/ticket/ticket.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { InvalidReferenceError, NotFoundError } from "../../store/errors.js";
import { markEscalated, postById } from "../../store/social.js";
import { lockTicket } from "../../store/tickets/ticketRows.js";
import { addMessage } from "../tickets/addMessage.js";
import { updateTicket } from "../tickets/changeTicket.js";
import type { Work } from "../work.js";

/** The tag every social message sent to support carries, beside the caller's. */
export const ESCALATED_TAG = "social-escalation";

export interface EscalatePostProps {
  postId: string;
  /** Default `high`. */
  priority?: Priority;
  /** Internal tags added to the ticket. */
  tags?: readonly string[];
  /** The support team that takes it; default: the ticket's own. */
  teamId?: string;
  /** The language of the internal note; default English. */
  locale?: string;
}

/** Sends a social message to support; NotFoundError when there is no such message, InvalidReferenceError when it has no open ticket. */
export async function escalatePost(work: Work, props: EscalatePostProps): Promise<Ticket> {
  const post = await postById(work.tx, props.postId);
  if (!post) throw new NotFoundError("social message", props.postId);
  if (post.ticketNumber === null) throw new InvalidReferenceError("postId", "this message has no ticket any more");
  const before = await lockTicket(work.tx, post.ticketNumber);
  if (before.status === "closed") throw new InvalidReferenceError("postId", `ticket #${before.number} is closed`);
  const priority = props.priority ?? "high";
  const tags = [...new Set([...before.tags, ESCALATED_TAG, ...(props.tags ?? [])])];
  const raised = priorityRank(priority) > priorityRank(before.priority) ? priority : before.priority;
  await updateTicket(work, {
    number: before.number,
    changes: { priority: raised, tags, ...(props.teamId ? { teamId: props.teamId } : {}) },
  });
  const locale = localeOf(props.locale ?? "en");
  const { ticket } = await addMessage(work, {
    number: before.number,
    kind: "note",
    text: translate(locale, "social.escalatedNote", {
      handle: post.author.handle,
      followers: post.author.followers,
      verified: post.author.verified ? "yes" : "no",
    }),
  });
  await markEscalated(work.tx, post.id, work.now);
  return ticket;
}

function priorityRank(priority: Priority): number {
  return ["low", "normal", "high", "urgent"].indexOf(priority);
}
