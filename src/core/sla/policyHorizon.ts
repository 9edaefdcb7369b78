// Whether a policy's targets and levels can be reached on its calendar: a calendar computes no
// further than its horizon (50 years), so a budget of business time that needs more wall-clock
// time than that (a long target on hours open one morning a week) could never be planned.

import { type BusinessCalendar, type Instant, NoOpenTimeError } from "../calendar/index.js";
import { PRIORITIES } from "../ticket/ticket.js";
import type { PolicyProblem } from "./policyValidation.js";
import { type EscalationMatrix, TARGETS, type TargetMinutes } from "./policy.js";
import type { Priority } from "../ticket/ticket.js";

/** What the horizon check reads of a policy. */
export interface PolicyReach {
  targets: Partial<Record<Priority, TargetMinutes>>;
  matrix: EscalationMatrix;
}

/**
 * The targets (`targets.<priority>.<target>`) and business-clock levels (`matrix.steps[i].offsetMinutes`,
 * counted after the longest target) that `calendar` cannot reach within its horizon from `at`,
 * each as a `beyond_horizon` problem; `calendarName` names the calendar in the message.
 */
export function horizonProblems(policy: PolicyReach, calendar: BusinessCalendar, at: Instant, calendarName: string): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const reaches = (seconds: number) => {
    try {
      calendar.add(at, seconds);
      return true;
    } catch (error) {
      if (error instanceof NoOpenTimeError) return false;
      throw error;
    }
  };
  let longest = 0;
  for (const priority of PRIORITIES) {
    for (const target of TARGETS) {
      const minutes = policy.targets[priority]?.[target];
      if (typeof minutes !== "number") continue;
      if (!reaches(minutes * 60)) {
        problems.push(
          problem(
            `targets.${priority}.${target}`,
            `${minutes} business minutes cannot be reached within 50 years on the calendar "${calendarName}"`,
            minutes,
            calendarName,
          ),
        );
      } else longest = Math.max(longest, minutes);
    }
  }
  policy.matrix.steps.forEach((step, i) => {
    if (step.kind !== "level" || step.clock !== "business" || step.offsetMinutes === 0) return;
    if (!reaches((longest + step.offsetMinutes) * 60)) {
      problems.push(
        problem(
          `matrix.steps[${i}].offsetMinutes`,
          `${step.offsetMinutes} business minutes after a ${longest}-minute target cannot be reached within 50 years on the calendar "${calendarName}"`,
          step.offsetMinutes,
          calendarName,
        ),
      );
    }
  });
  return problems;
}

function problem(path: string, message: string, minutes: number, calendar: string): PolicyProblem {
  return { path, code: "beyond_horizon", params: { minutes, calendar }, message };
}
