// The JSON of SLA policies and of their requests: conditions, targets per priority, pause
// statuses, the calendar, and the escalation matrix (shapes in src/core/sla/policy.ts). What a
// schema cannot say (a field that depends on a kind, unique step ids) is checked in src/core/sla/policyValidation.ts.

import { Type } from "typebox";
import { ACTION_TYPES, CONDITION_FIELDS, CONDITION_OPERATORS, RECIPIENT_KINDS, TARGETS } from "../../../core/sla/policy.js";
import { PRIORITIES, TIERS } from "../../../core/ticket/ticket.js";
import { DateTime, Nullable, StringEnum, Text, Uuid, VersionField } from "../common/schema.js";

/** Statuses a policy may pause on (a solved or closed ticket's clocks are stopped anyway). */
export const PAUSABLE_STATUSES = ["new", "open", "pending", "on_hold"] as const;

const Priority = StringEnum(PRIORITIES);
const Minutes = (description: string) => Type.Integer({ minimum: 1, maximum: 5_256_000, description });

const TargetMinutesSchema = Type.Object(
  Object.fromEntries(
    TARGETS.map((target) => [target, Type.Optional(Nullable(Minutes(`${target} in minutes (business minutes on the calendar); null: not measured`)))]),
  ),
  { additionalProperties: false },
);

/** Minutes per target for each priority. */
export const TargetsSchema = Type.Object(Object.fromEntries(PRIORITIES.map((p) => [p, Type.Optional(TargetMinutesSchema)])), {
  additionalProperties: false,
  description: '{"urgent": {"first_response": 15, "next_response": 30, "resolution": 240}, …}',
});

const Scalar = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]);
const ConditionSchema = Type.Object(
  {
    field: Type.String({
      pattern: `^(${CONDITION_FIELDS.join("|")}|custom\\.[A-Za-z0-9_.-]{1,100})$`,
      description: `${CONDITION_FIELDS.join(", ")}, or custom.<key>`,
    }),
    op: StringEnum(CONDITION_OPERATORS, { description: "is / is_not take one value, in / not_in a list" }),
    value: Type.Union([Scalar, Type.Array(Scalar, { minItems: 1, maxItems: 200 })]),
  },
  { additionalProperties: false },
);

export const ConditionsSchema = Type.Object(
  {
    all: Type.Optional(Type.Array(ConditionSchema, { maxItems: 50, description: "every one must hold" })),
    any: Type.Optional(Type.Array(ConditionSchema, { maxItems: 50, description: "one must hold, when there are some" })),
  },
  { additionalProperties: false },
);

const RecipientSchema = Type.Object(
  {
    kind: StringEnum(RECIPIENT_KINDS),
    agentId: Type.Optional(Uuid),
    teamId: Type.Optional(Uuid),
    scheduleId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "an on-call schedule" })),
  },
  { additionalProperties: false, description: "agentId for kind agent, teamId for team, scheduleId for on_call" },
);

const ActionSchema = Type.Object(
  {
    type: StringEnum(ACTION_TYPES),
    agentId: Type.Optional(Uuid),
    teamId: Type.Optional(Uuid),
    to: Type.Optional(Priority),
    tier: Type.Optional(StringEnum(TIERS)),
    text: Type.Optional(Text(5000)),
    url: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: "webhook: an http(s) URL" })),
    secret: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "webhook: at least 16 characters; signs the body" })),
  },
  {
    additionalProperties: false,
    description: "reassign: agentId and/or teamId; raise_priority: to?; set_tier: tier; add_note: text; webhook: url and secret",
  },
);

