// The business-calendar core: validation, arithmetic, and the ISO instants it speaks.
export {
  BeyondHorizonError,
  BusinessCalendar,
  type CalendarOptions,
  DEFAULT_HORIZON_MS,
  MAX_INSTANT,
  MIN_INSTANT,
  mergePauses,
  NoOpenTimeError,
  type Instant,
  type Pause,
} from "./businessCalendar.js";
export {
  InvalidCalendarError,
  parseCalendar,
  WEEKDAYS,
  type CalendarIssue,
  type CalendarRules,
  type CalendarSpec,
  type TimeRange,
  type Weekday,
} from "./calendarSpec.js";
export { formatInstant, InvalidInstantError, parseInstant } from "../time/iso.js";
