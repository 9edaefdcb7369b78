// The JSON of a ticket's SLA clocks and their step timers.

import { Type } from "typebox";
import { TARGETS } from "../../../core/sla/policy.js";
import { DateTime, Nullable, StringEnum, Uuid } from "../common/schema.js";

const TimerSchema = Type.Object(
  {
    stepId: Type.String(),
    kind: StringEnum(["reminder", "level"]),
    level: Type.Integer(),
    dueAt: DateTime,
    state: StringEnum(["pending", "fired", "cancelled"]),
    firedAt: Nullable(DateTime),
    lagMs: Nullable(Type.Integer({ description: "milliseconds between the due time and the firing" })),
  },
  { additionalProperties: false },
);

const ClockSchema = Type.Object(
  {
    target: StringEnum(TARGETS),
    cycle: Type.Integer({ description: "1; next response counts its cycles" }),
    policyId: Uuid,
    policyName: Type.String(),
    state: StringEnum(["running", "paused", "met", "cancelled"]),
    breached: Type.Boolean({ description: "running past its due time, or met late" }),
    startedAt: DateTime,
    dueAt: Nullable(DateTime),
    stoppedAt: Nullable(DateTime),
    pauses: Type.Array(Type.Array(Nullable(DateTime), { minItems: 2, maxItems: 2 }), { description: "[from, to] wall-clock pauses; to is null while paused" }),
    budgetSeconds: Type.Integer(),
    elapsedSeconds: Type.Number({ description: "business seconds run, pauses excluded" }),
    remainingSeconds: Type.Number(),
    lateBySeconds: Nullable(Type.Number()),
    warningAt: Nullable(DateTime),
    warning: Type.Boolean({ description: "running, not yet due, and past warningAt (its first reminder's due time)" }),
    timers: Type.Array(TimerSchema),
  },
  { additionalProperties: false },
);

export const ClockList = Type.Object({ items: Type.Array(ClockSchema), now: DateTime }, { additionalProperties: false });
