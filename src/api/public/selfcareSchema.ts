// The JSON of the public self-care API the widget calls: its configuration, the journey steps
// it reports, and the contact form.

import { Type } from "typebox";
import { VISITOR_ID_PATTERN } from "../../core/selfcare/journey.js";
import { LANGUAGES } from "../../core/ticket/ticket.js";
import { Nullable, StringEnum } from "../routes/common/schema.js";

/** Text with at least one character that is not a space. */
const Words = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, pattern: "\\S", ...(description ? { description } : {}) });

const Team = Type.String({ minLength: 1, maxLength: 120, description: "the team's id, or its name as a slug (`support-technique`)" });
const Lang = StringEnum(LANGUAGES, { description: "the widget's language; without it, Accept-Language, else English" });
const VisitorId = Type.String({ pattern: VISITOR_ID_PATTERN, description: "the widget's random id for this browser" });
const PageUrl = Type.String({ maxLength: 2000, pattern: "^https?://", description: "the page of the customer's site the widget is on" });
const Slug = Type.String({ minLength: 1, maxLength: 200 });
const Title = Type.String({ minLength: 1, maxLength: 300 });

export const WidgetConfigQuery = Type.Object({ team: Team, lang: Type.Optional(Lang) }, { additionalProperties: false });

/** What the widget needs to render: its words in one language, the team and how to reach it now. */
export const WidgetConfigSchema = Type.Object(
  {
    team: Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false }),
    language: Lang,
    texts: Type.Record(Type.String(), Type.String(), {
      description: "the widget's words in `language`; `{number}`, `{phone}` and `{email}` are filled in by the widget",
    }),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String({ description: "the team's number, only while its calendar is open; null otherwise" })),
    phoneShown: Type.Boolean(),
  },
  { additionalProperties: false },
);

const SearchStep = Type.Object(
  { kind: Type.Literal("search"), query: Words(300), results: Type.Integer({ minimum: 0, maximum: 1000 }) },
  { additionalProperties: false },
);
const ArticleStep = Type.Object({ kind: Type.Literal("article"), slug: Slug, title: Title }, { additionalProperties: false });
const AnsweredStep = Type.Object({ kind: Type.Literal("answered"), slug: Slug, title: Title, helpful: Type.Boolean() }, { additionalProperties: false });

export const JourneyBody = Type.Object(
  {
    visitorId: VisitorId,
    team: Team,
    lang: Type.Optional(Lang),
    pageUrl: Type.Optional(PageUrl),
    steps: Type.Array(Type.Union([SearchStep, ArticleStep, AnsweredStep]), { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);

export const JourneyAnswer = Type.Object({ recorded: Type.Integer(), deflected: Type.Integer() }, { additionalProperties: false });

export const RequestBody = Type.Object(
  {
    visitorId: VisitorId,
    team: Team,
    lang: Type.Optional(Lang),
    pageUrl: Type.Optional(PageUrl),
    name: Words(200, "the customer's name"),
    email: Type.String({ format: "email", maxLength: 320 }),
    subject: Words(200),
    message: Words(10_000),
  },
  { additionalProperties: false },
);

export const RequestAnswer = Type.Object(
  { number: Type.Integer({ description: "the ticket's number, the customer's reference" }) },
  { additionalProperties: false },
);
