// The JSON of teams and of their requests.

import { Type } from "typebox";
import { DateTime, Nullable, pageQuery, Text, Uuid, VersionField } from "../common/schema.js";

/** A team as the API shows it. */
export const TeamSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    email: Nullable(Type.String()),
    leadId: Nullable(Uuid),
    calendarId: Nullable(Uuid),
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
};

export const CreateTeamBody = Type.Object({ name: Text(200), ...fields }, { additionalProperties: false });
export const UpdateTeamBody = Type.Object({ name: Type.Optional(Text(200)), ...fields, version: VersionField }, { additionalProperties: false });
