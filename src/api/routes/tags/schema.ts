// The JSON of the tag catalogue and of the request that adds a tag.

import { Type } from "typebox";
import { DateTime, Nullable, pageQuery } from "../common/schema.js";

const Color = Type.String({ pattern: "^#[0-9a-fA-F]{6}$", description: "#rrggbb" });

/** A tag of the catalogue. */
export const TagSchema = Type.Object({ name: Type.String(), color: Nullable(Type.String()), createdAt: DateTime }, { additionalProperties: false });

export const TagListQuery = Type.Object({ ...pageQuery }, { additionalProperties: false });

export const CreateTagBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50, pattern: "\\S", description: "stored trimmed and lower-cased, as tickets carry it" }),
    color: Type.Optional(Nullable(Color)),
  },
  { additionalProperties: false },
);
