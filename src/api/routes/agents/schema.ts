// The JSON of agents (the helpdesk's staff) and of their requests; never a password hash.

import { Type } from "typebox";
import { ROLES } from "../../../core/access/permissions.js";
import { CHANNELS } from "../../../core/ticket/ticket.js";
import { DateTime, Nullable, pageQuery, StringEnum, Text, Uuid, VersionField } from "../common/schema.js";

const Role = StringEnum(ROLES, { description: "what the agent may do (docs/permissions.md)" });
const Words = (description: string) => Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50, uniqueItems: true, description });

/** An agent as the API shows it. */
export const AgentSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    email: Type.String(),
    role: Role,
    teamId: Nullable(Uuid),
    managerId: Nullable(Uuid),
    region: Nullable(Type.String()),
    languages: Type.Array(Type.String()),
    skills: Type.Array(Type.String()),
    products: Type.Array(Type.String()),
    channels: Type.Array(Type.String()),
    capacity: Type.Integer(),
    openTickets: Type.Integer({ description: "open tickets (new, open, pending, on hold) assigned to the agent: their load against capacity" }),
    outOfOfficeFrom: Nullable(DateTime),
    outOfOfficeUntil: Nullable(DateTime),
    calendarId: Nullable(Uuid),
    locale: Type.String(),
    active: Type.Boolean(),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);

export const AgentListQuery = Type.Object(
  {
    ...pageQuery,
    team: Type.Optional(Type.String({ format: "uuid", description: "only this team's agents" })),
    role: Type.Optional(Role),
    active: Type.Optional(Type.Boolean({ description: "true: active agents only; false: deactivated ones" })),
  },
  { additionalProperties: false },
);

const fields = {
  role: Type.Optional(Role),
  teamId: Type.Optional(Nullable(Uuid)),
  managerId: Type.Optional(Nullable(Uuid)),
  region: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
  languages: Type.Optional(Words("languages spoken, e.g. fr, nl, en")),
  skills: Type.Optional(Words("skills tickets are routed on: a ticket tag naming one goes to an agent who has it")),
  products: Type.Optional(Words("codes of the products the agent knows")),
  channels: Type.Optional(Type.Array(StringEnum(CHANNELS), { uniqueItems: true, description: "channels the agent works; empty: all of them" })),
  outOfOfficeFrom: Type.Optional(Nullable(Type.String({ format: "date-time", description: "out of office from this instant (null: not out of office)" }))),
  outOfOfficeUntil: Type.Optional(
    Nullable(Type.String({ format: "date-time", description: "back at this instant (null: until further notice); after outOfOfficeFrom" })),
  ),
  capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: "open tickets the agent can carry at once" })),
  calendarId: Type.Optional(Nullable(Uuid)),
  locale: Type.Optional(Type.String({ pattern: "^[a-z]{2}(-[A-Z]{2})?$", description: "e.g. fr, nl-BE" })),
  active: Type.Optional(Type.Boolean()),
};

const Email = Type.String({ format: "email", maxLength: 320 });

export const CreateAgentBody = Type.Object({ name: Text(200), email: Email, ...fields }, { additionalProperties: false });
export const UpdateAgentBody = Type.Object(
  { name: Type.Optional(Text(200)), email: Type.Optional(Email), ...fields, version: VersionField },
  { additionalProperties: false },
);
