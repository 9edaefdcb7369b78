// Writing a guided procedure: checked whole in the core (every problem named by its path), its
// team and linked articles checked to exist, then stored. The API's routes and the demo write
// procedures through these.

import { checkProcedure, ProcedureInvalid, type ProcedureInput, type ProcedureProblem, type ProcedureSpec } from "../../core/procedure/procedure.js";
import type { Db } from "../../store/database.js";
import { existingReferences, insertProcedure, type ProcedureRow, replaceProcedure } from "../../store/procedures.js";

/** The procedure checked, its team and articles included; throws ProcedureInvalid naming each problem. */
export async function checkProcedureRefs(db: Db, input: ProcedureInput): Promise<ProcedureSpec> {
  const spec = checkProcedure(input);
  const found = await existingReferences(db, { teamId: spec.teamId, articleIds: spec.steps.flatMap((s) => (s.articleId ? [s.articleId] : [])) });
  const problems: ProcedureProblem[] = [];
  if (!found.team) problems.push({ path: "teamId", code: "not_an_id", message: "must be chosen from the list" });
  spec.steps.forEach((step, i) => {
    if (step.articleId && !found.articles.has(step.articleId))
      problems.push({ path: `steps[${i}].articleId`, code: "not_an_id", message: "must be chosen from the list" });
  });
  if (problems.length > 0) throw new ProcedureInvalid(problems);
  return spec;
}

/** Stores a new procedure once checked; throws ProcedureInvalid. */
export async function createProcedure(db: Db, props: { input: ProcedureInput; now: Date }): Promise<ProcedureRow> {
  return insertProcedure(db, await checkProcedureRefs(db, props.input), props.now);
}

/** Replaces procedure `id` once checked; throws ProcedureInvalid, NotFoundError or VersionConflictError. */
export async function updateProcedure(
  db: Db,
  props: { id: string; input: ProcedureInput; now: Date; expectedVersion?: number | undefined },
): Promise<ProcedureRow> {
  return replaceProcedure(db, props.id, await checkProcedureRefs(db, props.input), props.now, props.expectedVersion);
}
