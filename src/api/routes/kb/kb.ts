// The knowledge base for staff: categories, articles with their language versions, a Markdown
// preview, search (drafts included), the articles suggested for a ticket, and the managers'
// report of searches that find nothing and of the most-read articles.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { Type } from "typebox";
import { createArticle, createCategory, replaceArticle, type StoredArticle } from "../../../commands/kb/articles.js";
import { inWork } from "../../../commands/work.js";
import { isKbLanguage, type KbLanguage, type KbStatus } from "../../../core/kb/article.js";
import { markdownText, renderMarkdown } from "../../../core/kb/markdown.js";
import { readerLanguage as profileLanguage } from "../../../store/accounts.js";
import {
  articleById,
  deleteArticle,
  type KbCategoryRow,
  listArticles,
  listCategories,
  mostRead,
  searchArticles,
  translationsOf,
  unansweredSearches,
} from "../../../store/kb.js";
import { type KbAttachmentInfo, kbAttachmentsOf } from "../../../store/kbAttachments.js";
import { listMessages } from "../../../store/tickets/messageRows.js";
import { notFound } from "../../errors.js";
import { actorOf, callerWith, now } from "../common/access.js";
import { errorResponses, IdParams, SECURITY, Uuid } from "../common/schema.js";
import { visibleTicket } from "../tickets/tickets.js";
import { ArticleBody, ArticleSchema, CategoryBody, CategorySchema, Language, StaffResult, StaffSearchQuery } from "./schema.js";

const tags = ["knowledge base"];

/** A file as listed: its name, type, size and where staff download it. */
export function presentAttachment(file: KbAttachmentInfo, url: string) {
  return { id: file.id, name: file.filename, type: file.contentType, size: file.size, url };
}

/** An article as staff read it: every version with its rendered HTML and its files. */
function presentArticle({ article, translations }: StoredArticle, files: readonly KbAttachmentInfo[]) {
  return {
    id: article.id,
    categoryId: article.categoryId,
    fallbackLanguage: article.fallbackLanguage as KbLanguage,
    translations: translations.map((t) => ({
      id: t.id,
      language: t.language as KbLanguage,
      slug: t.slug,
      title: t.title,
      body: t.body,
      html: renderMarkdown(t.body),
      status: t.status as KbStatus,
      publishedAt: t.publishedAt?.toISOString() ?? null,
      updatedAt: t.updatedAt.toISOString(),
      attachments: files.filter((f) => f.translationId === t.id).map((f) => presentAttachment(f, `/api/v1/kb/attachments/${f.id}`)),
    })),
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
    version: article.version,
  };
}

function presentCategory(c: KbCategoryRow) {
  return { id: c.id, slug: c.slug, names: { fr: c.names.fr ?? "", nl: c.names.nl ?? "", en: c.names.en ?? "" }, position: c.position };
}

/** The staff member's language for ordering results: asked for, else their profile's, else French. */
async function staffLanguage(request: FastifyRequest, lang: KbLanguage | undefined): Promise<KbLanguage> {
  if (lang) return lang;
  const profile = request.principal ? (await profileLanguage(request.server.database.db, request.principal))?.slice(0, 2).toLowerCase() : undefined;
  return isKbLanguage(profile) ? profile : "fr";
}

/** A result with the version's content, to insert in a reply. */
async function withContent(request: FastifyRequest, results: Awaited<ReturnType<typeof searchArticles>>) {
  const versions = await translationsOf(
    request.server.database.db,
    results.map((r) => r.articleId),
  );
  return results.map((r) => {
    const version = versions.find((v) => v.slug === r.slug)!;
    return {
      id: r.id,
      slug: r.slug,
      title: r.title,
      snippet: r.snippet,
      language: r.language,
      category: r.category,
      html: renderMarkdown(version.body),
      text: markdownText(version.body),
    };
  });
}

