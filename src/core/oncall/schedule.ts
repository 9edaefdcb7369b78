// An on-call schedule as stored and as `palier oncall` reads it (docs/oncall.md): a time zone,
// layers of rotations with optional restrictions, and overrides. Participants are strings: agent
// ids in the workspace, any name on the command line.

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A rotation's length: hours count real hours; days and weeks hand off at the same local time. */
export type RotationLength = { hours: number } | { days: number } | { weeks: number };

export interface Rotation {
  /** In order; the first is on call from `start`. */
  participants: string[];
  /** ISO 8601 with an offset: fixes the first hand-off and, for days and weeks, its local time. */
  start: string;
  length: RotationLength;
}

/** When a layer is active: these weekdays (local), from `from` to `to` (local "HH:MM"); a `to` before `from` runs past midnight. */
export interface Restriction {
  days: Weekday[];
  from: string;
  to: string;
}

export interface Layer {
  name?: string;
  rotation: Rotation;
  restrictions?: Restriction[];
}

/** Someone on call from `start` to `end` (ISO 8601), above every layer. */
export interface Override {
  start: string;
  end: string;
  who: string;
}

export interface OnCallScheduleSpec {
  /** IANA zone the restrictions and the hand-offs' local times are read in. */
  timezone: string;
  /** Where several layers have someone at an instant, the later one in the list wins. */
  layers: Layer[];
  overrides?: Override[];
}

/** One stretch of the final schedule: who is on call from `start` to `end` (empty: nobody). */
export interface Shift {
  start: number;
  end: number;
  who: string[];
}
