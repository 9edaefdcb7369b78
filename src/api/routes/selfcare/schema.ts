// The JSON of a ticket's self-care journey and of the self-service figures.

import { Type } from "typebox";
import { DateTime, Nullable, Uuid } from "../common/schema.js";

const Step = Type.Object(
  {
    kind: Type.Union([Type.Literal("search"), Type.Literal("article"), Type.Literal("answered"), Type.Literal("request")]),
    at: DateTime,
    query: Type.Optional(Type.String()),
    results: Type.Optional(Type.Integer()),
    slug: Type.Optional(Type.String()),
    title: Type.Optional(Type.String()),
    helpful: Type.Optional(Type.Boolean()),
    ticketNumber: Type.Optional(Nullable(Type.Integer())),
  },
  { additionalProperties: false },
);

/** What the customer did in self-care before writing, oldest step first. */
export const JourneySchema = Type.Object(
  {
    steps: Type.Array(Step),
    summary: Type.Object({ searches: Type.Integer(), articles: Type.Integer(), helped: Nullable(Type.Boolean()) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const NumberParams = Type.Object({ number: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const StatsQuery = Type.Object({ from: DateTime, to: DateTime, teamId: Type.Optional(Uuid) }, { additionalProperties: false });

export const StatsSchema = Type.Object(
  {
    from: DateTime,
    to: DateTime,
    deflected: Type.Integer({ description: "questions a visitor said an article answered" }),
    requests: Type.Integer({ description: "requests written through the widget" }),
    ratio: Nullable(Type.Number({ description: "deflected / (deflected + requests); null when both are 0" })),
    articles: Type.Array(
      Type.Object({ slug: Type.String(), title: Type.String(), helpful: Type.Integer(), notHelpful: Type.Integer() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
