// A visitor's self-care journey in the widget: the steps it records (searches, articles opened,
// whether one answered the question, a request written), the self-service ratio they give, and
// when the team's phone is shown.

import { fold } from "../text/fold.js";

/** What a journey step records; `request` is written by the server when the contact form becomes a ticket. */
export const JOURNEY_KINDS = ["search", "article", "answered", "request"] as const;
export type JourneyKind = (typeof JOURNEY_KINDS)[number];

/** The steps the widget reports itself (a request is the contact form, not a step it posts). */
export const VISITOR_STEP_KINDS = ["search", "article", "answered"] as const;

/** One step of a journey, as stored and as shown to an agent. */
export type JourneyStep =
  | { kind: "search"; at: Date; query: string; results: number }
  | { kind: "article"; at: Date; slug: string; title: string }
  | { kind: "answered"; at: Date; slug: string; title: string; helpful: boolean }
  | { kind: "request"; at: Date; ticketNumber: number | null };

/** How many steps one journey attached to a ticket keeps at most (the latest ones). */
export const JOURNEY_ATTACHED_MAX = 50;

/** How far back the steps of a visitor count toward the ticket they write (24 hours). */
export const JOURNEY_LOOKBACK_MS = 24 * 3_600_000;

/** A visitor id as the widget makes it: 16 to 64 letters, digits, `-` or `_`. */
export const VISITOR_ID_PATTERN = "^[A-Za-z0-9_-]{16,64}$";

/**
 * The share of questions self-care answered over a period: deflected / (deflected + requests),
 * null when there was neither (no ratio, rather than a misleading 0).
 */
export function selfServiceRatio(deflected: number, requests: number): number | null {
  if (deflected < 0 || requests < 0) throw new RangeError("counts are never negative");
  const total = deflected + requests;
  return total === 0 ? null : deflected / total;
}

/** What a journey says at a glance: searches made, articles read, and whether anything helped. */
export function journeySummary(steps: readonly JourneyStep[]): { searches: number; articles: number; helped: boolean | null } {
  let searches = 0;
  let articles = 0;
  let helped: boolean | null = null;
  for (const step of steps) {
    if (step.kind === "search") searches += 1;
    else if (step.kind === "article") articles += 1;
    else if (step.kind === "answered") helped = helped === true || step.helpful;
  }
  return { searches, articles, helped };
}

/**
 * Whether the widget shows the team's phone at `at`: only when the team has a number and its
 * calendar is open then. A team without a calendar is never said to be open (it never said when
 * someone answers).
 */
export function phoneShown(phone: string | null, calendar: { isOpen(at: number): boolean } | null, at: Date): boolean {
  if (phone === null || phone.trim() === "" || calendar === null) return false;
  return calendar.isOpen(at.getTime());
}

/** The name a widget may give a team by: its name folded, words joined by `-` ("Support technique" → "support-technique"). */
export function teamSlug(name: string): string {
  return fold(name).replace(/ /g, "-");
}
