// The JSON of customers and of the requests that list, create and change them.

import { Type } from "typebox";
import { LANGUAGES } from "../../../core/ticket/ticket.js";
import { DateTime, Nullable, pageQuery, StringEnum, Text, Uuid, VersionField } from "../common/schema.js";

const Language = StringEnum(LANGUAGES, { description: "fr, nl or en" });
const Email = Type.String({ format: "email", maxLength: 320 });
const Phone = Type.String({ minLength: 1, maxLength: 50 });
const Social = Type.Record(Type.String({ minLength: 1, maxLength: 50 }), Type.String({ maxLength: 200 }), { description: 'e.g. {"twitter": "@marie"}' });

/** A customer as the API shows it (never a password hash). */
export const CustomerSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    social: Type.Record(Type.String(), Type.String()),
    language: Nullable(Language),
    organizationId: Nullable(Uuid),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);

export const CustomerListQuery = Type.Object(
  { ...pageQuery, organization: Type.Optional(Type.String({ format: "uuid", description: "only this organization's customers" })) },
  { additionalProperties: false },
);

const fields = {
  email: Type.Optional(Nullable(Email)),
  phone: Type.Optional(Nullable(Phone)),
  social: Type.Optional(Social),
  language: Type.Optional(Nullable(Language)),
  organizationId: Type.Optional(Nullable(Uuid)),
};

export const CreateCustomerBody = Type.Object({ name: Text(200), ...fields }, { additionalProperties: false });
export const UpdateCustomerBody = Type.Object({ name: Type.Optional(Text(200)), ...fields, version: VersionField }, { additionalProperties: false });
