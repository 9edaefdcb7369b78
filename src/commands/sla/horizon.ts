// Refusing a policy or calendar edit that would leave a target or level out of its calendar's
// reach (beyond the 50-year horizon): the save answers which field, instead of a ticket later
// finding a clock it cannot plan.

import { BusinessCalendar, type CalendarSpec } from "../../core/calendar/index.js";
import { horizonProblems } from "../../core/sla/policyHorizon.js";
import { PolicyValidationError } from "../../core/sla/policyValidation.js";
import { calendarStore } from "../../store/entities.js";
import { loadPolicies } from "../../store/sla/policies.js";
import type { PolicyFields } from "../../store/sla/policyRows.js";
import type { Work } from "../work.js";

/** PolicyValidationError naming each target or level of `policy` its calendar cannot reach (see horizonProblems). */
export async function checkHorizon(work: Work, policy: Pick<PolicyFields, "calendarId" | "targets" | "matrix">): Promise<void> {
  const id = policy.calendarId;
  if (!id) return;
  const row = await calendarStore.get(work.tx, id);
  if (!row) return;
  const problems = horizonProblems(policy, BusinessCalendar.fromSpec(row.spec as CalendarSpec), work.now.getTime(), row.name);
  if (problems.length > 0) throw new PolicyValidationError(problems);
}

/**
 * PolicyValidationError at `spec` when the calendar `id` with the hours `spec` would leave a
 * target or level of a policy on it out of reach; the message names the policy and its field.
 */
export async function checkCalendarHorizon(work: Work, id: string, name: string, spec: CalendarSpec): Promise<void> {
  const policies = (await loadPolicies(work.tx)).filter((p) => p.calendarId === id);
  if (policies.length === 0) return;
  const calendar = BusinessCalendar.fromSpec(spec);
  const problems = policies.flatMap((policy) =>
    horizonProblems(policy, calendar, work.now.getTime(), name).map((p) => ({
      ...p,
      path: "spec",
      message: `policy "${policy.name}", ${p.path}: ${p.message}`,
    })),
  );
  if (problems.length > 0) throw new PolicyValidationError(problems);
}