const ArticleList = Type.Object({ items: Type.Array(ArticleSchema) }, { additionalProperties: false });
const Report = Type.Object(
  {
    since: Type.String({ format: "date-time" }),
    unanswered: Type.Array(
      Type.Object(
        { query: Type.String(), language: Type.String(), count: Type.Integer(), lastAt: Type.String({ format: "date-time" }) },
        { additionalProperties: false },
      ),
    ),
    mostRead: Type.Array(
      Type.Object(
        { articleId: Uuid, slug: Type.String(), title: Type.String(), language: Type.String(), reads: Type.Integer() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** Registers /kb/…; mount with `{ prefix: "/api/v1" }`. */
export const kbRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/kb/categories",
    {
      schema: {
        tags,
        summary: "The knowledge base's categories",
        security: SECURITY,
        response: { 200: Type.Object({ items: Type.Array(CategorySchema) }), ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "kb.read");
      return { items: (await listCategories(request.server.database.db)).map(presentCategory) };
    },
  );

  app.post(
    "/kb/categories",
    {
      schema: {
        tags,
        summary: "Add a category, named in French, Dutch and English",
        security: SECURITY,
        body: CategoryBody,
        response: { 201: CategorySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "kb.write");
      const category = await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) => createCategory(work, request.body));
      reply.status(201);
      return presentCategory(category);
    },
  );

  app.get(
    "/kb/articles",
    {
      schema: {
        tags,
        summary: "Articles with their versions, most recently changed first",
        security: SECURITY,
        querystring: Type.Object(
          { categoryId: Type.Optional(Uuid), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })) },
          { additionalProperties: false },
        ),
        response: { 200: ArticleList, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "kb.read");
      const db = request.server.database.db;
      const articles = await listArticles(db, {
        ...(request.query.categoryId ? { categoryId: request.query.categoryId } : {}),
        limit: request.query.limit ?? 200,
      });
      const versions = await translationsOf(
        db,
        articles.map((a) => a.id),
      );
      const files = await kbAttachmentsOf(
        db,
        versions.map((v) => v.id),
      );
      return { items: articles.map((article) => presentArticle({ article, translations: versions.filter((v) => v.articleId === article.id) }, files)) };
    },
  );

  app.post(
    "/kb/articles",
    {
      schema: {
        tags,
        summary: "Write an article in one or more languages",
        security: SECURITY,
        body: ArticleBody,
        response: { 201: ArticleSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "kb.write");
      const stored = await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) => createArticle(work, request.body));
      reply.status(201);
      return presentArticle(
        stored,
        await kbAttachmentsOf(
          request.server.database.db,
          stored.translations.map((t) => t.id),
        ),
      );
    },
  );

  app.get(
    "/kb/articles/:id",
    {
      schema: {
        tags,
        summary: "An article with every version, drafts included",
        security: SECURITY,
        params: IdParams,
        response: { 200: ArticleSchema, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "kb.read");
      const db = request.server.database.db;
      const article = await articleById(db, request.params.id);
      if (!article) throw notFound(`article ${request.params.id}`);
      const translations = await translationsOf(db, [article.id]);
      return presentArticle(
        { article, translations },
        await kbAttachmentsOf(
          db,
          translations.map((t) => t.id),
        ),
      );
    },
  );

  app.put(
    "/kb/articles/:id",
    {
      schema: {
        tags,
        summary: "Replace an article: its category, fallback language and versions (a version left out is removed)",
        security: SECURITY,
        params: IdParams,
        body: ArticleBody,
        response: { 200: ArticleSchema, ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "kb.write");
      const stored = await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        replaceArticle(work, request.params.id, request.body),
      );
      return presentArticle(
        stored,
        await kbAttachmentsOf(
          request.server.database.db,
          stored.translations.map((t) => t.id),
        ),
      );
    },
  );

  app.delete(
    "/kb/articles/:id",
    {
      schema: {
        tags,
        summary: "Delete an article and every version of it",
        security: SECURITY,
        params: IdParams,
        response: { 204: { type: "null", description: "deleted" }, ...errorResponses },
      },
    },
    async (request, reply) => {
      callerWith(request, "kb.write");
      if (!(await deleteArticle(request.server.database.db, request.params.id))) throw notFound(`article ${request.params.id}`);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/kb/preview",
    {
      schema: {
        tags,
        summary: "Markdown as an article shows it (sanitized HTML)",
        security: SECURITY,
        body: Type.Object({ body: Type.String({ maxLength: 100_010 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ html: Type.String() }, { additionalProperties: false }), ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "kb.read");
      return { html: renderMarkdown(request.body.body) };
    },
  );

  app.get(
    "/kb/search",
    {
      schema: {
        tags,
        summary: "Search every article, drafts included, the reader's language first",
        security: SECURITY,
        querystring: StaffSearchQuery,
        response: { 200: Type.Object({ results: Type.Array(StaffResult) }, { additionalProperties: false }), ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "kb.read");
      const language = await staffLanguage(request, request.query.lang);
      const results = await searchArticles(request.server.database.db, {
        text: request.query.q,
        language,
        limit: request.query.limit ?? 10,
        any: false,
        includeDrafts: true,
      });
      return { results: await withContent(request, results) };
    },
  );

  app.get(
    "/tickets/:number/kb-suggestions",
    {
      schema: {
        tags,
        summary: "Published articles for a ticket's conversation (its subject and messages), in the ticket's language first",
        security: SECURITY,
        params: Type.Object({ number: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ results: Type.Array(StaffResult) }, { additionalProperties: false }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "kb.read");
      const ticket = await visibleTicket(request, principal, request.params.number);
      const messages = await listMessages(request.server.database.db, ticket.number, { notes: false });
      // The subject and the customer's words, most recent first: what the conversation is about.
      const customer = messages.filter((m) => m.kind === "customer").reverse();
      const text = [ticket.subject, ...customer.map((m) => m.bodyText)].join("\n").slice(0, 5000);
      const language = isKbLanguage(ticket.language) ? ticket.language : await staffLanguage(request, undefined);
      const results = await searchArticles(request.server.database.db, { text, language, limit: request.query.limit ?? 5, any: true });
      return { results: await withContent(request, results) };
    },
  );

  app.get(
    "/kb/report",
    {
      schema: {
        tags,
        summary: "Public searches that found nothing (most frequent first, per language) and the most-read articles",
        security: SECURITY,
        querystring: Type.Object(
          { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 30 })), lang: Type.Optional(Language) },
          { additionalProperties: false },
        ),
        response: { 200: Report, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "kb.report");
      const since = new Date(now(request).getTime() - (request.query.days ?? 30) * 86_400_000);
      const db = request.server.database.db;
      const unanswered = (await unansweredSearches(db, since, 200)).filter((u) => !request.query.lang || u.language === request.query.lang).slice(0, 50);
      const read = (await mostRead(db, since, 200)).filter((r) => !request.query.lang || r.language === request.query.lang).slice(0, 20);
      return { since: since.toISOString(), unanswered: unanswered.map((u) => ({ ...u, lastAt: u.lastAt.toISOString() })), mostRead: read };
    },
  );
};
