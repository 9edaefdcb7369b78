// The JSON of products (what tickets are about) and of their requests.

import { Type } from "typebox";
import { DateTime, pageQuery, Text, Uuid, VersionField } from "../common/schema.js";

const Code = Type.String({ minLength: 1, maxLength: 50, pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$", description: "a short unique code, e.g. BILLING" });

/** A product as the API shows it. */
export const ProductSchema = Type.Object(
  { id: Uuid, name: Type.String(), code: Type.String(), createdAt: DateTime, updatedAt: DateTime, version: Type.Integer() },
  { additionalProperties: false },
);

export const ProductListQuery = Type.Object({ ...pageQuery }, { additionalProperties: false });
export const CreateProductBody = Type.Object({ name: Text(200), code: Code }, { additionalProperties: false });
export const UpdateProductBody = Type.Object(
  { name: Type.Optional(Text(200)), code: Type.Optional(Code), version: VersionField },
  { additionalProperties: false },
);
