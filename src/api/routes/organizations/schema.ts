// The JSON of organizations (the companies customers belong to) and of their requests.

import { Type } from "typebox";
import { DateTime, pageQuery, Text, Uuid, VersionField } from "../common/schema.js";

const Segment = Type.String({ minLength: 1, maxLength: 50, pattern: "^[a-z0-9_-]+$", description: "e.g. vip, enterprise, standard: SLA policies match on it" });
const Domains = Type.Array(Type.String({ format: "hostname", maxLength: 253 }), {
  maxItems: 50,
  uniqueItems: true,
  description: "e-mail domains of its people",
});

/** An organization as the API shows it. */
export const OrganizationSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    segment: Type.String(),
    domains: Type.Array(Type.String()),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);

export const OrganizationListQuery = Type.Object({ ...pageQuery, segment: Type.Optional(Segment) }, { additionalProperties: false });

export const CreateOrganizationBody = Type.Object(
  { name: Text(200), segment: Type.Optional(Segment), domains: Type.Optional(Domains) },
  { additionalProperties: false },
);

export const UpdateOrganizationBody = Type.Object(
  { name: Type.Optional(Text(200)), segment: Type.Optional(Segment), domains: Type.Optional(Domains), version: VersionField },
  { additionalProperties: false },
);
