// Self-care as stored: the steps of visitors' journeys in the widget, the ones attached to a
// ticket, the counts behind the self-service ratio, and the team a widget names.

import { and, asc, count, desc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import type { JourneyStep } from "../core/selfcare/journey.js";
import type { Db } from "./database.js";
import { selfcareSteps, teams, tickets } from "./schema.js";

/** A step to store, as the widget reported it (or the request the server wrote). */
export interface NewJourneyStep {
  visitorId: string;
  teamId: string | null;
  kind: JourneyStep["kind"];
  query?: string | null;
  results?: number | null;
  articleSlug?: string | null;
  articleTitle?: string | null;
  helpful?: boolean | null;
  language?: string | null;
  pageUrl?: string | null;
  ticketNumber?: number | null;
  at: Date;
}

/** Stores `steps` in one statement. */
export async function insertJourneySteps(tx: Db, steps: readonly NewJourneyStep[]): Promise<void> {
  if (steps.length === 0) return;
  await tx.insert(selfcareSteps).values(
    steps.map((step) => ({
      visitorId: step.visitorId,
      teamId: step.teamId,
      kind: step.kind,
      query: step.query ?? null,
      results: step.results ?? null,
      articleSlug: step.articleSlug ?? null,
      articleTitle: step.articleTitle ?? null,
      helpful: step.helpful ?? null,
      language: step.language ?? null,
      pageUrl: step.pageUrl ?? null,
      ticketNumber: step.ticketNumber ?? null,
      at: step.at,
    })),
  );
}

/**
 * Attaches to ticket `number` the steps of `visitorId` since `since` that no ticket has yet, the
 * latest `max` of them. Returns how many were attached.
 */
export async function attachJourney(tx: Db, props: { visitorId: string; since: Date; number: number; max: number }): Promise<number> {
  const latest = tx
    .select({ id: selfcareSteps.id })
    .from(selfcareSteps)
    .where(and(eq(selfcareSteps.visitorId, props.visitorId), isNull(selfcareSteps.ticketNumber), gte(selfcareSteps.at, props.since)))
    .orderBy(desc(selfcareSteps.at))
    .limit(props.max);
  const rows = await tx.update(selfcareSteps).set({ ticketNumber: props.number }).where(inArray(selfcareSteps.id, latest)).returning({ id: selfcareSteps.id });
  return rows.length;
}

/** The journey attached to ticket `number`, oldest step first. */
export async function journeyOfTicket(db: Db, number: number): Promise<JourneyStep[]> {
  const rows = await db.select().from(selfcareSteps).where(eq(selfcareSteps.ticketNumber, number)).orderBy(asc(selfcareSteps.at), asc(selfcareSteps.kind));
  return rows.map((row): JourneyStep => {
    switch (row.kind) {
      case "search":
        return { kind: "search", at: row.at, query: row.query ?? "", results: row.results ?? 0 };
      case "article":
        return { kind: "article", at: row.at, slug: row.articleSlug ?? "", title: row.articleTitle ?? "" };
      case "answered":
        return { kind: "answered", at: row.at, slug: row.articleSlug ?? "", title: row.articleTitle ?? "", helpful: row.helpful === true };
      default:
        return { kind: "request", at: row.at, ticketNumber: row.ticketNumber };
    }
  });
}

/** What self-care did over [from, to): questions it answered, requests still written, and per article. */
export interface SelfCareStats {
  deflected: number;
  requests: number;
  articles: { slug: string; title: string; helpful: number; notHelpful: number }[];
}

/** The counts behind the self-service ratio over [from, to), for one team or all. */
export async function selfCareStats(db: Db, props: { from: Date; to: Date; teamId?: string | null }): Promise<SelfCareStats> {
  const within = and(gte(selfcareSteps.at, props.from), lt(selfcareSteps.at, props.to), props.teamId ? eq(selfcareSteps.teamId, props.teamId) : undefined);
  const totals = await db
    .select({
      deflected: sql<number>`count(*) filter (where ${selfcareSteps.kind} = 'answered' and ${selfcareSteps.helpful})`.mapWith(Number),
      requests: sql<number>`count(*) filter (where ${selfcareSteps.kind} = 'request')`.mapWith(Number),
    })
    .from(selfcareSteps)
    .where(within);
  const helpfulCount = sql<number>`count(*) filter (where ${selfcareSteps.helpful})`.mapWith(Number);
  const articles = await db
    .select({
      slug: selfcareSteps.articleSlug,
      title: sql<string>`max(${selfcareSteps.articleTitle})`,
      helpful: helpfulCount,
      notHelpful: sql<number>`count(*) filter (where not ${selfcareSteps.helpful})`.mapWith(Number),
      all: count(),
    })
    .from(selfcareSteps)
    .where(and(within, eq(selfcareSteps.kind, "answered")))
    .groupBy(selfcareSteps.articleSlug)
    .orderBy(desc(helpfulCount), asc(selfcareSteps.articleSlug))
    .limit(20);
  return {
    deflected: totals[0]?.deflected ?? 0,
    requests: totals[0]?.requests ?? 0,
    articles: articles.map((a) => ({ slug: a.slug ?? "", title: a.title ?? "", helpful: a.helpful, notHelpful: a.notHelpful })),
  };
}

/** A team as the widget sees it. */
export interface WidgetTeam {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  calendarId: string | null;
}

/** Every team, as the widget sees them (teams are few: a widget names one by id or by slug). */
export async function widgetTeams(db: Db): Promise<WidgetTeam[]> {
  return db
    .select({ id: teams.id, name: teams.name, email: teams.email, phone: teams.phone, calendarId: teams.calendarId })
    .from(teams)
    .orderBy(asc(teams.name));
}

/** The first `limit` tickets of the web channel, by number, with their creation instant and team. */
export async function webTickets(db: Db, limit: number): Promise<{ number: number; createdAt: Date; teamId: string | null; language: string | null }[]> {
  return db
    .select({ number: tickets.number, createdAt: tickets.createdAt, teamId: tickets.teamId, language: tickets.language })
    .from(tickets)
    .where(eq(tickets.channel, "web"))
    .orderBy(asc(tickets.number))
    .limit(limit);
}
