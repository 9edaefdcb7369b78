// Schema pieces every resource shares: identifiers, nullable fields, timestamps, the error
// shape, list pages and the OpenAPI security requirement of routes that need a caller.

import { type Static, type TSchema, type TUnsafe, Type } from "typebox";

/** A UUID (any version), as PostgreSQL stores it. */
export const Uuid = Type.String({ format: "uuid", description: "a UUID" });

/** An instant as ISO 8601 in UTC (`2026-11-23T09:00:00.000Z`). */
export const DateTime = Type.String({ format: "date-time" });

/** A field that may also be null: `{type: [T, "null"]}` (OpenAPI 3.1), enums gain `null`. */
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const raw = schema as unknown as Record<string, unknown>;
  if (typeof raw.type !== "string") throw new Error("Nullable() takes a schema with one `type`");
  const enumValues = Array.isArray(raw.enum) ? { enum: [...(raw.enum as unknown[]), null] } : {};
  return Type.Unsafe<Static<T> | null>({ ...raw, type: [raw.type, "null"], ...enumValues });
}

/** A string enum with `type: "string"` (so nullable forms and generators know its type). */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: "string", enum: [...values], ...options });
}

/** Non-empty trimmed-looking text of at most `max` characters. */
export const Text = (max: number, options: { description?: string; minLength?: number } = {}) => Type.String({ minLength: 1, maxLength: max, ...options });

/** The one error shape (see docs/api.md). */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String(),
        message: Type.String(),
        details: Type.Array(
          Type.Object(
            {
              path: Type.String(),
              code: Type.Optional(Type.String({ description: "what is wrong, stable: required, too_small, unknown_time_zone…" })),
              message: Type.String({ description: "in the reader's language when the request names one (profile, Accept-Language), else English" }),
              label: Type.Optional(Type.String({ description: "the field in the reader's words, when the request names a language" })),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, description: "an error" },
);

/** Responses every authenticated route may give besides its success. */
export const errorResponses = { "4xx": ErrorResponse } as const;

/** Routes under /api/v1 need a caller: an API token or a session cookie. */
export const SECURITY: { [scheme: string]: string[] }[] = [{ bearer: [] }, { session: [] }];

/** `limit`, `cursor` and `q` of every list. */
export const pageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: "items per page (default 50)" })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: "`nextCursor` of the previous page" })),
  q: Type.Optional(Type.String({ maxLength: 200, description: "case-insensitive match on the name (and e-mail)" })),
};

/** A page of a list: `{items, nextCursor}`. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) }, { additionalProperties: false });
}

/** `{id}` in the path. */
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

/** The `version` an update may carry instead of If-Match. */
export const VersionField = Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: "the version you read (same as If-Match)" }));

/** Headers of a conditional update. */
export const IfMatchHeaders = Type.Object({
  "if-match": Type.Optional(Type.String({ maxLength: 100, description: 'the version you read, as an ETag: "3"' })),
});