const StepSchema = Type.Object(
  {
    id: Type.String({ pattern: "^[A-Za-z0-9_.-]{1,64}$", description: "unique within the policy: a step fires at most once per clock" }),
    kind: StringEnum(["reminder", "level"]),
    level: Type.Integer({ minimum: 0, maximum: 20, description: "0 for reminders; 1, 2, 3… for levels" }),
    targets: Type.Optional(Type.Array(StringEnum(TARGETS), { minItems: 1, maxItems: 3, uniqueItems: true, description: "the targets watched; absent: all" })),
    priorities: Type.Optional(Type.Array(Priority, { minItems: 1, maxItems: 4, uniqueItems: true, description: "absent: all" })),
    offsetMinutes: Type.Integer({ minimum: 0, maximum: 525_600, description: "a reminder fires this long before the due time, a level this long after it" }),
    clock: Type.Optional(StringEnum(["business", "wall"], { description: "business minutes on the policy's calendar (default) or wall-clock minutes" })),
    recipients: Type.Optional(Type.Array(RecipientSchema, { maxItems: 20 })),
    actions: Type.Optional(Type.Array(ActionSchema, { maxItems: 20 })),
    urgent: Type.Optional(Type.Boolean({ description: "reaches people outside their working hours" })),
  },
  { additionalProperties: false },
);

export const MatrixSchema = Type.Object(
  {
    steps: Type.Array(StepSchema, { maxItems: 50 }),
    startLevel: Type.Optional(
      Type.Object(Object.fromEntries(PRIORITIES.map((p) => [p, Type.Optional(Type.Integer({ minimum: 1, maximum: 20 }))])), {
        additionalProperties: false,
        description: 'priorities that start at a higher level at once: {"urgent": 3}',
      }),
    ),
  },
  { additionalProperties: false },
);

const PauseStatuses = Type.Array(StringEnum(PAUSABLE_STATUSES), {
  maxItems: 4,
  uniqueItems: true,
  description: "statuses that pause the clocks (default pending, on_hold)",
});

const policyFields = {
  active: Type.Boolean(),
  isDefault: Type.Boolean({ description: "catches the tickets no other policy matches; one policy at most" }),
  conditions: ConditionsSchema,
  calendarId: Nullable(Uuid),
  targets: TargetsSchema,
  pauseStatuses: PauseStatuses,
  noteCountsAsResponse: Type.Boolean({ description: "an internal note counts as a response (default: only public replies)" }),
  callCountsAsResponse: Type.Optional(Type.Boolean({ description: "an agent's answered outbound call counts as a response (default: no)" })),
  matrix: MatrixSchema,
};

const policyOutput = {
  id: Uuid,
  name: Type.String(),
  position: Type.Integer({ description: "lower first: the first active policy whose conditions hold applies" }),
  ...policyFields,
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
};

const JobId = Nullable(Type.String({ format: "uuid", description: "the recompute job this write queued (GET /api/v1/jobs/{id}), or null" }));

/** A policy as the API shows it. */
export const PolicySchema = Type.Object(policyOutput, { additionalProperties: false });
export const PolicyWriteSchema = Type.Object({ ...policyOutput, jobId: JobId }, { additionalProperties: false });
export const PolicyList = Type.Object({ items: Type.Array(PolicySchema) }, { additionalProperties: false });
export const ReorderResponse = Type.Object({ items: Type.Array(PolicySchema), jobId: JobId }, { additionalProperties: false });

const optional = Object.fromEntries(Object.entries(policyFields).map(([key, schema]) => [key, Type.Optional(schema)])) as {
  [K in keyof typeof policyFields]: ReturnType<typeof Type.Optional<(typeof policyFields)[K]>>;
};

export const CreatePolicyBody = Type.Object({ name: Text(200), ...optional }, { additionalProperties: false });
export const UpdatePolicyBody = Type.Object({ name: Type.Optional(Text(200)), ...optional, version: VersionField }, { additionalProperties: false });
export const ReorderBody = Type.Object(
  { ids: Type.Array(Uuid, { minItems: 1, maxItems: 1000, description: "these policies first, in this order; the others after them, in their order" }) },
  { additionalProperties: false },
);
