// The JSON of tickets, their messages and their timeline, and of the requests that list,
// create and change them (docs/api.md).

import { type TSchema, Type } from "typebox";
import { CHANNELS, LANGUAGES, MESSAGE_KINDS, PRIORITIES, STATUSES, TIERS } from "../../../core/ticket/ticket.js";
import { ALARM_KINDS } from "../../../core/triage/signals.js";
import { DateTime, IfMatchHeaders, Nullable, StringEnum, Text, Uuid, VersionField } from "../common/schema.js";

const Status = StringEnum(STATUSES);
const Priority = StringEnum(PRIORITIES);
const Tier = StringEnum(TIERS);
const Channel = StringEnum(CHANNELS);
const Language = StringEnum(LANGUAGES, { description: "fr, nl or en: the ticket is searched in this language" });
const MessageKind = StringEnum(MESSAGE_KINDS);
const Tag = Type.String({ minLength: 1, maxLength: 50, pattern: "\\S" });
const Tags = Type.Array(Tag, { maxItems: 50 });
const Followers = Type.Array(Uuid, { maxItems: 100, uniqueItems: true });
const CustomFields = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { description: "free-form fields of your own" });

/** A ticket as the API shows it. */
/** A field only staff read: a customer's own answers leave it out (docs/permissions.md). */
function StaffOnly<T extends TSchema>(schema: T) {
  return Type.Optional(schema);
}

export const TicketSchema = Type.Object(
  {
    number: Type.Integer(),
    subject: Type.String(),
    status: Status,
    priority: StaffOnly(Priority),
    tier: StaffOnly(Tier),
    channel: Channel,
    language: Nullable(Language),
    productId: StaffOnly(Nullable(Uuid)),
    customerId: Uuid,
    teamId: StaffOnly(Nullable(Uuid)),
    assigneeId: StaffOnly(Nullable(Uuid)),
    tags: StaffOnly(Type.Array(Type.String())),
    customFields: StaffOnly(Type.Record(Type.String(), Type.Unknown())),
    followers: StaffOnly(Type.Array(Uuid)),
    frustration: StaffOnly(
      Nullable(
        Type.Number({ minimum: 0, maximum: 1, description: "the highest frustration of the customer's messages (0 to 1); null before any was triaged" }),
      ),
    ),
    frustrated: StaffOnly(Type.Boolean({ description: "a customer message reached the frustration threshold" })),
    alarms: StaffOnly(Type.Array(StringEnum(ALARM_KINDS), { description: "the alarm kinds the customer's messages raised" })),
    createdAt: DateTime,
    updatedAt: DateTime,
    firstResponseAt: Nullable(DateTime),
    lastCustomerMessageAt: Nullable(DateTime),
    lastAgentMessageAt: Nullable(DateTime),
    solvedAt: Nullable(DateTime),
    closedAt: Nullable(DateTime),
    version: Type.Integer(),
  },
  { additionalProperties: false },
);

const Attachment = Type.Object(
  {
    name: Type.String(),
    contentType: Type.String(),
    size: Type.Integer(),
    url: Type.Optional(Type.String({ description: "where to download it (GET, with the caller's credentials)" })),
    inline: Type.Optional(Type.Boolean({ description: "an image the message's HTML showed in its body" })),
  },
  { additionalProperties: false },
);

/** What triage read in a customer message (docs/rules.md), for staff only. */
const TriageSchema = Type.Object(
  {
    language: StringEnum([...LANGUAGES, "unknown"]),
    frustration: Type.Number({ minimum: 0, maximum: 1 }),
    frustrated: Type.Boolean(),
    alarms: Type.Array(Type.Object({ kind: StringEnum(ALARM_KINDS), phrase: Type.String() }, { additionalProperties: false })),
    reasons: Type.Array(Type.Record(Type.String(), Type.Unknown()), {
      description: "the cues of the score: {kind: word|negated|capitals|exclamations|waiting|repeat_contact, phrase?, weight?, share?, count?, days?}",
    }),
  },
  { additionalProperties: false, description: "a customer message's triage signals; staff only, absent for customers" },
);

