// Creating a ticket: the row as its first message leaves it (a customer's first message triaged),
// its followers, the `created`, `message`, `updated` and `triage` events in order, its clocks
// started, then the `ticket_created` rules run, after the SLA policy applied, so that their
// changes re-sync the clocks, and last its team's routing; few statements per ticket.

import { checkTransition, type Channel } from "../../core/ticket/ticket.js";
import { normalizeTags, type Ticket, type TicketFields } from "../../core/ticket/ticketRecord.js";
import type { ChangeCause, FieldChanges, NewTicketEvent } from "../../core/events/index.js";
import { writeEvents } from "../../store/events.js";
import { randomUUID } from "node:crypto";
import { insertMessage, type Message } from "../../store/tickets/messageRows.js";
import { insertTicket, subjectAndMessageSearch, subjectSearch } from "../../store/tickets/ticketRows.js";
import { answerEvent } from "../rules/answerEvent.js";
import { routeTicket } from "../routing/routeTicket.js";
import { syncCreated } from "../sla/syncClocks.js";
import type { Work } from "../work.js";
import { checkMessage, messageEffects, messageValues, type NewMessage } from "./messageEffects.js";
import { withNamedErrors } from "./namedErrors.js";
import { triageColumns, triageEvents, triageMessage } from "./triageMessage.js";

export interface CreateTicketProps extends Partial<TicketFields> {
  subject: string;
  /** InvalidReferenceError naming `customerId` when there is no such customer (likewise for the other ids). */
  customerId: string;
  channel: Channel;
  /** The request itself: by default a customer message (an agent's reply when the actor is an agent). */
  message?: NewMessage;
  /** Why, for the `created` event (none: a person simply created it); a person's words are a `comment` cause. */
  cause?: ChangeCause;
}

// The fields the `created` event lists, when set.
const CREATED_FIELDS = [
  "subject",
  "status",
  "priority",
  "tier",
  "channel",
  "language",
  "productId",
  "customerId",
  "teamId",
  "assigneeId",
  "tags",
  "followers",
] as const;

/**
 * Creates a ticket as the work's actor: status `new`, priority `normal` and tier L1 unless
 * given; its first message, if any, applies at once (a customer writing to a solved ticket
 * reopens it; an agent's reply opens it), and its clocks start.
 */
export async function createTicket(work: Work, props: CreateTicketProps): Promise<{ ticket: Ticket; message?: Message }> {
  const { tx, now, actor } = work;
  return withNamedErrors(async () => {
    const initial = props.status ?? "new";
    // With a first message, the ticket is inserted as that message leaves it (its stamps, its
    // status, its search text, and version 2 as after the update that used to follow the insert).
    const first = props.message ? messageEffects(props.message, actor, { status: initial, firstResponseAt: null }, now) : undefined;
    const triaged =
      first?.kind === "customer"
        ? await triageMessage(work, {
            customerId: props.customerId,
            subject: props.subject,
            text: first.body.text,
            channel: props.message?.channel ?? props.channel,
            language: props.language ?? null,
          })
        : undefined;
    // The language the caller gave stays; without one, the ticket takes the language its first message was detected in.
    const language = props.language ?? triaged?.languageSet ?? null;
    const status = first?.changes.status ?? initial;
    const ticket = await insertTicket(
      tx,
      {
        subject: props.subject,
        status,
        priority: props.priority ?? "normal",
        tier: props.tier ?? "L1",
        channel: props.channel,
        language,
        productId: props.productId ?? null,
        customerId: props.customerId,
        teamId: props.teamId ?? null,
        assigneeId: props.assigneeId ?? null,
        tags: normalizeTags(props.tags ?? []),
        customFields: props.customFields ?? {},
        search: (first ? subjectAndMessageSearch(props.subject, first.body.text, language) : subjectSearch(props.subject, language)) as unknown as string,
        // A solved ticket that the customer writes to reopens, which clears its solvedAt.
        solvedAt: initial === "solved" && status === "solved" ? now : null,
        ...first?.stamps,
        ...(triaged ? triageColumns({}, triaged) : {}),
        createdAt: now,
        updatedAt: now,
        ...(first ? { version: 2 } : {}),
      },
      [...new Set(props.followers ?? [])],
    );
    const changes: Record<string, [unknown, unknown]> = {};
    for (const field of CREATED_FIELDS) {
      const value = field === "status" ? initial : ticket[field];
      if (value !== null && !(Array.isArray(value) && value.length === 0)) changes[field] = [null, value];
    }
    const createdEvent: NewTicketEvent = {
      ticketNumber: ticket.number,
      at: now,
      actor,
      type: "created",
      changes: changes as FieldChanges,
      ...(props.cause ? { data: { cause: props.cause } } : {}),
    };
    if (!first || !props.message) {
      await writeEvents(tx, [createdEvent]);
      await syncCreated(work, { ticket });
      const answered = await answerEvent(work, { ticket, trigger: "ticket_created", triage: null, statusChanged: true });
      return { ticket: (await routeTicket(work, { ticket: answered })).ticket };
    }
    checkMessage(first.kind, actor, { number: ticket.number, status: initial });
    // The created, message and (when the message changed the status) updated events, in that order.
    const updatedEvents: NewTicketEvent[] =
      status === initial
        ? []
        : [
            {
              ticketNumber: ticket.number,
              at: now,
              actor,
              type: "updated",
              changes: { status: [initial, status] },
              ...(first.cause ? { data: { cause: first.cause } } : {}),
            },
          ];
    const id = randomUUID();
    const values = { ...messageValues(ticket, props.message, first, actor, now), id, ...(triaged ? { triage: triaged.signals } : {}) };
    const after = [...updatedEvents, ...(triaged ? triageEvents(ticket.number, id, triaged, work) : [])];
    const message = await insertMessage(tx, values, actor, [createdEvent], after);
    if (status !== initial) checkTransition(initial, status);
    await syncCreated(work, { ticket, messageKind: first.kind });
    const answered = await answerEvent(work, {
      ticket,
      trigger: "ticket_created",
      message: { text: first.body.text, kind: first.kind, channel: message.channel as Ticket["channel"] },
      triage: triaged?.signals ?? null,
      statusChanged: true,
    });
    return { ticket: (await routeTicket(work, { ticket: answered })).ticket, message };
  });
}
