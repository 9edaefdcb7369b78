// The knowledge base for staff over HTTP: named errors per field in the reader's language,
// replacing an article's versions, drafts found by staff search only, the report.

import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";

interface Article {
  id: string;
  fallbackLanguage: string;
  translations: { language: string; slug: string; status: string; html: string }[];
}

const version = (language: string, slug: string, status = "published") => ({
  language,
  slug,
  title: `Titre ${slug}`,
  body: `Le **remboursement** ${slug}`,
  status,
});

describeStore("knowledge base for staff", (get) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  it("names every problem by field, in the reader's language, and writes nothing", async () => {
    const bad = await api.call<ErrorJson>("manager", "POST", "/api/v1/kb/articles", {
      body: { categoryId: null, fallbackLanguage: "en", translations: [version("fr", "Pas Bon"), version("fr", "double")] },
      headers: { "accept-language": "fr" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d) => [d.path, d.code])).toEqual([
      ["translations[0].slug", "kb_slug_format"],
      ["translations[1].language", "kb_duplicate_language"],
      ["fallbackLanguage", "kb_fallback_missing"],
    ]);
    expect(bad.json.error.details[2]!.message).toBe("l’article n’a pas de version dans cette langue");
    expect(bad.json.error.details[2]!.label).toBe("Langue de repli");
    const list = await api.call<{ items: Article[] }>("agent", "GET", "/api/v1/kb/articles");
    expect(list.json.items).toEqual([]);
  });

  it("replaces an article's versions, frees a removed version's address, and refuses one another article uses", async () => {
    const made = await api.call<Article>("team_lead", "POST", "/api/v1/kb/articles", {
      body: { categoryId: null, fallbackLanguage: "fr", translations: [version("fr", "rembourser"), version("nl", "terugbetalen", "draft")] },
    });
    expect(made.status).toBe(201);
    expect(made.json.translations.map((t) => [t.language, t.slug, t.status])).toEqual([
      ["fr", "rembourser", "published"],
      ["nl", "terugbetalen", "draft"],
    ]);
    expect(made.json.translations[0]!.html).toContain("<strong>remboursement</strong>");
    const other = await api.call<Article>("team_lead", "POST", "/api/v1/kb/articles", {
      body: { categoryId: null, fallbackLanguage: "en", translations: [version("en", "refund")] },
    });
    const taken = await api.call<ErrorJson>("team_lead", "PUT", `/api/v1/kb/articles/${made.json.id}`, {
      body: { categoryId: null, fallbackLanguage: "fr", translations: [version("fr", "refund")] },
    });
    expect(taken.status).toBe(400);
    expect(taken.json.error.details.map((d) => [d.path, d.code])).toEqual([["translations[0].slug", "kb_slug_taken"]]);
    // The two versions swap addresses, and English replaces Dutch.
    const replaced = await api.call<Article>("team_lead", "PUT", `/api/v1/kb/articles/${made.json.id}`, {
      body: { categoryId: null, fallbackLanguage: "en", translations: [version("fr", "rembourser-v2"), version("en", "rembourser")] },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json.translations.map((t) => [t.language, t.slug])).toEqual([
      ["en", "rembourser"],
      ["fr", "rembourser-v2"],
    ]);
    expect((await api.call("anonymous", "GET", "/api/v1/public/kb/articles/terugbetalen")).status).toBe(404);
    expect((await api.call("agent", "DELETE", `/api/v1/kb/articles/${other.json.id}`)).status).toBe(403);
    expect((await api.call("manager", "DELETE", `/api/v1/kb/articles/${other.json.id}`)).status).toBe(204);
    expect((await api.call("manager", "GET", `/api/v1/kb/articles/${other.json.id}`)).status).toBe(404);
  });

  it("finds drafts for staff only, and reports searches that found nothing", async () => {
    await api.call("manager", "POST", "/api/v1/kb/articles", {
      body: { categoryId: null, fallbackLanguage: "fr", translations: [version("fr", "brouillon-tarifs", "draft")] },
    });
    const staff = await api.call<{ results: { slug: string; text: string }[] }>("viewer", "GET", "/api/v1/kb/search?q=brouillon&lang=fr");
    expect(staff.json.results.map((r) => r.slug)).toEqual(["brouillon-tarifs"]);
    expect(staff.json.results[0]!.text).toBe("Le remboursement brouillon-tarifs");
    const open = await api.call<{ results: unknown[] }>("anonymous", "GET", "/api/v1/public/kb/search?q=brouillon&lang=fr");
    expect(open.json.results).toEqual([]);
    await api.call("anonymous", "GET", "/api/v1/public/kb/search?q=Brouillon&lang=fr");
    const report = await api.call<{ unanswered: { query: string; language: string; count: number }[] }>("manager", "GET", "/api/v1/kb/report?days=7");
    expect(report.json.unanswered).toContainEqual(expect.objectContaining({ query: "brouillon", language: "fr", count: 2 }));
    expect((await api.call("agent", "GET", "/api/v1/kb/report")).status).toBe(403);
  });
});
