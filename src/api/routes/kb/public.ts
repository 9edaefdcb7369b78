// The knowledge base for anyone, without signing in: search, free-text suggestions and
// published articles, rate-limited per address. The self-care widget calls these; every search
// is logged (query, language, hits, instant) for the managers' report.

import rateLimit from "@fastify/rate-limit";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { isKbLanguage, type KbLanguage, pickVersion } from "../../../core/kb/article.js";
import { acceptedLocale } from "../../../core/i18n/index.js";
import { renderMarkdown } from "../../../core/kb/markdown.js";
import { articleById, categoryById, logRead, logSearch, searchArticles, translationBySlug, translationsOf } from "../../../store/kb.js";
import { HttpError, notFound } from "../../errors.js";
import { now } from "../common/access.js";
import { errorResponses } from "../common/schema.js";
import { rejectNulCharacters, validatorCompiler } from "../common/validation.js";
import { LangQuery, PublicArticle, PublicSearchQuery, PublicSuggestQuery, SearchAnswer, SlugParams } from "./schema.js";

const tags = ["knowledge base (public)"];

/** Requests a minute one address may make to the public knowledge base. */
export const PUBLIC_KB_RATE = { max: 120, timeWindow: 60_000 };

/** The reader's language: asked for, else their browser's, else French. */
function readerLanguage(request: FastifyRequest, lang: KbLanguage | undefined): KbLanguage {
  if (lang) return lang;
  const accepted = acceptedLocale(request.headers["accept-language"]);
  return isKbLanguage(accepted) ? accepted : "fr";
}

/** Registers /public/kb/…; mount with `{ prefix: "/api/v1" }`. */
export const publicKbRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.setValidatorCompiler(validatorCompiler);
  app.addHook("preValidation", rejectNulCharacters);
  await app.register(rateLimit, {
    global: true,
    ...PUBLIC_KB_RATE,
    errorResponseBuilder: (_request, context) => new HttpError(429, "rate_limited", `too many requests from this address; retry in ${context.after}`),
  });

  app.get(
    "/public/kb/search",
    {
      schema: {
        tags,
        summary: "Search published articles (no sign-in)",
        security: [],
        querystring: PublicSearchQuery,
        response: { 200: SearchAnswer, ...errorResponses },
      },
    },
    async (request) => {
      const language = readerLanguage(request, request.query.lang);
      const db = request.server.database.db;
      const results = await searchArticles(db, { text: request.query.q, language, limit: request.query.limit ?? 5, any: false });
      const searchId = await logSearch(db, { query: request.query.q, language, kind: "search", hits: results.length, at: now(request) });
      return { results: results.map(({ id, slug, title, snippet, language: l, category }) => ({ id, slug, title, snippet, language: l, category })), searchId };
    },
  );

  app.get(
    "/public/kb/suggest",
    {
      schema: {
        tags,
        summary: "Articles for free text, as typed in a contact form (any of its words, ranked)",
        security: [],
        querystring: PublicSuggestQuery,
        response: { 200: SearchAnswer, ...errorResponses },
      },
    },
    async (request) => {
      const language = readerLanguage(request, request.query.lang);
      const db = request.server.database.db;
      const results = await searchArticles(db, { text: request.query.text, language, limit: request.query.limit ?? 5, any: true });
      const searchId = await logSearch(db, { query: request.query.text.slice(0, 500), language, kind: "suggest", hits: results.length, at: now(request) });
      return { results: results.map(({ id, slug, title, snippet, language: l, category }) => ({ id, slug, title, snippet, language: l, category })), searchId };
    },
  );

  app.get(
    "/public/kb/articles/:slug",
    {
      schema: {
        tags,
        summary: "A published article, in the reader's language when it has that version",
        security: [],
        params: SlugParams,
        querystring: LangQuery,
        response: { 200: PublicArticle, ...errorResponses },
      },
    },
    async (request) => {
      const db = request.server.database.db;
      const asked = await translationBySlug(db, request.params.slug);
      if (!asked || asked.status !== "published") throw notFound(`article ${request.params.slug}`);
      const article = await articleById(db, asked.articleId);
      if (!article) throw notFound(`article ${request.params.slug}`);
      const published = (await translationsOf(db, [article.id])).filter((t) => t.status === "published");
      const shown = (request.query.lang ? pickVersion(published, request.query.lang, asked.language) : asked) ?? asked;
      const category = article.categoryId ? await categoryById(db, article.categoryId) : undefined;
      await logRead(db, shown.id, now(request));
      return {
        id: article.id,
        slug: shown.slug,
        title: shown.title,
        html: renderMarkdown(shown.body),
        language: shown.language as KbLanguage,
        category: category?.slug ?? null,
        translations: published.map((t) => ({ language: t.language as KbLanguage, slug: t.slug })),
      };
    },
  );
};
