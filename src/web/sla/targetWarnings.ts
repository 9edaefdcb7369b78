// Targets that contradict each other, found while a policy is edited (they save, but rarely mean
// what was meant): a response target longer than the resolution target, a higher priority with
// a longer target than a lower one, a reminder at least as long as the target it warns about.

import { PRIORITIES } from "../../core/ticket/ticket.js";
import { TARGETS } from "../../core/sla/policy.js";
import type { PolicyInput } from "../api/slaTypes.js";
import type { FieldIssue } from "../components/FieldError.js";
import type { MessageKey, Params } from "../i18n/messages.js";
import { formatDuration } from "./duration.js";

export interface WarningWords {
  locale: string;
  t(key: MessageKey, params?: Params): string;
}

/** Each warning at the path of the field to change (`targets.high.resolution`, `matrix.steps[0].offsetMinutes`). */
export function targetWarnings(policy: Pick<PolicyInput, "targets" | "matrix">, words: WarningWords): FieldIssue[] {
  const { t, locale } = words;
  // In hours, whatever the basis: a business day is not 24 hours.
  const time = (minutes: number) => formatDuration(minutes * 60, locale, false, "hour");
  const minutes = (priority: (typeof PRIORITIES)[number], target: (typeof TARGETS)[number]) => {
    const value = policy.targets[priority]?.[target];
    return typeof value === "number" && value > 0 ? value : null;
  };
  const warnings: FieldIssue[] = [];
  for (const priority of PRIORITIES) {
    const resolution = minutes(priority, "resolution");
    for (const target of ["first_response", "next_response"] as const) {
      const response = minutes(priority, target);
      if (response !== null && resolution !== null && response > resolution) {
        warnings.push({
          path: `targets.${priority}.${target}`,
          message: t("sla.warn.responseAfterResolution", {
            target: t(`sla.target.${target}`),
            time: time(response),
            resolution: time(resolution),
            priority: t(`priority.${priority}`),
          }),
        });
      }
    }
  }
  // PRIORITIES go from low to urgent: a priority should not wait longer than any below it.
  for (const target of TARGETS) {
    PRIORITIES.forEach((higher, index) => {
      const mine = minutes(higher, target);
      if (mine === null) return;
      const lower = PRIORITIES.slice(0, index).find((below) => (minutes(below, target) ?? Infinity) < mine);
      if (lower === undefined) return;
      warnings.push({
        path: `targets.${higher}.${target}`,
        message: t("sla.warn.higherLonger", {
          higher: t(`priority.${higher}`),
          lower: t(`priority.${lower}`),
          target: t(`sla.target.${target}`),
          time: time(mine),
          lowerTime: time(minutes(lower, target) ?? 0),
        }),
      });
    });
  }
  (policy.matrix.steps ?? []).forEach((step, index) => {
    if (step.kind !== "reminder" || step.offsetMinutes <= 0) return;
    let shortest: { minutes: number; target: (typeof TARGETS)[number] } | null = null;
    for (const priority of step.priorities ?? PRIORITIES) {
      for (const target of step.targets ?? TARGETS) {
        const value = minutes(priority, target);
        if (value !== null && (shortest === null || value < shortest.minutes)) shortest = { minutes: value, target };
      }
    }
    if (shortest !== null && step.offsetMinutes >= shortest.minutes) {
      warnings.push({
        path: `matrix.steps[${index}].offsetMinutes`,
        message: t("sla.warn.reminderBeforeStart", {
          offset: time(step.offsetMinutes),
          target: t(`sla.target.${shortest.target}`),
          time: time(shortest.minutes),
        }),
      });
    }
  });
  return warnings;
}
