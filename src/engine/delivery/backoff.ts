// When a failed delivery is tried again: exponential backoff with jitter, so that a receiver
// that comes back is not hit by every retry at the same instant.

/** The first retry waits about this long; each further failure doubles it. */
export const BACKOFF_BASE_MS = 30_000;
/** No retry waits longer than this. */
export const BACKOFF_CAP_MS = 3_600_000;

/**
 * The wait after the `attempts`-th failed attempt (1 for the first): 30 s × 2^(attempts − 1),
 * capped at 1 h, of which a random part (`random()` in [0, 1)) of the upper half is dropped.
 * Never longer than the capped value, never shorter than half of it.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  const full = Math.min(BACKOFF_BASE_MS * 2 ** exponent, BACKOFF_CAP_MS);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(full / 2 + (full / 2) * (1 - r));
}
