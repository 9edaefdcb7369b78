// `PATCH …?dryRun=true` on policies and calendars: the edit runs as for real (same validation,
// permissions, version check), its impact on open tickets is measured, and the transaction is
// rolled back, so nothing is saved, queued or notified.

import { Type } from "typebox";
import type { Static } from "typebox";
import type { EditImpactProps } from "../../../commands/sla/editImpact.js";
import { impactOfEdit } from "../../../commands/sla/editImpact.js";
import { inWork, type Work } from "../../../commands/work.js";
import type { Actor } from "../../../core/events/index.js";
import type { Db } from "../../../store/database.js";
import { DateTime, Nullable } from "../common/schema.js";

/** The query of a PATCH that may be a dry run. */
export const DryRunQuery = Type.Object(
  { dryRun: Type.Optional(Type.Boolean({ description: "true: answer the edit's impact on open tickets and save nothing" })) },
  { additionalProperties: false },
);

const Count = (description: string) => Type.Integer({ minimum: 0, description });

/** The answer of a dry run. */
export const DryRunSchema = Type.Object(
  {
    dryRun: Type.Literal(true),
    impact: Type.Object(
      {
        openTickets: Count("open tickets the policy or calendar applies to, before or after"),
        retargeted: Count("of those, tickets whose due time of some clock changes"),
        breachedNow: Count("clocks not breached before that would be breached at once"),
        stepsNow: Count("matrix steps that would fire at once (reminders already past due, which are not sent, left out)"),
        notificationsNow: Count("notices that would go out at once, one per person per ticket"),
        examples: Type.Array(
          Type.Object(
            {
              number: Type.Integer(),
              subject: Type.String(),
              clock: Type.Union([Type.Literal("first_response"), Type.Literal("next_response"), Type.Literal("resolution")]),
              dueBefore: Nullable(DateTime),
              dueAfter: Nullable(DateTime),
            },
            { additionalProperties: false },
          ),
          { maxItems: 10, description: "up to 10 clocks whose due time changes" },
        ),
        truncated: Type.Boolean({
          description: "true when more open tickets could be touched than a dry run examines (1,000): the counts cover those examined",
        }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type DryRunAnswer = Static<typeof DryRunSchema>;

class RollBack extends Error {
  constructor(readonly answer: DryRunAnswer) {
    super("dry run");
  }
}

/** Runs `edit` in a unit of work, measures its impact on the tickets `scope` names, and rolls everything back. */
export async function dryRun(
  db: Db,
  context: { now: Date; actor: Actor },
  edit: (work: Work) => Promise<Omit<EditImpactProps, "limit">>,
): Promise<DryRunAnswer> {
  try {
    await inWork(db, context, async (work) => {
      const scope = await edit(work);
      throw new RollBack({ dryRun: true, impact: await impactOfEdit(work, scope) });
    });
  } catch (error) {
    if (error instanceof RollBack) return error.answer;
    throw error;
  }
  throw new Error("a dry run ends in a rollback");
}
