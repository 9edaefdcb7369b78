// Recording what a visitor did in the widget: their searches, the articles they opened and
// whether one answered their question, as steps of their journey.

import type { Language } from "../../core/ticket/ticket.js";
import { insertJourneySteps } from "../../store/selfcare.js";
import type { Work } from "../work.js";

/** One step as the widget reports it. */
export type VisitorStep =
  | { kind: "search"; query: string; results: number }
  | { kind: "article"; slug: string; title: string }
  | { kind: "answered"; slug: string; title: string; helpful: boolean };

export interface RecordJourneyProps {
  visitorId: string;
  /** The team whose widget it is; null when the widget named none that exists any more. */
  teamId: string | null;
  language: Language | null;
  pageUrl: string | null;
  steps: readonly VisitorStep[];
  /** The ticket the steps led to, when the request was written already (the demo's history): a `request` step ends the journey. */
  ticketNumber?: number | null;
}

/**
 * Stores the steps at the work's instant, in the order given (each a millisecond after the one
 * before, so that the journey reads in that order). Returns how many answered the question.
 */
export async function recordJourney(work: Work, props: RecordJourneyProps): Promise<{ recorded: number; deflected: number }> {
  const base = work.now.getTime();
  await insertJourneySteps(
    work.tx,
    props.steps.map((step, index) => ({
      visitorId: props.visitorId,
      teamId: props.teamId,
      kind: step.kind,
      language: props.language,
      pageUrl: props.pageUrl,
      ticketNumber: props.ticketNumber ?? null,
      at: new Date(base + index),
      ...(step.kind === "search" ? { query: step.query.trim(), results: step.results } : { articleSlug: step.slug, articleTitle: step.title.trim() }),
      ...(step.kind === "answered" ? { helpful: step.helpful } : {}),
    })),
  );
  // A journey that led to a ticket already written ends with that request.
  if (props.ticketNumber != null) {
    await insertJourneySteps(work.tx, [
      {
        visitorId: props.visitorId,
        teamId: props.teamId,
        kind: "request",
        language: props.language,
        pageUrl: props.pageUrl,
        ticketNumber: props.ticketNumber,
        at: new Date(base + props.steps.length),
      },
    ]);
  }
  return { recorded: props.steps.length, deflected: props.steps.filter((step) => step.kind === "answered" && step.helpful).length };
}
