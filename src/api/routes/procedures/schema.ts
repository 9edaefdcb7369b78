// The JSON of guided procedures and of a ticket's progress through them. Bodies are loosely typed
// on purpose: the core checks them whole and names every problem by its path (docs/procedures.md).

import { Type } from "typebox";
import { FIELD_KINDS } from "../../../core/procedure/procedure.js";
import { DateTime, Nullable, StringEnum, Uuid, VersionField } from "../common/schema.js";

const WordsIn = Type.Object(
  {
    fr: Type.Optional(Type.String({ maxLength: 1000 })),
    nl: Type.Optional(Type.String({ maxLength: 1000 })),
    en: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false, description: "the same words in French, Dutch and English, each required" },
);
const Words = Type.Object({ fr: Type.String(), nl: Type.String(), en: Type.String() }, { additionalProperties: false });
const Key = Type.String({ maxLength: 100, description: "stable within its list: lower-case letters, digits, - and _ (at most 40)" });

const StepIn = Type.Object(
  {
    key: Type.Optional(Key),
    label: Type.Optional(WordsIn),
    articleId: Type.Optional(Nullable(Type.String({ maxLength: 64, description: "a knowledge-base article's id" }))),
  },
  { additionalProperties: false },
);
const ChoiceIn = Type.Object({ key: Type.Optional(Key), label: Type.Optional(WordsIn) }, { additionalProperties: false });
const FieldIn = Type.Object(
  {
    key: Type.Optional(Key),
    label: Type.Optional(WordsIn),
    kind: Type.Optional(Type.String({ maxLength: 20, description: FIELD_KINDS.join(", ") })),
    required: Type.Optional(Type.Boolean()),
    choices: Type.Optional(Type.Array(ChoiceIn, { maxItems: 100, description: "the options of a choice" })),
  },
  { additionalProperties: false },
);

const procedureIn = {
  teamId: Type.Optional(Nullable(Type.String({ maxLength: 64, description: "the team it applies in; null or absent: every team" }))),
  requestType: Type.Optional(Type.String({ maxLength: 200, description: "the tag a ticket carries for the procedure to apply, e.g. outage" })),
  names: Type.Optional(WordsIn),
  required: Type.Optional(Type.Boolean({ description: "escalating with a required field missing is refused (else the dialog only warns)" })),
  steps: Type.Optional(Type.Array(StepIn, { maxItems: 100, description: "the steps to try, in order" })),
  fields: Type.Optional(Type.Array(FieldIn, { maxItems: 100, description: "the information to collect" })),
};

export const CreateProcedureBody = Type.Object(procedureIn, { additionalProperties: false });
export const ReplaceProcedureBody = Type.Object({ ...procedureIn, version: VersionField }, { additionalProperties: false });

export const ProcedureListQuery = Type.Object(
  {
    teamId: Type.Optional(Uuid),
    requestType: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

/** A procedure as the API shows it. */
export const ProcedureSchema = Type.Object(
  {
    id: Uuid,
    teamId: Nullable(Uuid),
    requestType: Type.String(),
    names: Words,
    required: Type.Boolean(),
    steps: Type.Array(Type.Object({ key: Type.String(), label: Words, articleId: Nullable(Uuid) }, { additionalProperties: false })),
    fields: Type.Array(
      Type.Object(
        {
          key: Type.String(),
          label: Words,
          kind: StringEnum(FIELD_KINDS),
          required: Type.Boolean(),
          choices: Type.Array(Type.Object({ key: Type.String(), label: Words }, { additionalProperties: false })),
        },
        { additionalProperties: false },
      ),
    ),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);

export const ProcedureList = Type.Object({ items: Type.Array(ProcedureSchema) }, { additionalProperties: false });

/** A procedure on a ticket with the progress saved. */
export const TicketProcedureSchema = Type.Object(
  {
    procedure: ProcedureSchema,
    done: Type.Array(Type.String(), { description: "the keys of the steps done" }),
    values: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), { description: "the information collected, by field key" }),
    missing: Type.Array(Type.String(), { description: "the keys of the required fields still empty" }),
    updatedById: Nullable(Uuid),
    updatedAt: Nullable(DateTime),
    version: Type.Integer({ description: "0 before any progress is saved" }),
  },
  { additionalProperties: false },
);

export const TicketProcedureList = Type.Object({ items: Type.Array(TicketProcedureSchema) }, { additionalProperties: false });

export const ProgressBody = Type.Object(
  {
    done: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100, description: "the keys of every step done" })),
    values: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { description: "every value collected by field key; empty or null clears it" }),
    ),
  },
  { additionalProperties: false },
);

export const ProcedureTicketParams = Type.Object(
  { number: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: "the ticket number" }), id: Uuid },
  { additionalProperties: false },
);
