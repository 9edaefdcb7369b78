// Article attachments over HTTP: staff upload, list and remove them; readers download a
// published version's files from the public endpoint and /help/ with a safe Content-Disposition
// and their type, never a draft's; a file over the limit is refused by name in the reader's language.

import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";

interface Attachment {
  id: string;
  name: string;
  type: string;
  size: number;
  url: string;
}
interface Article {
  id: string;
  translations: { language: string; slug: string; attachments: Attachment[] }[];
}

describeStore(
  "knowledge-base attachments over HTTP",
  (get) => {
    let api: ApiHarness;
    let article: Article;
    beforeAll(async () => {
      api = await openApi(get());
      article = (
        await api.call<Article>("manager", "POST", "/api/v1/kb/articles", {
          body: {
            categoryId: null,
            fallbackLanguage: "fr",
            translations: [
              { language: "fr", slug: "guide-retour", title: "Guide de retour", body: "Suivez le guide.", status: "published" },
              { language: "nl", slug: "retourgids", title: "Retourgids", body: "Volg de gids.", status: "draft" },
            ],
          },
        })
      ).json;
    });
    afterAll(() => api.close());

    const upload = (role: "manager" | "agent", language: string, name: string, content: Buffer, type = "text/plain", headers: Record<string, string> = {}) =>
      api.app.inject({
        method: "POST",
        url: `/api/v1/kb/articles/${article.id}/versions/${language}/attachments?name=${encodeURIComponent(name)}`,
        headers: { authorization: `Bearer ${api.agents[role].token}`, "content-type": type, ...headers },
        payload: content,
      });

    it("lets a writer attach a file that staff list and readers download with its name and type", async () => {
      const made = await upload("manager", "fr", "étiquette retour.txt", Buffer.from("Imprimez l'étiquette prépayée."));
      expect(made.statusCode).toBe(201);
      const file = made.json<Attachment>();
      expect(file).toMatchObject({ name: "étiquette retour.txt", type: "text/plain", size: Buffer.byteLength("Imprimez l'étiquette prépayée.") });

      const staff = await api.call<Article>("agent", "GET", `/api/v1/kb/articles/${article.id}`);
      expect(staff.json.translations.find((t) => t.language === "fr")!.attachments).toEqual([file]);

      const page = await api.call<{ attachments: Attachment[] }>("anonymous", "GET", "/api/v1/public/kb/articles/guide-retour");
      expect(page.json.attachments).toEqual([{ ...file, url: `/api/v1/public/kb/attachments/${file.id}` }]);
      const download = await api.app.inject({ method: "GET", url: page.json.attachments[0]!.url });
      expect(download.statusCode).toBe(200);
      expect(download.body).toBe("Imprimez l'étiquette prépayée.");
      expect(download.headers["content-type"]).toBe("text/plain");
      expect(download.headers["content-disposition"]).toBe(`attachment; filename="_tiquette retour.txt"; filename*=UTF-8''%C3%A9tiquette%20retour.txt`);
      expect(download.headers["x-content-type-options"]).toBe("nosniff");

      const help = await api.app.inject({ method: "GET", url: "/help/guide-retour?lang=fr" });
      expect(help.body).toContain("Fichiers joints");
      expect(help.body).toContain(`href="/api/v1/public/kb/attachments/${file.id}"`);
      expect(help.body).toContain("étiquette retour.txt</a> (33 octets)");

      // Search finds the article by the file's words.
      const found = await api.call<{ results: { slug: string }[] }>("anonymous", "GET", "/api/v1/public/kb/search?q=prepayee&lang=fr");
      expect(found.json.results.map((r) => r.slug)).toEqual(["guide-retour"]);
    });

    it("keeps a draft's files from readers and lets only writers attach or remove", async () => {
      const draft = (await upload("manager", "nl", "gids.html", Buffer.from("<p>Retourlabel</p>"), "text/html")).json<Attachment>();
      expect(draft.type).toBe("text/html");
      expect((await api.app.inject({ method: "GET", url: `/api/v1/public/kb/attachments/${draft.id}` })).statusCode).toBe(404);
      const staffCopy = await api.app.inject({ method: "GET", url: draft.url, headers: { authorization: `Bearer ${api.agents.agent.token}` } });
      expect(staffCopy.statusCode).toBe(200);
      expect(staffCopy.headers["content-disposition"]).toMatch(/^attachment;/);
      expect(staffCopy.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
      expect((await api.app.inject({ method: "GET", url: draft.url })).statusCode).toBe(401);

      expect((await upload("agent", "fr", "note.txt", Buffer.from("x"))).statusCode).toBe(403);
      expect((await api.call("agent", "DELETE", `/api/v1/kb/articles/${article.id}/attachments/${draft.id}`)).status).toBe(403);
      expect((await api.call("manager", "DELETE", `/api/v1/kb/articles/${article.id}/attachments/${draft.id}`)).status).toBe(204);
      expect((await api.call("manager", "DELETE", `/api/v1/kb/articles/${article.id}/attachments/${draft.id}`)).status).toBe(404);
      // A version the article does not have.
      expect((await upload("manager", "en", "guide.txt", Buffer.from("x"))).statusCode).toBe(404);
    });

    it("refuses a file over the limit naming it in the reader's language, and a nameless one by field", async () => {
      const big = await upload("manager", "fr", "catalogue.pdf", Buffer.alloc(10 * 1024 * 1024 + 1), "application/pdf", { "accept-language": "nl" });
      expect(big.statusCode).toBe(400);
      const detail = big.json<ErrorJson>().error.details[0]!;
      expect(detail).toMatchObject({ path: "file", code: "kb_attachment_too_large", label: "Bestand" });
      expect(detail.message).toBe("het bestand catalogue.pdf is groter dan 10 MB, het maximum voor een artikel");
      const empty = await upload("manager", "fr", "vide.txt", Buffer.alloc(0), "text/plain", { "accept-language": "fr" });
      expect(empty.json<ErrorJson>().error.details[0]!.message).toBe("le fichier vide.txt est vide");
      const nameless = await upload("manager", "fr", "/", Buffer.from("x"));
      expect(nameless.json<ErrorJson>().error.details.map((d) => [d.path, d.code])).toEqual([["name", "required"]]);
      const staff = await api.call<Article>("agent", "GET", `/api/v1/kb/articles/${article.id}`);
      expect(staff.json.translations.find((t) => t.language === "fr")!.attachments.map((a) => a.name)).toEqual(["étiquette retour.txt"]);
      // The limit itself is allowed, past the API's 1 MB for JSON bodies.
      const atLimit = await upload("manager", "fr", "catalogue.pdf", Buffer.alloc(10 * 1024 * 1024, 0x25), "application/pdf");
      expect(atLimit.statusCode).toBe(201);
      expect(atLimit.json<Attachment>()).toMatchObject({ name: "catalogue.pdf", type: "application/pdf", size: 10 * 1024 * 1024 });
    });
  },
  { once: true },
);
