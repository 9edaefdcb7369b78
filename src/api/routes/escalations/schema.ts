// The shapes of the human escalation's routes: an escalation request (deliberately loose, so
// that the command names every missing hand-off field at once), a decision, the board's filters
// and an escalation as JSON.

import { Type } from "typebox";
import { ESCALATION_KINDS, ESCALATION_STATUSES, HANDOFF_URGENCIES } from "../../../core/escalation/handoff.js";
import { TicketSchema } from "../tickets/schema.js";
import { DateTime, Nullable, StringEnum, Uuid } from "../common/schema.js";

const Words = (max: number, description?: string) => Type.String({ maxLength: max, ...(description ? { description } : {}) });

/** The hand-off: every field is required, but a missing one is named by the command with the others (400). */
export const HandoffInput = Type.Object(
  {
    summary: Type.Optional(Nullable(Words(4000, "the problem, in a few sentences"))),
    tried: Type.Optional(Nullable(Words(4000, "what was already tried"))),
    impact: Type.Optional(Nullable(Words(4000, "what the customer cannot do, and for how many"))),
    urgency: Type.Optional(Nullable(Words(20, `one of ${HANDOFF_URGENCIES.join(", ")}`))),
  },
  { additionalProperties: false },
);

export const EscalateBody = Type.Object(
  {
    kind: Type.Optional(Words(20, `one of ${ESCALATION_KINDS.join(", ")}`)),
    toTeamId: Type.Optional(Nullable(Words(64, "functional: the receiving team"))),
    toAgentId: Type.Optional(Nullable(Words(64, "functional: a specialist; hierarchical: a lead or a manager"))),
    vendor: Type.Optional(Nullable(Words(200, "external: the vendor or partner"))),
    vendorReference: Type.Optional(Nullable(Words(200, "external: their reference"))),
    promisedAt: Type.Optional(Nullable(Words(64, "external: the date they promised, ISO 8601 with an offset"))),
    handoff: Type.Optional(HandoffInput),
    reason: Type.Optional(Nullable(Words(2000, "why escalate now, when the ticket is minutes old and nobody replied or wrote a note"))),
    notifyCustomer: Type.Optional(Type.Boolean({ description: "tell the customer of the transfer and its ETA in a public reply" })),
    noticeText: Type.Optional(Words(8000, "the notice as edited after the preview; default: the template's")),
  },
  { additionalProperties: false },
);

/** Accepting takes no fields; `{}` or no body at all. */
export const AcceptBody = Type.Object({}, { additionalProperties: false });

export const BounceBody = Type.Object(
  {
    reason: Type.Optional(Words(2000, "why it is not for you: required")),
    suggestedTeamId: Type.Optional(Nullable(Words(64, "a team better placed to take it"))),
  },
  { additionalProperties: false },
);

export const EscalationSchema = Type.Object(
  {
    id: Uuid,
    ticketNumber: Type.Integer(),
    kind: StringEnum(ESCALATION_KINDS),
    status: StringEnum(ESCALATION_STATUSES),
    fromAgentId: Nullable(Uuid),
    fromTeamId: Nullable(Uuid),
    toTeamId: Nullable(Uuid),
    toAgentId: Nullable(Uuid),
    vendor: Nullable(Type.String()),
    vendorReference: Nullable(Type.String()),
    promisedAt: Nullable(DateTime),
    handoff: Type.Object({ summary: Type.String(), tried: Type.String(), impact: Type.String(), urgency: StringEnum(HANDOFF_URGENCIES) }),
    etaAt: Nullable(DateTime),
    noticeMessageId: Nullable(Uuid),
    decidedById: Nullable(Uuid),
    decidedAt: Nullable(DateTime),
    bounceReason: Nullable(Type.String()),
    suggestedTeamId: Nullable(Uuid),
    rootCause: Nullable(Type.String()),
    rootCauseText: Nullable(Type.String()),
    resolvedAt: Nullable(DateTime),
    createdAt: DateTime,
    updatedAt: DateTime,
    /** Seconds since it was made, at the request's instant. */
    ageSeconds: Type.Integer({ description: "seconds since it was made" }),
  },
  { additionalProperties: false },
);

export const Notice = Type.Object({ locale: StringEnum(["en", "fr", "nl"]), text: Type.String() }, { additionalProperties: false });

export const PreviewResponse = Type.Object(
  {
    etaAt: Nullable(DateTime),
    notice: Notice,
    changes: Type.Object({ teamId: Type.Optional(Nullable(Uuid)), assigneeId: Type.Optional(Nullable(Uuid)), tier: Type.Optional(Type.String()) }),
  },
  { additionalProperties: false },
);

export const EscalateResponse = Type.Object({ escalation: EscalationSchema, ticket: TicketSchema, notice: Nullable(Notice) }, { additionalProperties: false });

export const DecisionResponse = Type.Object(
  { escalation: EscalationSchema, ticket: TicketSchema, bounces: Type.Integer({ description: "how many times the ticket was sent back" }) },
  { additionalProperties: false },
);

export const TicketEscalations = Type.Object(
  { items: Type.Array(EscalationSchema), bounces: Type.Integer({ description: "how many times the ticket was sent back" }) },
  { additionalProperties: false },
);

const List = (values: readonly string[]) =>
  Type.String({ maxLength: 200, pattern: `^(${values.join("|")})(,(${values.join("|")}))*$`, description: `comma-separated: ${values.join(", ")}` });

export const BoardQuery = Type.Object(
  {
    status: Type.Optional(List(ESCALATION_STATUSES)),
    kind: Type.Optional(List(ESCALATION_KINDS)),
    teamId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: "default 100" })),
  },
  { additionalProperties: false },
);

export const BoardItem = Type.Object(
  { ...EscalationSchema.properties, subject: Type.String(), toTeamName: Nullable(Type.String()) },
  { additionalProperties: false },
);

export const BoardResponse = Type.Object({ items: Type.Array(BoardItem), now: DateTime }, { additionalProperties: false });

export const AgentCounts = Type.Object(
  {
    agentId: Uuid,
    escalated: Type.Integer({ description: "escalations the agent made" }),
    bounced: Type.Integer({ description: "of which sent back" }),
    sentBack: Type.Integer({ description: "escalations the agent sent back to whoever made them" }),
  },
  { additionalProperties: false },
);

const UUID_TEXT = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

export const AgentCountsQuery = Type.Object(
  {
    agentIds: Type.String({
      maxLength: 200 * 37,
      pattern: `^${UUID_TEXT}(,${UUID_TEXT})*$`,
      description: "comma-separated agent ids, at most 200",
    }),
  },
  { additionalProperties: false },
);

export const AgentCountsList = Type.Object({ items: Type.Array(AgentCounts) }, { additionalProperties: false });
