// The JSON of the outbox as admins see it (secrets withheld), of its filters, and of the
// e-mails kept in the built-in mailbox.

import { Type } from "typebox";
import { OUTBOX_KINDS, OUTBOX_STATES } from "../../../store/outbox/outboxAdmin.js";
import { DateTime, Nullable, StringEnum, Uuid } from "../common/schema.js";

const cursor = Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "`nextCursor` of the previous page" }));
const limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: "items per page (default 50)" }));

/** An outbox row: one notification on its way, delivered, or dead. */
export const OutboxItemSchema = Type.Object(
  {
    id: Type.Integer(),
    deliveryId: Uuid,
    kind: StringEnum(OUTBOX_KINDS),
    state: StringEnum(OUTBOX_STATES),
    ticketNumber: Nullable(Type.Integer()),
    agentId: Nullable(Uuid),
    address: Nullable(Type.String({ description: "the e-mail address or webhook URL" })),
    payload: Type.Record(Type.String(), Type.Unknown(), { description: "what is sent; a webhook's secret is withheld" }),
    attempts: Type.Integer(),
    nextAttemptAt: DateTime,
    leaseUntil: Nullable(DateTime),
    lastError: Nullable(Type.String()),
    transport: Nullable(Type.String({ description: "smtp, mailbox, webhook or inapp, once delivered" })),
    createdAt: DateTime,
    deliveredAt: Nullable(DateTime),
  },
  { additionalProperties: false },
);

export const OutboxListQuery = Type.Object(
  {
    state: Type.Optional(StringEnum(OUTBOX_STATES)),
    kind: Type.Optional(StringEnum(OUTBOX_KINDS)),
    limit,
    cursor,
  },
  { additionalProperties: false },
);

export const OutboxIdParams = Type.Object(
  { id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: "the outbox row's id" }) },
  { additionalProperties: false },
);

export const ReplayBody = Type.Object({}, { additionalProperties: false, description: "nothing (an empty object, or no body)" });

/** An e-mail kept in the built-in mailbox. */
export const MailboxItemSchema = Type.Object(
  {
    id: Type.Integer(),
    deliveryId: Uuid,
    to: Type.String(),
    subject: Type.String(),
    text: Type.String(),
    html: Nullable(Type.String()),
    locale: Nullable(Type.String()),
    ticketNumber: Nullable(Type.Integer()),
    createdAt: DateTime,
    deliveredAt: Nullable(DateTime),
  },
  { additionalProperties: false },
);

export const MailboxQuery = Type.Object({ limit, cursor }, { additionalProperties: false });
