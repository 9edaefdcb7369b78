// The JSON of background jobs and their progress.

import { Type } from "typebox";
import { DateTime, Nullable, StringEnum, Uuid } from "../common/schema.js";

export const JobSchema = Type.Object(
  {
    id: Uuid,
    kind: StringEnum(["recompute"]),
    reason: Type.String({ description: 'why it runs, e.g. `policy "VIP" changed: targets`' }),
    state: StringEnum(["queued", "running", "done", "failed"]),
    total: Type.Integer({ description: "open tickets to recompute (counted when the job starts)" }),
    done: Type.Integer({ description: "tickets recomputed so far" }),
    error: Nullable(Type.String({ description: "why it failed, or `superseded by job <id>` when a newer job took over" })),
    createdAt: DateTime,
    startedAt: Nullable(DateTime),
    finishedAt: Nullable(DateTime),
  },
  { additionalProperties: false },
);

export const JobListQuery = Type.Object(
  {
    kind: Type.Optional(StringEnum(["recompute"])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: "how many, latest first (default 20)" })),
  },
  { additionalProperties: false },
);

export const JobList = Type.Object({ items: Type.Array(JobSchema) }, { additionalProperties: false });
