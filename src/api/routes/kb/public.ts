// The knowledge base for anyone, without signing in: search, free-text suggestions and
// published articles, rate-limited per address. The self-care widget calls these; every search
// is logged (query, language, hits, instant) for the managers' report.

import rateLimit from "@fastify/rate-limit";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { Type } from "typebox";
import { isKbLanguage, type KbLanguage, pickVersion } from "../../../core/kb/article.js";
import { acceptedLocale, translate } from "../../../core/i18n/index.js";
import { renderMarkdown } from "../../../core/kb/markdown.js";
import { articleById, categoryById, logRead, logSearch, searchArticles, translationBySlug, translationsOf } from "../../../store/kb.js";
import { type KbAttachmentInfo, kbAttachmentById, kbAttachmentsOf } from "../../../store/kbAttachments.js";
import { HttpError, notFound } from "../../errors.js";
import { sendDownload } from "../common/download.js";
import { now } from "../common/access.js";
import { errorResponses, IdParams } from "../common/schema.js";
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

/** A published version's file as readers see it listed, with its public download address. */
function publicAttachment(file: KbAttachmentInfo) {
  return { id: file.id, name: file.filename, type: file.contentType, size: file.size, url: `/api/v1/public/kb/attachments/${file.id}` };
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
        attachments: (await kbAttachmentsOf(db, [shown.id])).map(publicAttachment),
      };
    },
  );

  app.get(
    "/public/kb/attachments/:id",
    {
      schema: {
        tags,
        summary: "Download a file attached to a published article",
        security: [],
        params: IdParams,
        response: { 200: Type.Unknown({ description: "the bytes as uploaded, with their type" }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await kbAttachmentById(request.server.database.db, request.params.id);
      // A draft's files are not public: the same answer as a file that does not exist.
      if (!file || file.status !== "published") throw notFound(`attachment ${request.params.id}`);
      return sendDownload(reply, file, "public, max-age=300");
    },
  );
};

const PAGE_WORDS: Record<KbLanguage, { other: string; lang: string }> = {
  fr: { other: "Aussi en", lang: "fr" },
  nl: { other: "Ook in", lang: "nl" },
  en: { other: "Also in", lang: "en" },
};
const LANGUAGE_NAMES: Record<KbLanguage, string> = { fr: "Français", nl: "Nederlands", en: "English" };

/** A size as a reader of `language` writes it: "2,4 Mo", "2.4 MB". */
function fileSize(bytes: number, language: KbLanguage): string {
  const tenths = (n: number) => Math.round(n * 10) / 10;
  if (bytes < 1024) return translate(language, "kb.page.bytes", { n: bytes });
  if (bytes < 1024 * 1024) return translate(language, "kb.page.kilobytes", { n: tenths(bytes / 1024) });
  return translate(language, "kb.page.megabytes", { n: tenths(bytes / (1024 * 1024)) });
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Registers `/help/:slug`: a published article as a plain page, the address agents insert in replies. */
export const helpPageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.setValidatorCompiler(validatorCompiler);
  app.get("/help/:slug", { schema: { hide: true, params: SlugParams, querystring: LangQuery } }, async (request, reply) => {
    const db = request.server.database.db;
    const asked = await translationBySlug(db, request.params.slug);
    if (!asked || asked.status !== "published") throw notFound(`article ${request.params.slug}`);
    const published = (await translationsOf(db, [asked.articleId])).filter((t) => t.status === "published");
    const shown = (request.query.lang ? pickVersion(published, request.query.lang, asked.language) : asked) ?? asked;
    await logRead(db, shown.id, now(request));
    const language = shown.language as KbLanguage;
    const others = published
      .filter((t) => t.id !== shown.id)
      .map(
        (t) => `<a href="/help/${encodeURIComponent(t.slug)}" hreflang="${t.language}" lang="${t.language}">${LANGUAGE_NAMES[t.language as KbLanguage]}</a>`,
      );
    const files = await kbAttachmentsOf(db, [shown.id]);
    const attachments =
      files.length === 0
        ? ""
        : `<section><h2>${escapeText(translate(language, "kb.page.attachments"))}</h2><ul>${files
            .map(
              (f) =>
                `<li><a href="/api/v1/public/kb/attachments/${f.id}" download>${escapeText(f.filename)}</a> (${escapeText(fileSize(f.size, language))})</li>`,
            )
            .join("")}</ul></section>`;
    const html = `<!doctype html>
<html lang="${PAGE_WORDS[language].lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(shown.title)}</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1f2933}a{color:#1d4ed8}nav{font-size:.9rem;color:#52606d}</style>
</head><body><main><h1>${escapeText(shown.title)}</h1>${renderMarkdown(shown.body)}${attachments}</main>
${others.length > 0 ? `<nav>${PAGE_WORDS[language].other} ${others.join(" · ")}</nav>` : ""}
</body></html>`;
    return reply.type("text/html; charset=utf-8").send(html);
  });
};
