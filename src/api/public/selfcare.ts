// The public self-care API the widget calls from a customer's site: no sign-in, any origin
// (CORS without credentials), rate-limited per address, every field validated.

import cors from "@fastify/cors";
import rateLimit, { type RateLimitOptions } from "@fastify/rate-limit";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { acceptedLocale, MESSAGES, type Locale } from "../../core/i18n/index.js";
import { phoneShown, teamSlug } from "../../core/selfcare/journey.js";
import { recordJourney } from "../../commands/selfcare/recordJourney.js";
import { submitRequest } from "../../commands/selfcare/submitRequest.js";
import { inWork } from "../../commands/work.js";
import { widgetTeams, type WidgetTeam } from "../../store/selfcare.js";
import { loadCalendars } from "../../store/sla/policies.js";
import { HttpError } from "../errors.js";
import { ErrorResponse } from "../routes/common/schema.js";
import { rejectDeepBodies, rejectNulCharacters, validatorCompiler } from "../routes/common/validation.js";
import { JourneyAnswer, JourneyBody, RequestAnswer, RequestBody, WidgetConfigQuery, WidgetConfigSchema } from "./selfcareSchema.js";

const tags = ["self-care"];
const PUBLIC: { [scheme: string]: string[] }[] = [];
const errors = { "4xx": ErrorResponse } as const;

/** Per client address: reading the configuration, reporting steps, and writing requests (the costly one). */
export const SELFCARE_LIMITS = {
  config: { max: 120, timeWindow: 60_000 },
  journey: { max: 120, timeWindow: 60_000 },
  requests: { max: 10, timeWindow: 60_000 },
} satisfies Record<string, RateLimitOptions>;

/** Where any site may call from: the public API the widget calls (the knowledge base's and self-care's). */
export const PUBLIC_PREFIX = "/api/v1/public/";

/**
 * CORS for the public API only: any origin, GET and POST with a JSON body, never credentials (the
 * widget sends no cookies). Other paths get no CORS headers and their preflights a 404.
 */
export async function registerPublicCors(app: FastifyInstance): Promise<void> {
  await app.register(cors, {
    delegator: (request, callback) =>
      callback(
        null,
        (request.url ?? "").startsWith(PUBLIC_PREFIX)
          ? { origin: "*", methods: ["GET", "POST"], allowedHeaders: ["content-type"], maxAge: 600, credentials: false }
          : { origin: false },
      ),
  });
}

/** The team a widget names by id or by slug; a 404 when there is none. */
async function teamNamed(request: FastifyRequest, team: string): Promise<WidgetTeam> {
  const wanted = team.trim().toLowerCase();
  const found = (await widgetTeams(request.server.database.db)).find((t) => t.id === wanted || teamSlug(t.name) === wanted);
  if (!found) throw new HttpError(404, "not_found", `no team ${JSON.stringify(team)}: give its id or its name as a slug`);
  return found;
}

/** The widget's language: the one it asked for, else the browser's, else English. */
function widgetLocale(request: FastifyRequest, lang: Locale | undefined): Locale {
  return lang ?? acceptedLocale(request.headers["accept-language"]) ?? "en";
}

/** The widget's words in `locale`, keyed without their `widget.texts.` prefix. */
function widgetTexts(locale: Locale): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [key, value] of MESSAGES[locale]) if (key.startsWith("widget.texts.")) texts[key.slice("widget.texts.".length)] = value;
  return texts;
}

/** Registers the self-care routes; mount with `{ prefix: "/api/v1/public" }`. */
export const selfcareRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.setValidatorCompiler(validatorCompiler);
  app.removeContentTypeParser("text/plain");
  app.addHook("preValidation", rejectDeepBodies);
  app.addHook("preValidation", rejectNulCharacters);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new HttpError(429, "rate_limited", `too many self-care requests from this address; retry in ${context.after}`),
  });

  app.get(
    "/widget/config",
    {
      config: { rateLimit: SELFCARE_LIMITS.config },
      schema: {
        tags,
        summary: "The widget's words, its team, and how to reach the team now (the phone only while its calendar is open)",
        security: PUBLIC,
        querystring: WidgetConfigQuery,
        response: { 200: WidgetConfigSchema, ...errors },
      },
    },
    async (request, reply) => {
      const team = await teamNamed(request, request.query.team);
      const language = widgetLocale(request, request.query.lang);
      const calendars = await loadCalendars(request.server.database.db, [team.calendarId]);
      const shown = phoneShown(team.phone, team.calendarId === null ? null : calendars(team.calendarId), request.server.clock.now());
      // The phone's visibility changes with the calendar: caches may keep the answer a minute.
      reply.header("cache-control", "public, max-age=60").header("vary", "accept-language");
      return {
        team: { id: team.id, name: team.name },
        language,
        texts: widgetTexts(language),
        email: team.email,
        phone: shown ? team.phone : null,
        phoneShown: shown,
      };
    },
  );

  app.post(
    "/selfcare/journey",
    {
      config: { rateLimit: SELFCARE_LIMITS.journey },
      schema: {
        tags,
        summary: "Record steps of a visitor's self-care journey: searches, articles opened, whether one answered the question",
        security: PUBLIC,
        body: JourneyBody,
        response: { 202: JourneyAnswer, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const team = await teamNamed(request, body.team);
      const answer = await inWork(request.server.database.db, { now: request.server.clock.now(), actor: { type: "system" } }, (work) =>
        recordJourney(work, { visitorId: body.visitorId, teamId: team.id, language: body.lang ?? null, pageUrl: body.pageUrl ?? null, steps: body.steps }),
      );
      reply.status(202);
      return answer;
    },
  );

  app.post(
    "/selfcare/requests",
    {
      config: { rateLimit: SELFCARE_LIMITS.requests },
      schema: {
        tags,
        summary: "The widget's contact form: a ticket on the web channel for the customer with this e-mail, with the visitor's journey attached",
        security: PUBLIC,
        body: RequestBody,
        response: { 201: RequestAnswer, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const team = await teamNamed(request, body.team);
      const { ticket } = await inWork(request.server.database.db, { now: request.server.clock.now(), actor: { type: "system" } }, (work) =>
        submitRequest(work, {
          visitorId: body.visitorId,
          teamId: team.id,
          name: body.name,
          email: body.email,
          subject: body.subject,
          message: body.message,
          language: body.lang ?? null,
          pageUrl: body.pageUrl ?? null,
        }),
      );
      reply.status(201);
      return { number: ticket.number };
    },
  );
};
