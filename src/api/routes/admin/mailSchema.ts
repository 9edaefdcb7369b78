// The JSON of received mail as admins see it: what became of each message and why, never its
// bytes (downloaded apart as message/rfc822).

import { Type } from "typebox";
import { AUTOMATED_KINDS } from "../../../core/mail/automated.js";
import { MAIL_OUTCOMES } from "../../../store/mail.js";
import { DateTime, Nullable, StringEnum, Uuid } from "../common/schema.js";

export const ReceivedMailSchema = Type.Object(
  {
    id: Uuid,
    outcome: StringEnum(MAIL_OUTCOMES, {
      description: "ticket (opened one), reply (added to one), automated (kept, not answered), bounce, or error (kept raw)",
    }),
    messageId: Nullable(Type.String({ description: "the Message-ID header" })),
    ticketNumber: Nullable(Type.Integer()),
    from: Nullable(Type.String()),
    to: Type.Array(Type.String()),
    subject: Type.String(),
    automated: Nullable(Type.Object({ kind: StringEnum(AUTOMATED_KINDS), reason: Type.String() }, { additionalProperties: false })),
    problems: Type.Array(Type.Object({ code: Type.String(), detail: Type.String() }, { additionalProperties: false })),
    size: Type.Integer({ description: "bytes as received" }),
    receivedAt: DateTime,
  },
  { additionalProperties: false },
);

export const ReceivedMailQuery = Type.Object(
  {
    outcome: Type.Optional(StringEnum(MAIL_OUTCOMES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: "items per page (default 50)" })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "`nextCursor` of the previous page" })),
  },
  { additionalProperties: false },
);

export const ReprocessedSchema = Type.Object(
  {
    outcome: Type.String({ description: "what the message became now" }),
    ticketNumber: Nullable(Type.Integer()),
    mailId: Uuid,
  },
  { additionalProperties: false },
);
