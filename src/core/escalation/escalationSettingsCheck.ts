// Checking a change to the workspace's escalation settings: the reminder delay, the
// escalate-without-trying guard, the ETA per urgency, the approval limits per role and the root
// causes (added, renamed, retired). Every problem named by its path, at once.

import { ROLES, type Role } from "../access/permissions.js";
import type { ApprovalLimits } from "./approval.js";
import { EscalationInvalid, type EscalationProblem } from "./escalationInvalid.js";
import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings, HANDOFF_URGENCIES, type HandoffUrgency } from "./handoff.js";
import { checkRootCauses } from "./rootCauseList.js";

/** A change to the settings: each field given replaces the workspace's value; absent ones stay. */
export interface EscalationSettingsChange {
  reminderHours?: unknown;
  tryFirstMinutes?: unknown;
  etaMinutes?: Partial<Record<HandoffUrgency, unknown>>;
  approvalLimits?: Partial<Record<Role, unknown>>;
  rootCauses?: unknown;
}

/** What a checked change writes. */
export type CheckedSettingsChange = Partial<EscalationSettings> & { approvalLimits?: Partial<ApprovalLimits> };

/** Bounds of each number: hours of business time, minutes, and cents (a million euros at most). */
export const SETTINGS_BOUNDS = {
  reminderHours: { min: 1, max: 200 },
  tryFirstMinutes: { min: 0, max: 1440 },
  etaMinutes: { min: 1, max: 60 * 24 * 60 },
  approvalLimits: { min: 0, max: 100_000_000 },
} as const;

function whole(value: unknown, path: string, bounds: { min: number; max: number }, problems: EscalationProblem[]): number | undefined {
  if (typeof value !== "number" || !Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    problems.push({ path, code: "out_of_range", params: bounds });
    return undefined;
  }
  return value;
}

/**
 * The change checked; throws EscalationInvalid naming every problem: a number out of its bounds
 * or not whole (`out_of_range`), and the root causes' problems (see checkRootCauses) against the
 * workspace's `current` list.
 */
export function checkEscalationSettings(
  change: EscalationSettingsChange,
  current: EscalationSettings["rootCauses"] = DEFAULT_ESCALATION_SETTINGS.rootCauses,
): CheckedSettingsChange {
  const problems: EscalationProblem[] = [];
  const out: CheckedSettingsChange = {};
  if (change.reminderHours !== undefined) out.reminderHours = whole(change.reminderHours, "reminderHours", SETTINGS_BOUNDS.reminderHours, problems);
  if (change.tryFirstMinutes !== undefined) out.tryFirstMinutes = whole(change.tryFirstMinutes, "tryFirstMinutes", SETTINGS_BOUNDS.tryFirstMinutes, problems);
  if (change.etaMinutes !== undefined) {
    const eta: Partial<Record<HandoffUrgency, number>> = {};
    for (const urgency of HANDOFF_URGENCIES) {
      const value = change.etaMinutes[urgency];
      if (value === undefined) continue;
      const checked = whole(value, `etaMinutes.${urgency}`, SETTINGS_BOUNDS.etaMinutes, problems);
      if (checked !== undefined) eta[urgency] = checked;
    }
    out.etaMinutes = eta as Record<HandoffUrgency, number>;
  }
  if (change.approvalLimits !== undefined) {
    const limits: Partial<ApprovalLimits> = {};
    for (const role of ROLES) {
      const value = change.approvalLimits[role];
      if (value === undefined) continue;
      if (value === null) limits[role] = null;
      else {
        const checked = whole(value, `approvalLimits.${role}`, SETTINGS_BOUNDS.approvalLimits, problems);
        if (checked !== undefined) limits[role] = checked;
      }
    }
    out.approvalLimits = limits;
  }
  if (change.rootCauses !== undefined) {
    try {
      out.rootCauses = checkRootCauses(change.rootCauses, current);
    } catch (error) {
      if (!(error instanceof EscalationInvalid)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new EscalationInvalid(problems);
  return out;
}
