// The public knowledge base over HTTP, as the self-care widget calls it: no sign-in, only
// published versions, snippets whose only markup is <mark>, every search logged.

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createArticle, createCategory } from "../../../commands/kb/articles.js";
import { inWork } from "../../../commands/work.js";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore, selectRows } from "../../../../test/support/testDatabase.js";

interface Answer {
  results: { id: string; slug: string; title: string; snippet: string; language: string; category: string | null }[];
  searchId: string;
}

describeStore("public knowledge base", (get) => {
  let api: ApiHarness;
  let articleId: string;
  beforeAll(async () => {
    api = await openApi(get());
    const db = get().db;
    const actor = { type: "system" as const, id: "test" };
    await inWork(db, { now: api.clock.now(), actor }, async (work) => {
      const billing = await createCategory(work, { slug: "facturation", names: { fr: "Facturation", nl: "Facturatie", en: "Billing" } });
      const refund = await createArticle(work, {
        categoryId: billing.id,
        fallbackLanguage: "fr",
        translations: [
          {
            language: "fr",
            slug: "demander-un-remboursement",
            title: "Demander un remboursement",
            body: "Après l'annulation d'un **évènement**, le remboursement arrive sous 14 jours (frais & taxes compris). <script>alert(1)</script>",
            status: "published",
          },
          {
            language: "nl",
            slug: "terugbetaling-aanvragen",
            title: "Een terugbetaling aanvragen",
            body: "Na de annulering van een evenement wordt u binnen 14 dagen terugbetaald.",
            status: "published",
          },
          { language: "en", slug: "request-a-refund", title: "Request a refund", body: "Draft: refunds after a cancelled event.", status: "draft" },
        ],
      });
      articleId = refund.article.id;
      await createArticle(work, {
        categoryId: null,
        fallbackLanguage: "fr",
        translations: [
          { language: "fr", slug: "brouillon-secret", title: "Remboursement secret", body: "Pas encore publié : remboursement.", status: "draft" },
        ],
      });
    });
  });
  afterAll(() => api.close());

  it("finds a published article without signing in, accents folded and typos tolerated, with escaped snippets", async () => {
    const search = await api.call<Answer>("anonymous", "GET", "/api/v1/public/kb/search?q=rembourssement%20evenement&lang=fr");
    expect(search.status).toBe(200);
    expect(search.json.results.map((r) => r.slug)).toEqual(["demander-un-remboursement"]);
    const [hit] = search.json.results;
    expect(hit).toMatchObject({ id: articleId, title: "Demander un remboursement", language: "fr", category: "facturation" });
    expect(hit!.snippet).toContain("<mark>évènement</mark>");
    expect(hit!.snippet).toContain("frais &amp; taxes");
    expect(hit!.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    expect(search.json.searchId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives the reader's language first and never a draft", async () => {
    const dutch = await api.call<Answer>("anonymous", "GET", "/api/v1/public/kb/search?q=evenement&lang=nl");
    expect(dutch.json.results.map((r) => [r.slug, r.language])).toEqual([["terugbetaling-aanvragen", "nl"]]);
    const english = await api.call<Answer>("anonymous", "GET", "/api/v1/public/kb/search?q=refund&lang=en");
    expect(english.json.results).toEqual([]);
    const secret = await api.call<Answer>("anonymous", "GET", "/api/v1/public/kb/search?q=secret&lang=fr");
    expect(secret.json.results).toEqual([]);
  });

  it("suggests articles for free text with any of its words", async () => {
    const suggest = await api.call<Answer>(
      "anonymous",
      "GET",
      `/api/v1/public/kb/suggest?text=${encodeURIComponent("Bonjour, je voudrais être remboursé de ma commande")}&lang=fr&limit=3`,
    );
    expect(suggest.status).toBe(200);
    expect(suggest.json.results.map((r) => r.slug)).toEqual(["demander-un-remboursement"]);
  });

  it("serves a published article in the asked language, sanitized, with its translations; 404 for drafts and unknown slugs", async () => {
    const article = await api.call<Record<string, unknown>>("anonymous", "GET", "/api/v1/public/kb/articles/demander-un-remboursement?lang=nl");
    expect(article.status).toBe(200);
    expect(article.json).toMatchObject({ id: articleId, slug: "terugbetaling-aanvragen", language: "nl", category: "facturation" });
    expect(article.json.translations).toEqual([
      { language: "fr", slug: "demander-un-remboursement" },
      { language: "nl", slug: "terugbetaling-aanvragen" },
    ]);
    const french = await api.call<{ html: string }>("anonymous", "GET", "/api/v1/public/kb/articles/demander-un-remboursement");
    expect(french.json.html).toContain("<strong>évènement</strong>");
    expect(french.json.html).not.toContain("<script");
    for (const slug of ["request-a-refund", "brouillon-secret", "nothing-here"]) {
      const missing = await api.call<ErrorJson>("anonymous", "GET", `/api/v1/public/kb/articles/${slug}`);
      expect(missing.status).toBe(404);
      expect(missing.json.error.code).toBe("not_found");
    }
  });

  it("logs every public search with its hits, and refuses bad parameters by name", async () => {
    await api.call<Answer>("anonymous", "GET", "/api/v1/public/kb/search?q=introuvable&lang=fr");
    const logged = await selectRows<{ query: string; language: string; kind: string; hits: number }>(
      get(),
      sql`select query, language, kind, hits from kb_searches order by query`,
    );
    expect(logged).toContainEqual({ query: "introuvable", language: "fr", kind: "search", hits: 0 });
    expect(logged).toContainEqual({ query: "rembourssement evenement", language: "fr", kind: "search", hits: 1 });
    expect(logged.some((l) => l.kind === "suggest" && l.hits === 1)).toBe(true);
    const bad = await api.call<ErrorJson>("anonymous", "GET", "/api/v1/public/kb/search?q=x&lang=de");
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d) => d.path)).toContain("querystring.lang");
    const empty = await api.call<ErrorJson>("anonymous", "GET", "/api/v1/public/kb/suggest?text=");
    expect(empty.status).toBe(400);
  });
});
