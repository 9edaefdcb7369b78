// A burst of negative mentions: enough public messages read as frustrated (triage's signal) on
// one network within a short window is an incident, raised once until it has calmed down.

/** One public message as the detection reads it. */
export interface Mention {
  at: Date;
  /** Triage read it as frustrated. */
  negative: boolean;
}

export interface BurstRule {
  /** How many negative mentions within `windowMs` make a burst. */
  threshold: number;
  windowMs: number;
}

/** The default: 5 negative mentions within 15 minutes. */
export const DEFAULT_BURST: BurstRule = { threshold: 5, windowMs: 15 * 60_000 };

/** A burst found: how many negative mentions, from when to when. */
export interface Burst {
  count: number;
  since: Date;
  until: Date;
}

/**
 * The burst at `now`: the negative mentions within the window ending at `now` (a mention exactly
 * `windowMs` old is out; one dated after `now` is not counted), when they reach the threshold;
 * null otherwise. `openSince`, when an incident still open was raised, counts only what came
 * after it, so that one burst raises one incident.
 */
export function detectBurst(mentions: readonly Mention[], now: Date, rule: BurstRule = DEFAULT_BURST, openSince?: Date | null): Burst | null {
  const from = Math.max(now.getTime() - rule.windowMs, openSince ? openSince.getTime() : -Infinity);
  const inWindow = mentions
    .filter((mention) => mention.negative && mention.at.getTime() > from && mention.at.getTime() <= now.getTime())
    .map((mention) => mention.at.getTime())
    .sort((a, b) => a - b);
  if (inWindow.length < rule.threshold) return null;
  return { count: inWindow.length, since: new Date(inWindow[0] as number), until: new Date(inWindow[inWindow.length - 1] as number) };
}
