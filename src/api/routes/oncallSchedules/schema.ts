// The JSON of on-call schedules, of their requests, and of "on call now" and the final schedule.

import { Type } from "typebox";
import { DateTime, Nullable, pageQuery, Text, Uuid, VersionField } from "../common/schema.js";

const Layers = Type.Array(Type.Unknown(), {
  maxItems: 50,
  description:
    'layers of rotations, the later winning (docs/oncall.md): [{"name": "nights", "rotation": {"participants": ["<agent id>"], "start": "2026-11-02T18:00:00+01:00", "length": {"weeks": 1}}, "restrictions": [{"days": ["mon"], "from": "18:00", "to": "08:00"}]}]',
});
const Overrides = Type.Array(Type.Unknown(), { maxItems: 1000, description: 'above every layer: [{"start": "…", "end": "…", "who": "<agent id>"}]' });
const Timezone = Text(64, { description: "IANA time zone the restrictions and hand-offs are read in, e.g. Europe/Brussels" });

const scheduleFields = {
  id: Uuid,
  name: Type.String(),
  timezone: Type.String(),
  layers: Type.Array(Type.Unknown()),
  overrides: Type.Array(Type.Unknown()),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
};

/** A schedule as the API shows it. */
export const OncallScheduleSchema = Type.Object(scheduleFields, { additionalProperties: false });

export const OncallScheduleListQuery = Type.Object({ ...pageQuery }, { additionalProperties: false });

export const CreateOncallScheduleBody = Type.Object(
  { name: Text(200), timezone: Timezone, layers: Layers, overrides: Type.Optional(Overrides) },
  { additionalProperties: false },
);

export const UpdateOncallScheduleBody = Type.Object(
  {
    name: Type.Optional(Text(200)),
    timezone: Type.Optional(Timezone),
    layers: Type.Optional(Layers),
    overrides: Type.Optional(Overrides),
    version: VersionField,
  },
  { additionalProperties: false },
);

const Local = Type.String({ description: "ISO 8601 in the schedule's time zone, with its offset" });
const Who = Type.Array(Type.String(), { description: "agent ids; empty when nobody is on call" });

export const OncallNowResponse = Type.Object(
  {
    timezone: Type.String(),
    at: Local,
    onCall: Who,
    next: Nullable(
      Type.Object({ at: Local, onCall: Who }, { additionalProperties: false, description: "the next hand-off within 366 days, or null when nothing changes" }),
    ),
  },
  { additionalProperties: false },
);

export const ShiftsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "ISO 8601 with an offset (default: now)" })),
    to: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: "ISO 8601 with an offset (default: 14 days after from); at most 366 days after from" }),
    ),
  },
  { additionalProperties: false },
);

export const ShiftsResponse = Type.Object(
  {
    timezone: Type.String(),
    from: Local,
    to: Local,
    shifts: Type.Array(Type.Object({ start: Local, end: Local, who: Who }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
