// The knowledge base's pure parts: validation by field, the version a reader is shown, query
// words, Markdown rendered safe, snippets whose only markup is <mark>.

import { describe, expect, it } from "vitest";
import { KbInvalid, pickVersion, slugify, validateArticle, validateCategory } from "./article.js";
import { MARK_END, MARK_START, markdownText, queryTerms, renderMarkdown, snippetHtml } from "./markdown.js";

const version = { language: "fr" as const, slug: "demander-un-remboursement", title: "Demander un remboursement", body: "Texte", status: "published" as const };

function problems(run: () => void): { path: string; code: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof KbInvalid) return error.problems.map(({ path, code }) => ({ path, code }));
    throw error;
  }
  return [];
}

describe("article validation", () => {
  it("accepts an article with its fallback among its versions", () => {
    expect(problems(() => validateArticle({ fallbackLanguage: "fr", translations: [version] }))).toEqual([]);
  });

  it("names every problem with its field path", () => {
    const found = problems(() =>
      validateArticle({
        fallbackLanguage: "en",
        translations: [
          { ...version, slug: "Pas Un Slug", title: "  " },
          { ...version, title: "x".repeat(201) },
        ],
      }),
    );
    expect(found).toEqual([
      { path: "translations[0].title", code: "required" },
      { path: "translations[0].slug", code: "kb_slug_format" },
      { path: "translations[1].title", code: "too_long" },
      { path: "translations[1].language", code: "kb_duplicate_language" },
      { path: "fallbackLanguage", code: "kb_fallback_missing" },
    ]);
    expect(problems(() => validateArticle({ fallbackLanguage: "fr", translations: [] }))).toEqual([{ path: "translations", code: "kb_no_translation" }]);
    expect(problems(() => validateCategory({ slug: "aide", names: { fr: "Aide", nl: "" } }))).toEqual([
      { path: "names.nl", code: "required" },
      { path: "names.en", code: "required" },
    ]);
  });

  it("makes slugs of titles, accents folded", () => {
    expect(slugify("Mon évènement est annulé ou reporté !")).toBe("mon-evenement-est-annule-ou-reporte");
  });
});

describe("the version a reader is shown", () => {
  const versions = [{ language: "nl" }, { language: "en" }];
  it("is theirs, else the fallback, else the first in fr, nl, en order", () => {
    expect(pickVersion(versions, "en", "nl")?.language).toBe("en");
    expect(pickVersion(versions, "fr", "en")?.language).toBe("en");
    expect(pickVersion(versions, "fr", "fr")?.language).toBe("nl");
    expect(pickVersion([], "fr", "fr")).toBeUndefined();
  });
});

describe("query words", () => {
  it("keeps letters and digits, folds case, drops elisions and repeats, at most twelve", () => {
    expect(queryTerms("L'évènement du 12/03 -- annulé ? annulé!")).toEqual(["évènement", "du", "12", "03", "annulé"]);
    expect(queryTerms("a & b | c:* !d")).toEqual([]);
    expect(queryTerms(Array.from({ length: 20 }, (_, i) => `mot${i}`).join(" "))).toHaveLength(12);
  });
});

describe("Markdown", () => {
  it("renders safe HTML: raw HTML shown as text, links without script", () => {
    const html = renderMarkdown('**Gras** <img src=x onerror="alert(1)"> [lien](javascript:alert(1)) [site](https://example.org)');
    expect(html).toContain("<strong>Gras</strong>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('href="https://example.org"');
  });

  it("gives plain text without markup or control characters", () => {
    expect(markdownText("# Titre\n\n**Gras** et *italique*\u0001 & <b>x</b>")).toBe("Titre\nGras et italique & <b>x</b>");
  });
});

describe("snippets", () => {
  it("escape everything and turn only the highlight markers into <mark>", () => {
    expect(snippetHtml(`a <script> & ${MARK_START}évènement${MARK_END} "b"`)).toBe("a &lt;script&gt; &amp; <mark>évènement</mark> &quot;b&quot;");
    expect(snippetHtml(`${MARK_START}open`)).toBe("<mark>open</mark>");
    expect(snippetHtml(`close${MARK_END}`)).toBe("close");
  });
});
