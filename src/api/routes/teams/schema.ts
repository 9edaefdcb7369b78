// The JSON of teams and of their requests.

import { Type } from "typebox";
import { ASSIGNMENT_STRATEGIES } from "../../../core/routing/strategy.js";
import { TIERS } from "../../../core/ticket/ticket.js";
import { DateTime, Nullable, pageQuery, StringEnum, Text, Uuid, VersionField } from "../common/schema.js";

const Tier = StringEnum(TIERS, { description: "the tier the team works at: L0 self-care, L1, L2, L3, external" });
const Assignment = StringEnum(ASSIGNMENT_STRATEGIES, {
  description: "how the team's tickets reach its agents: load_balanced, round_robin or manual (docs/routing.md)",
});

const Signature = Type.Optional(Type.String({ maxLength: 2000, description: "plain text, several lines allowed" }));
const Signatures = Type.Object(
  { fr: Signature, nl: Signature, en: Signature },
  { additionalProperties: false, description: "the signature of the team's e-mail replies, per language of the customer" },
);

/** A team as the API shows it. */
export const TeamSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    email: Nullable(Type.String()),
    leadId: Nullable(Uuid),
    calendarId: Nullable(Uuid),
    tier: Nullable(Tier),
    assignment: Assignment,
    onCallScheduleId: Nullable(Uuid),
    signatures: Signatures,
    phone: Nullable(Type.String()),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);

export const TeamListQuery = Type.Object({ ...pageQuery }, { additionalProperties: false });

const fields = {
  email: Type.Optional(Nullable(Type.String({ format: "email", maxLength: 320 }))),
  leadId: Type.Optional(Nullable(Uuid)),
  calendarId: Type.Optional(Nullable(Uuid)),
  tier: Type.Optional(Nullable(Tier)),
  assignment: Type.Optional(Assignment),
  onCallScheduleId: Type.Optional(Nullable(Uuid)),
  signatures: Type.Optional(Signatures),
  phone: Type.Optional(
    Nullable(
      Type.String({
        minLength: 3,
        maxLength: 40,
        pattern: "^\\+?[0-9][0-9 ().-]*[0-9]$",
        description: "the number the self-care widget shows while the team's calendar is open (docs/self-care.md)",
      }),
    ),
  ),
};

/** A ticket waiting in the team's queue. */
export const QueuedTicketSchema = Type.Object(
  {
    number: Type.Integer(),
    subject: Type.String(),
    priority: Type.String(),
    language: Nullable(Type.String()),
    channel: Type.String(),
    queuedAt: DateTime,
    createdAt: DateTime,
  },
  { additionalProperties: false },
);

export const TeamQueue = Type.Object({ items: Type.Array(QueuedTicketSchema) }, { additionalProperties: false });
export const TeamQueueQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100, description: "at most this many, oldest first" })) },
  { additionalProperties: false },
);

export const CreateTeamBody = Type.Object({ name: Text(200), ...fields }, { additionalProperties: false });
export const UpdateTeamBody = Type.Object({ name: Type.Optional(Text(200)), ...fields, version: VersionField }, { additionalProperties: false });
