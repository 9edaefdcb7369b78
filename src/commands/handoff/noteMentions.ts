// Mentions in internal notes: the agents a note names checked against the workspace's, and each
// one told in their language (in-app, and by e-mail like the escalation's other notices), a
// suggested reply told as such.

import { checkMentions, type CheckedMentions, mentionedIds, type MentionInput } from "../../core/escalation/supervision.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { isUuid } from "../../store/sql/uuid.js";
import type { Message } from "../../store/tickets/messageRows.js";
import type { Work } from "../work.js";
import { loadPeople, queueNotices } from "./handoffNotices.js";

/** The longest excerpt of a note a notice quotes. */
const EXCERPT = 160;

/** A new message's mentions checked (see checkMentions) against the agents they name and the author's role. */
export async function checkNoteMentions(work: Work, input: MentionInput): Promise<CheckedMentions> {
  if ((input.mentions ?? []).length === 0 && input.suggestion !== true) return { mentions: [], suggestion: false };
  const author = work.actor.type === "agent" ? work.actor.id : undefined;
  const people = await loadPeople(work.tx, [...mentionedIds(input).filter(isUuid), author]);
  return checkMentions(input, people, author ? (people.get(author)?.role ?? null) : null);
}

/** Tells each agent `message` mentions (the author apart) that they were, or that a reply is suggested to them. */
export async function tellMentioned(work: Work, props: { ticket: Ticket; message: Message }): Promise<void> {
  const { message, ticket } = props;
  const author = message.authorAgentId;
  const recipients = message.mentions.filter((id) => id !== author);
  if (recipients.length === 0) return;
  const people = await loadPeople(work.tx, [...recipients, author]);
  const text = message.bodyText.replace(/\s+/g, " ").trim();
  const excerpt = text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
  await queueNotices(work.tx, {
    kind: message.suggestion ? "suggested" : "mentioned",
    ticketNumber: ticket.number,
    recipients: recipients.map((id) => people.get(id)).filter((p) => p !== undefined),
    values: () => ({ agent: (author && people.get(author)?.name) || "Palier", subject: ticket.subject, excerpt }),
    data: { type: "mention", messageId: message.id, suggestion: message.suggestion },
    now: work.now,
  });
}
