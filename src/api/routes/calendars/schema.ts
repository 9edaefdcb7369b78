// The JSON of calendars, of their requests, and of the calendar editor's preview.

import { Type } from "typebox";
import { DateTime, Nullable, pageQuery, Text, Uuid, VersionField } from "../common/schema.js";

/** The calendar JSON of docs/calendar.md; validated whole by the calendar core, every problem named. */
export const CalendarSpecSchema = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'the calendar JSON of docs/calendar.md: {"timezone": "Europe/Brussels", "hours": {"mon": [["08:30","17:30"]]}, "holidays": ["12-25"], "overrides": {}}',
});

const calendarFields = {
  id: Uuid,
  name: Type.String(),
  spec: CalendarSpecSchema,
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
};

/** A calendar as the API shows it. */
export const CalendarSchema = Type.Object(calendarFields, { additionalProperties: false });

/** A calendar after a write, with the recompute job the write queued (a policy uses the calendar) or null. */
export const CalendarWriteSchema = Type.Object(
  {
    ...calendarFields,
    jobId: Nullable(Type.String({ format: "uuid", description: "the recompute job queued by this write (GET /api/v1/jobs/{id}), or null" })),
  },
  { additionalProperties: false },
);

export const CalendarListQuery = Type.Object({ ...pageQuery }, { additionalProperties: false });

export const CreateCalendarBody = Type.Object({ name: Text(200), spec: CalendarSpecSchema }, { additionalProperties: false });
export const UpdateCalendarBody = Type.Object(
  { name: Type.Optional(Text(200)), spec: Type.Optional(CalendarSpecSchema), version: VersionField },
  { additionalProperties: false },
);

export const PreviewBody = Type.Object(
  {
    spec: Type.Optional(CalendarSpecSchema),
    calendarId: Type.Optional(Type.String({ format: "uuid", description: "a stored calendar (instead of spec)" })),
    start: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: "when the sample ticket is created, ISO 8601 with an offset (default: now)" }),
    ),
    minutes: Type.Array(Type.Integer({ minimum: 0, maximum: 5_256_000 }), { minItems: 1, maxItems: 20, description: "budgets of business minutes" }),
    openings: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: "how many next openings to list (default 5)" })),
  },
  { additionalProperties: false },
);

const Local = Type.String({ description: "ISO 8601 in the calendar's time zone, with its offset" });

export const PreviewResponse = Type.Object(
  {
    timezone: Type.String(),
    start: Local,
    dues: Type.Array(Type.Object({ minutes: Type.Integer(), dueAt: Local }, { additionalProperties: false })),
    openings: Type.Array(
      Type.Object(
        { from: Local, to: Nullable(Type.String({ description: "null: open without a break for more than a year" })) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
