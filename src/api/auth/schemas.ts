// JSON schemas (TypeBox) shared by the authentication routes: the principal and API tokens.

import { Type } from "typebox";

/** The caller, as docs/api.md describes it. */
export const PrincipalSchema = Type.Union([
  Type.Object({
    kind: Type.Literal("agent"),
    id: Type.String(),
    name: Type.String(),
    email: Type.String(),
    role: Type.String(),
    teamId: Type.Union([Type.String(), Type.Null()]),
    locale: Type.String({ description: "the language the agent reads: fr, nl or en" }),
    timeZone: Type.Union([Type.String(), Type.Null()], { description: "the agent's IANA time zone; null: their working calendar's" }),
  }),
  Type.Object({
    kind: Type.Literal("customer"),
    id: Type.String(),
    name: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    language: Type.Union([Type.String(), Type.Null()], { description: "the language the customer reads: fr, nl or en" }),
    timeZone: Type.Union([Type.String(), Type.Null()], { description: "the customer's IANA time zone; null: the browser's" }),
  }),
]);

/** What a person may change of their own profile. */
export const ProfileChangeSchema = Type.Object(
  {
    locale: Type.Optional(Type.Enum(["fr", "nl", "en"], { description: "the language of the app, notifications and e-mails" })),
    timeZone: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()], {
        description: "an IANA time zone such as Europe/Brussels; null: the working calendar's (agents) or the browser's",
      }),
    ),
  },
  { additionalProperties: false },
);

/** `{principal, csrfToken}`: csrfToken is null for a caller authenticated by an API token. */
export const SessionAnswerSchema = Type.Object({
  principal: PrincipalSchema,
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});

const Instant = Type.String({ format: "date-time" });
const MaybeInstant = Type.Union([Instant, Type.Null()]);

/** A token in its owner's list: never its value or hash. */
export const ApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: "the first characters of the token, to tell tokens apart" }),
  createdAt: Instant,
  lastUsedAt: MaybeInstant,
  revokedAt: MaybeInstant,
});

/** A security event as admins list it. */
export const SecurityEventSchema = Type.Object({
  id: Type.Integer(),
  at: Instant,
  type: Type.String(),
  agentId: Type.Union([Type.String(), Type.Null()]),
  customerId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  data: Type.Object({}, { additionalProperties: true }),
});

/** `null`, or the instant as ISO 8601. */
export function isoOrNull(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
