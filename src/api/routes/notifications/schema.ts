// The JSON of in-app notifications, of the request that marks them read, and of their stream.

import { Type } from "typebox";
import { DateTime, Nullable } from "../common/schema.js";

/** A notification as the API shows it. */
export const NotificationSchema = Type.Object(
  {
    id: Type.Integer(),
    ticketNumber: Nullable(Type.Integer()),
    title: Type.String(),
    body: Type.String(),
    data: Type.Record(Type.String(), Type.Unknown(), { description: "what the notification is about: ticket, level, target…" }),
    createdAt: DateTime,
    readAt: Nullable(DateTime),
  },
  { additionalProperties: false },
);

export const NotificationListQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: "true: only the unread ones" })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: "items per page (default 50)" })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "`nextCursor` of the previous page" })),
  },
  { additionalProperties: false },
);

export const NotificationListResponse = Type.Object(
  {
    items: Type.Array(NotificationSchema),
    nextCursor: Nullable(Type.String()),
    unreadCount: Type.Integer({ description: "the caller's unread notifications, on all pages" }),
  },
  { additionalProperties: false },
);

export const MarkReadBody = Type.Object(
  {
    ids: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 999_999_999_999_999 }), {
        minItems: 1,
        maxItems: 500,
        uniqueItems: true,
        description: "notifications to mark read (others' ids are ignored)",
      }),
    ),
    all: Type.Optional(Type.Boolean({ description: "true: mark every notification of the caller read" })),
  },
  { additionalProperties: false },
);

export const MarkReadResponse = Type.Object(
  { read: Type.Integer({ description: "notifications this call marked read" }), unreadCount: Type.Integer() },
  { additionalProperties: false },
);

export const StreamHeaders = Type.Object({
  "last-event-id": Type.Optional(
    Type.String({ pattern: "^[0-9]{1,15}$", description: "the id of the last event received: the stream starts with the ones after it" }),
  ),
});