/** A message on a ticket. */
export const MessageSchema = Type.Object(
  {
    id: Uuid,
    ticketNumber: Type.Integer(),
    kind: MessageKind,
    authorAgentId: Nullable(Uuid),
    authorCustomerId: Nullable(Uuid),
    channel: Channel,
    bodyText: Type.String(),
    bodyHtml: Type.String(),
    attachments: Type.Array(Attachment),
    triage: Type.Optional(Nullable(TriageSchema)),
    mentions: Type.Optional(Type.Array(Uuid, { description: "the agents an internal note mentions (staff only)" })),
    suggestion: Type.Optional(Type.Boolean({ description: "an internal note a lead or manager wrote as a reply its mentioned agents may send (staff only)" })),
    createdAt: DateTime,
  },
  { additionalProperties: false },
);

/** One entry of a ticket's timeline. */
export const TicketEventSchema = Type.Object(
  {
    id: Type.Integer(),
    ticketNumber: Type.Integer(),
    at: DateTime,
    actorType: StringEnum(["agent", "customer", "rule", "system"]),
    actorId: Nullable(Uuid),
    type: Type.String(),
    changes: Type.Record(Type.String(), Type.Array(Type.Unknown()), { description: "{field: [before, after]}" }),
    reason: Nullable(Type.String()),
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);

/** `{number}` in the path. */
export const NumberParams = Type.Object(
  { number: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: "the ticket number" }) },
  { additionalProperties: false },
);

// Comma-separated lists in the query, validated whole: `status=open,pending`.
const listOf = (words: readonly string[], description: string) => Type.String({ pattern: `^(${words.join("|")})(,(${words.join("|")}))*$`, description });
const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const uuidList = (description: string, extra: string[] = []) =>
  Type.String({ pattern: `^(${[UUID, ...extra].join("|")})(,(${[UUID, ...extra].join("|")}))*$`, description });

export const VIEWS = ["mine", "team", "unassigned", "all", "breaching", "escalated"] as const;
export type View = (typeof VIEWS)[number];

/** Filters shared by the ticket list and a customer's tickets. */
export const ticketFilters = {
  status: Type.Optional(listOf(STATUSES, "comma-separated statuses")),
  priority: Type.Optional(listOf(PRIORITIES, "comma-separated priorities")),
  channel: Type.Optional(listOf(CHANNELS, "comma-separated channels")),
  tier: Type.Optional(listOf(TIERS, "comma-separated tiers")),
  sort: Type.Optional(
    StringEnum(["created_at", "updated_at", "number", "due"], {
      description: "default created_at; due: the earliest running SLA clock first (default order asc), tickets without one last",
    }),
  ),
  order: Type.Optional(StringEnum(["asc", "desc"], { description: "default desc" })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: "items per page (default 25)" })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: "`nextCursor` of the previous page" })),
};

export const TicketListQuery = Type.Object(
  {
    view: Type.Optional(
      StringEnum(VIEWS, {
        description:
          "mine: assigned to me; team: my team's; unassigned; all (default); breaching: a running SLA clock due within the hour or past due; escalated: an escalation level fired on a live clock",
      }),
    ),
    ...ticketFilters,
    team: Type.Optional(uuidList("comma-separated team ids")),
    assignee: Type.Optional(uuidList("comma-separated agent ids; `me` for yourself", ["me"])),
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: "comma-separated tags: tickets carrying all of them" })),
    customer: Type.Optional(uuidList("comma-separated customer ids")),
    q: Type.Optional(Type.String({ maxLength: 500, description: "full-text search over subjects and messages, in French, Dutch and English" })),
    frustrated: Type.Optional(
      StringEnum(["true", "false"], { description: "true: tickets whose customer sounded frustrated; false: the others (staff only)" }),
    ),
    alarm: Type.Optional(listOf(ALARM_KINDS, "comma-separated alarm kinds (legal, churn, money, outage, sales): tickets that raised any of them (staff only)")),
  },
  { additionalProperties: false },
);

/** A ticket in a list: the ticket and where its SLA stands. */
export const ListedTicketSchema = Type.Object(
  {
    ...TicketSchema.properties,
    /** The earliest due time of the ticket's running SLA clocks; null when none runs. */
    slaDueAt: StaffOnly(Nullable(DateTime)),
    slaBreached: StaffOnly(Type.Boolean({ description: "whether that due time has passed" })),
    slaPaused: StaffOnly(Type.Boolean({ description: "no clock runs and one is paused (e.g. while pending): no due time to show" })),
  },
  { additionalProperties: false },
);

export const TicketListResponse = Type.Object(
  {
    items: Type.Array(ListedTicketSchema),
    nextCursor: Nullable(Type.String()),
    total: Type.Integer({ description: "tickets matching the filters, on all pages" }),
    now: Type.String({ format: "date-time", description: "the server's clock when it answered: due times are measured against it" }),
  },
  { additionalProperties: false },
);

