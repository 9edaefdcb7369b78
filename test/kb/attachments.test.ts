// Files attached to article versions, through the commands, on PGlite and PostgreSQL: search
// finds an article by words only in its file until the file is removed, a version written again
// keeps its files, and a file over the limit is refused by name with nothing written.

import { beforeAll, expect, it } from "vitest";
import { createArticle, replaceArticle } from "../../src/commands/kb/articles.js";
import { attachFile, removeFile } from "../../src/commands/kb/attachments.js";
import { inWork, type Work } from "../../src/commands/work.js";
import { KbInvalid } from "../../src/core/kb/article.js";
import { KB_ATTACHMENT_LIMITS } from "../../src/core/kb/attachment.js";
import { searchArticles, translationsOf } from "../../src/store/kb.js";
import { kbAttachmentById, kbAttachmentsOf } from "../../src/store/kbAttachments.js";
import { describeStore } from "../support/testDatabase.js";

const NOW = new Date("2026-12-01T09:00:00Z");

describeStore("knowledge-base attachments", (get) => {
  const run = <T>(fn: (work: Work) => Promise<T>) => inWork(get().db, { now: NOW, actor: { type: "system" } }, fn);
  const search = (text: string) => searchArticles(get().db, { text, language: "fr", limit: 5, any: false }).then((r) => r.map((x) => x.slug));
  const props = (status: "draft" | "published" = "published") => ({
    categoryId: null,
    fallbackLanguage: "fr" as const,
    translations: [{ language: "fr" as const, slug: "tarifs-livraison", title: "Tarifs de livraison", body: "Les frais dépendent du poids.", status }],
  });
  let articleId = "";

  beforeAll(async () => {
    articleId = (await run((work) => createArticle(work, props()))).article.id;
  });

  it("finds an article by a word only in its attached file, typos included, and no longer once the file is removed", async () => {
    expect(await search("tachygraphe")).toEqual([]);
    const file = await run((work) =>
      attachFile(work, {
        articleId,
        language: "fr",
        filename: "C:\\Documents\\grille-tarifaire.md",
        contentType: undefined,
        content: Buffer.from("# Grille\n\nLe **tachygraphe** est offert au-delà de 30 kg."),
      }),
    );
    expect(file).toMatchObject({ filename: "grille-tarifaire.md", contentType: "text/markdown" });
    expect(await search("tachygraphe")).toEqual(["tarifs-livraison"]);
    expect(await search("tachigraphe")).toEqual(["tarifs-livraison"]);
    // The file's name is searched too.
    expect(await search("grille tarifaire")).toEqual(["tarifs-livraison"]);
    await run((work) => removeFile(work, { articleId, attachmentId: file.id }));
    expect(await search("tachygraphe")).toEqual([]);
    expect(await kbAttachmentById(get().db, file.id)).toBeUndefined();
  });

  it("keeps a version's files and their words when the article is written again, and drops them with the version", async () => {
    const file = await run((work) =>
      attachFile(work, {
        articleId,
        language: "fr",
        filename: "douane.html",
        contentType: "text/html; charset=utf-8",
        content: Buffer.from("<p>Formulaire <b>dédouanement</b></p><script>alerte()</script>"),
      }),
    );
    await run((work) => replaceArticle(work, articleId, { ...props(), translations: [{ ...props().translations[0]!, body: "Texte revu." }] }));
    expect(await search("dedouanement")).toEqual(["tarifs-livraison"]);
    const stored = await kbAttachmentById(get().db, file.id);
    expect(stored!.content.toString()).toContain("<script>");
    expect(stored!.size).toBe(stored!.content.length);
    // The article in English only: its French version goes, and its files with it.
    await run((work) =>
      replaceArticle(work, articleId, {
        categoryId: null,
        fallbackLanguage: "en",
        translations: [{ language: "en", slug: "shipping-rates", title: "Shipping rates", body: "By weight.", status: "published" }],
      }),
    );
    expect(await kbAttachmentById(get().db, file.id)).toBeUndefined();
    expect(await search("dedouanement")).toEqual([]);
  });

  it("refuses a file over the limit by its name, and an empty one, writing nothing", async () => {
    const other = (await run((work) => createArticle(work, { ...props(), translations: [{ ...props().translations[0]!, slug: "poids" }] }))).article.id;
    const attempt = (content: Buffer) =>
      run((work) => attachFile(work, { articleId: other, language: "fr", filename: "catalogue.pdf", contentType: "application/pdf", content }));
    const big = await attempt(Buffer.alloc(KB_ATTACHMENT_LIMITS.bytes + 1)).catch((e: unknown) => e);
    expect(big).toBeInstanceOf(KbInvalid);
    expect((big as KbInvalid).problems).toEqual([
      expect.objectContaining({ path: "file", code: "kb_attachment_too_large", params: { name: "catalogue.pdf", limit: "10 MB" } }),
    ]);
    const empty = await attempt(Buffer.alloc(0)).catch((e: unknown) => e);
    expect((empty as KbInvalid).problems.map((p) => p.code)).toEqual(["kb_attachment_empty"]);
    const versions = await translationsOf(get().db, [other]);
    expect(
      await kbAttachmentsOf(
        get().db,
        versions.map((v) => v.id),
      ),
    ).toEqual([]);
  });
});
