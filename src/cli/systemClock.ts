// The wall clock: the one place in Palier that reads the current time; everything else is
// handed a Clock (this one, or a ManualClock with PALIER_CLOCK=manual).

import type { Clock } from "../core/clock.js";

/** The system's clock. */
export const systemClock: Clock = { now: () => new Date() };
