// Knowledge-base relevance in French, Dutch and English: a fixed set of queries, accents and
// typos included, each expecting one article first (or in the top three where the words are
// shared by neighbours), over the fixture's help centre, on PGlite and PostgreSQL; an article
// found by a word only in its attached file; a correction that follows the words published.

import { beforeAll, expect, it } from "vitest";
import { createArticle, createCategory } from "../../src/commands/kb/articles.js";
import { attachFile } from "../../src/commands/kb/attachments.js";
import { inWork } from "../../src/commands/work.js";
import { type KbLanguage, slugify } from "../../src/core/kb/article.js";
import { searchArticles } from "../../src/store/kb.js";
import { describeStore } from "../support/testDatabase.js";
import { CASES, CATEGORIES, FIXTURE } from "./fixture.js";

describeStore("knowledge-base relevance", (get) => {
  const ids = new Map<string, string>();
  beforeAll(async () => {
    await inWork(get().db, { now: new Date("2026-12-01T09:00:00Z"), actor: { type: "system" } }, async (work) => {
      const categories = new Map<string, string>();
      for (const c of CATEGORIES) categories.set(c.slug, (await createCategory(work, c)).id);
      for (const a of FIXTURE) {
        const translations = Object.entries(a.versions).map(([language, v]) => ({
          language: language as KbLanguage,
          slug: `${slugify(v.title)}-${language}`,
          title: v.title,
          body: v.body,
          status: "published" as const,
        }));
        const made = await createArticle(work, { categoryId: categories.get(a.category)!, fallbackLanguage: a.fallback, translations });
        ids.set(made.article.id, a.key);
      }
    });
  }, 60_000);

  for (const c of CASES) {
    it(`${c.suggest ? "suggests" : "finds"} ${c.expect} (${c.language}) ${c.within ? "in the top 3" : "first"} for “${c.q}” read in ${c.lang}`, async () => {
      const results = await searchArticles(get().db, { text: c.q, language: c.lang, limit: 5, any: c.suggest ?? false });
      const found = results.map((r) => `${ids.get(r.id)}/${r.language}`);
      const at = found.indexOf(`${c.expect}/${c.language}`);
      expect(at, `results: ${found.join(", ") || "none"}`).toBeGreaterThanOrEqual(0);
      expect(at, `results: ${found.join(", ")}`).toBeLessThan(c.within ?? 1);
    });
  }

  it("marks the matched words, accented or not, and escapes everything else", async () => {
    const [hit] = await searchArticles(get().db, { text: "evenement", language: "fr", limit: 1, any: false });
    expect(hit!.snippet).toContain("<mark>évènement</mark>");
    expect(hit!.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it("finds an article by a word only in its attached file", async () => {
    const [refund] = [...ids].find(([, key]) => key === "refund")!;
    expect(await searchArticles(get().db, { text: "bordereau", language: "fr", limit: 5, any: false })).toEqual([]);
    await inWork(get().db, { now: new Date("2026-12-01T09:00:00Z"), actor: { type: "system" } }, (work) =>
      attachFile(work, {
        articleId: refund,
        language: "fr",
        filename: "formulaire.txt",
        contentType: "text/plain",
        content: Buffer.from("Joignez le bordereau de retour signé."),
      }),
    );
    const found = await searchArticles(get().db, { text: "bordereaux", language: "fr", limit: 5, any: false });
    expect(found.map((r) => `${ids.get(r.id)}/${r.language}`)).toEqual(["refund/fr"]);
  });

  it("finds nothing for words no article has, rather than something unrelated", async () => {
    expect(await searchArticles(get().db, { text: "xylophone", language: "fr", limit: 5, any: false })).toEqual([]);
    expect(await searchArticles(get().db, { text: "parapluie", language: "fr", limit: 5, any: false })).toEqual([]);
  });

  it("corrects a misspelt word to a word published after the misspelling was first searched", async () => {
    const search = () => searchArticles(get().db, { text: "trotinette", language: "fr", limit: 5, any: false }).then((r) => r.map((x) => x.slug));
    // Searched once: this process now remembers that no article word is near it.
    expect(await search()).toEqual([]);
    await inWork(get().db, { now: new Date("2026-12-01T10:00:00Z"), actor: { type: "system" } }, (work) =>
      createArticle(work, {
        categoryId: null,
        fallbackLanguage: "fr",
        translations: [
          {
            language: "fr",
            slug: "louer-une-trottinette-fr",
            title: "Louer une trottinette",
            body: "Les trottinettes se louent à l'accueil.",
            status: "published",
          },
        ],
      }),
    );
    expect(await search()).toEqual(["louer-une-trottinette-fr"]);
  });

  it("suggests first, for free text, an article matching two of its words over one that repeats one of them", async () => {
    await inWork(get().db, { now: new Date("2026-12-01T10:00:00Z"), actor: { type: "system" } }, async (work) => {
      const write = (slug: string, title: string, body: string) =>
        createArticle(work, { categoryId: null, fallbackLanguage: "fr", translations: [{ language: "fr", slug, title, body, status: "published" }] });
      await write("casque-fr", "Casque", "Le casque : un casque léger, notre casque de vélo, le meilleur casque.");
      await write("accessoires-fr", "Accessoires offerts", "Une gourde et un casque sont offerts avec chaque vélo.");
    });
    const found = await searchArticles(get().db, { text: "Il me faut une gourde et un casque", language: "fr", limit: 5, any: true });
    expect(found.map((r) => r.slug)).toEqual(["accessoires-fr", "casque-fr"]);
  });
});