export const CustomerTicketsQuery = Type.Object(ticketFilters, { additionalProperties: false });

export const TicketCounts = Type.Object(
  { mine: Type.Integer(), team: Type.Integer(), unassigned: Type.Integer(), all: Type.Integer(), breaching: Type.Integer(), escalated: Type.Integer() },
  { additionalProperties: false, description: "tickets neither solved nor closed in each view" },
);

const MessageInput = {
  text: Type.Optional(Type.String({ maxLength: 100_000, description: "plain text" })),
  html: Type.Optional(Type.String({ maxLength: 200_000, description: "HTML, sanitized before it is stored" })),
};

export const CreateTicketBody = Type.Object(
  {
    subject: Text(500),
    channel: Channel,
    customerId: Type.Optional(
      Type.String({
        format: "uuid",
        description:
          "staff and API tokens: the customer, or else `requester` (exactly one of the two); a customer always opens tickets for themselves and sends neither",
      }),
    ),
    requester: Type.Optional(
      Type.Object(
        {
          email: Type.String({ format: "email", maxLength: 320 }),
          name: Type.Optional(Text(200)),
          language: Type.Optional(Nullable(Language)),
        },
        {
          additionalProperties: false,
          description:
            "staff and API tokens, instead of `customerId`: the person asking, matched to a customer by e-mail (case-insensitive) or created with this name and language",
        },
      ),
    ),
    priority: Type.Optional(Priority),
    tier: Type.Optional(Tier),
    teamId: Type.Optional(Nullable(Uuid)),
    assigneeId: Type.Optional(Nullable(Uuid)),
    productId: Type.Optional(Nullable(Uuid)),
    tags: Type.Optional(Tags),
    customFields: Type.Optional(CustomFields),
    language: Type.Optional(Nullable(Language)),
    followers: Type.Optional(Followers),
    message: Type.Optional(
      Type.Object(
        { ...MessageInput, kind: Type.Optional(StringEnum(MESSAGE_KINDS, { description: "default customer: the request itself" })) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const IdempotencyHeaders = Type.Object({
  "idempotency-key": Type.Optional(Type.String({ maxLength: 255, description: "a unique key per logical request (a UUID): retries with it are safe" })),
});

export const CreateTicketResponse = Type.Object({ ticket: TicketSchema, message: Nullable(MessageSchema) }, { additionalProperties: false });

export const UpdateTicketBody = Type.Object(
  {
    subject: Type.Optional(Text(500)),
    status: Type.Optional(Status),
    priority: Type.Optional(Priority),
    tier: Type.Optional(Tier),
    teamId: Type.Optional(Nullable(Uuid)),
    assigneeId: Type.Optional(Nullable(Uuid)),
    productId: Type.Optional(Nullable(Uuid)),
    tags: Type.Optional(Tags),
    followers: Type.Optional(Followers),
    customFields: Type.Optional(CustomFields),
    language: Type.Optional(Nullable(Language)),
    rootCause: Type.Optional(
      Type.String({
        maxLength: 100,
        description: "solving a ticket whose escalation is open or accepted: why it came to it, from the workspace's list (400 without)",
      }),
    ),
    rootCauseText: Type.Optional(Type.String({ maxLength: 2000, description: "the root cause in words: required with `other`" })),
    version: VersionField,
  },
  { additionalProperties: false },
);

export const UpdateTicketHeaders = IfMatchHeaders;

export const AddMessageBody = Type.Object(
  {
    kind: Type.Optional(StringEnum(MESSAGE_KINDS, { description: "default: reply for agents, customer for customers" })),
    ...MessageInput,
    // Ids are the core's to check, so that each unknown one is named in the reader's language.
    mentions: Type.Optional(Type.Array(Type.String(), { description: "an internal note's mentioned agents, by id: each is told" })),
    suggestion: Type.Optional(
      Type.Boolean({ description: "a note written as a reply the mentioned agents may send: team leads, managers and admins, with at least one mention" }),
    ),
  },
  { additionalProperties: false },
);

export const AddMessageResponse = Type.Object({ message: MessageSchema, ticket: TicketSchema }, { additionalProperties: false });
export const MessageList = Type.Object({ items: Type.Array(MessageSchema) }, { additionalProperties: false });
export const EventList = Type.Object({ items: Type.Array(TicketEventSchema) }, { additionalProperties: false });
